#!/usr/bin/env bash
# Estate benchmark: import of the 80,000-place layout (target < 1 s) into 10 facilities, then the
# occupancy reports over HTTP for an estate of 10 facilities x 512 cells (target p95 <= 20 ms), compared with the
# bare SQL of the same work (the statements the estate service sends for it, recorded and replayed over JDBC)
# against the same embedded PostgreSQL. Builds the jar and the benchmarks with the Maven profile bench (lib.sh).
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

java -cp "$BENCH_CP" EstateBench "http://127.0.0.1:$PORT" "$PASSWORD" BENCH 10 "$N" | tee "$DATA/http.txt"

# Give the cells a population (as the custody module will) so the figures are not all zero, then re-measure.
$PSQL -c "UPDATE location SET population = (random() * operational_capacity)::int WHERE kind = 'CELL' AND facility_code LIKE 'BENCH%'"
$PSQL -c "VACUUM ANALYZE location"
echo "--- with population"
java -cp "$BENCH_CP" EstateBench "http://127.0.0.1:$PORT" "$PASSWORD" BENCH 0 "$N" | grep GET

# The bare SQL of the same two reports: the statements EstateService sends for them, recorded in a Habeas started
# in-process on this server's database and replayed over plain JDBC (bench/lib/BareSql.java).
java -cp "$BENCH_CP" EstateBareSql "jdbc:postgresql://127.0.0.1:$PGPORT/habeas" "$DATA" BENCH "$N" 2>&1 \
    | grep -v 'WARN .*SpringDoc'
