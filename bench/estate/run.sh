#!/usr/bin/env bash
# Estate benchmark (issue 3): import of the 80,000-place layout (target < 1 s) into 10 facilities, then the
# occupancy reports over HTTP for an estate of 10 facilities x 512 cells (target p95 <= 20 ms), compared with the
# bare SQL of the same work run by pgbench against the same embedded PostgreSQL.
# Usage: bench/estate/run.sh [requests]
source "$(dirname "$0")/../lib.sh"
N=${1:-500}
PORT=18083
PASSWORD=estate-bench-secret-2025   # the admin password must not contain "admin"
build_jar
DATA=$(mktemp -d /tmp/habeas-estate-XXXX)
trap 'kill $SERVER_PID 2>/dev/null || true; wait $SERVER_PID 2>/dev/null || true; rm -rf "$DATA"' EXIT
HABEAS_ADMIN_PASSWORD=$PASSWORD start_server "$DATA" "$PORT" "$DATA/server.log"
wait_healthy "$PORT" 300 >/dev/null || { tail -40 "$DATA/server.log"; exit 1; }
PGPORT=$(sed -n 4p "$DATA/postgres/postmaster.pid")
PSQL="psql -X -q -h 127.0.0.1 -p $PGPORT -U postgres -d habeas"

java "$(dirname "$0")/EstateBench.java" "http://127.0.0.1:$PORT" "$PASSWORD" BENCH 10 "$N" | tee "$DATA/http.txt"

# Give the cells a population (as the custody module will) so the figures are not all zero, then re-measure.
$PSQL -c "UPDATE location SET population = (random() * operational_capacity)::int WHERE kind = 'CELL' AND facility_code LIKE 'BENCH%'"
$PSQL -c "VACUUM ANALYZE location"
echo "--- with population"
java "$(dirname "$0")/EstateBench.java" "http://127.0.0.1:$PORT" "$PASSWORD" BENCH 0 "$N" | grep GET

# The bare SQL of the same two reports (the figures columns as the repository writes them, without JSON or HTTP).
FIG="count(*) FILTER (WHERE l.kind = 'CELL'), sum(l.certified_normal) FILTER (WHERE l.kind = 'CELL'),
 sum(l.operational_capacity) FILTER (WHERE l.kind = 'CELL'), sum(l.maximum_capacity) FILTER (WHERE l.kind = 'CELL'),
 sum(l.population), sum(greatest(l.population - l.certified_normal, 0)) FILTER (WHERE l.kind = 'CELL'),
 sum(l.population) FILTER (WHERE l.kind = 'CELL' AND l.population > l.certified_normal),
 sum(l.floor_area_m2) FILTER (WHERE l.kind = 'CELL'), sum(l.icrc_places) FILTER (WHERE l.kind = 'CELL'),
 sum(l.cpt_places) FILTER (WHERE l.kind = 'CELL'), count(*) FILTER (WHERE l.maximum_capacity > l.icrc_places)"
cat >"$DATA/estate.sql" <<SQL
SELECT f.code, f.name, r.* FROM facility f LEFT JOIN (SELECT l.facility_code, $FIG FROM location l
 WHERE l.status = 'ACTIVE' AND l.maximum_capacity IS NOT NULL GROUP BY l.facility_code) r ON r.facility_code = f.code
 ORDER BY f.code;
SQL
cat >"$DATA/levels.sql" <<SQL
WITH rolled AS (SELECT level.id AS level_id, $FIG FROM location l CROSS JOIN LATERAL unnest(l.ancestors || l.id)
 AS level (id) WHERE l.facility_code = 'BENCH0' AND l.status = 'ACTIVE' AND l.maximum_capacity IS NOT NULL
 GROUP BY level.id)
SELECT l.id, l.path_key, l.kind, r.* FROM location l LEFT JOIN rolled r ON r.level_id = l.id
 WHERE l.facility_code = 'BENCH0' ORDER BY l.path_key COLLATE "C";
SQL
for q in estate levels; do
    (cd "$DATA" && pgbench -n -h 127.0.0.1 -p "$PGPORT" -U postgres -f "$q.sql" -t "$N" -l --log-prefix="$q" habeas >/dev/null 2>&1)
    cat "$DATA"/"$q".* | awk '{print $3/1000}' | sort -n | awk -v q="$q" '{a[NR]=$1} END {
        printf "bare SQL %-7s n=%d p50=%.2f ms p95=%.2f ms p99=%.2f ms\n", q, NR, a[int(NR*0.5)], a[int(NR*0.95)], a[int(NR*0.99)] }'
done
