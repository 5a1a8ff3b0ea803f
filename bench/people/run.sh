#!/usr/bin/env bash
# Name search and registration at scale. Loads COUNT synthetic people (default 1,000,000) straight into a
# fresh embedded database with COPY (timed), then measures search over HTTP, in process and as the bare SQL of the
# same search (what PeopleService sends for it, recorded and replayed), the naive single-trigram-index design, and
# registration with duplicate checking for 1 and 8 clients. Builds with the Maven profile bench (bench/lib.sh).
# Usage: bench/people/run.sh [count] [queries-per-class]
# KEEP_DATA=1 keeps the loaded data directory (its path is printed) to profile against it afterwards;
# SKIP_NAIVE=1 leaves out the naive floor.
source "$(dirname "$0")/../lib.sh"
COUNT=${1:-1000000}
PER=${2:-200}
PORT=18090
export HABEAS_ADMIN_PASSWORD=people-bench-root-secret   # must not contain "admin"
build_jar
CP="$BENCH_CP"
DATA=$(mktemp -d /tmp/habeas-people-XXXX)
trap 'kill $SERVER_PID 2>/dev/null || true; wait $SERVER_PID 2>/dev/null || true; [ -n "${KEEP_DATA:-}" ] || rm -rf "$DATA"' EXIT
[ -z "${KEEP_DATA:-}" ] || echo "data directory kept: $DATA"

start_server "$DATA" "$PORT" "$DATA/server.log"
wait_healthy "$PORT" 180 >/dev/null
PGPORT=$(sed -n 4p "$DATA/postgres/postmaster.pid")
URL="jdbc:postgresql://127.0.0.1:$PGPORT/habeas"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GB; count=$COUNT; load:$(uptime | sed 's/.*load/ load/')"

java -cp "$CP" LoadPeople "$URL" "$COUNT" "$DATA/sample.txt"

curl -fsS -u "admin:$HABEAS_ADMIN_PASSWORD" -H 'Content-Type: application/json' \
     -d '{"username":"bench-officer","displayName":"Bench Officer","password":"a-long-bench-secret","roles":["LEGAL","INTAKE"]}' \
     "http://127.0.0.1:$PORT/api/access/users" >/dev/null
TOKEN=$(curl -fsS -u "bench-officer:a-long-bench-secret" -H 'Content-Type: application/json' \
     -d '{"name":"bench","validDays":1}' "http://127.0.0.1:$PORT/api/access/tokens" | sed 's/.*"token":"\([^"]*\)".*/\1/')

echo "search, before:$(uptime | sed 's/.*load/ load/')"
java -cp "$CP" SearchBench "http://127.0.0.1:$PORT" "$TOKEN" "$URL" "$DATA/sample.txt" "$PER" habeas "$DATA" \
    2>&1 | grep -v 'WARN .*SpringDoc'
echo "registration, before:$(uptime | sed 's/.*load/ load/')"
java -cp "$CP" RegisterBench "http://127.0.0.1:$PORT" "$TOKEN" 1 200 11
java -cp "$CP" RegisterBench "http://127.0.0.1:$PORT" "$TOKEN" 8 50 22
# Last, since its extra column and index would otherwise weigh on the runs above. SKIP_NAIVE=1 leaves it out (it
# takes longer than everything else and does not change with Habeas' code).
if [ -z "${SKIP_NAIVE:-}" ]; then
    echo "naive, before:$(uptime | sed 's/.*load/ load/')"
    java -cp "$CP" SearchBench "http://127.0.0.1:$PORT" "$TOKEN" "$URL" "$DATA/sample.txt" "$PER" naive
fi
echo "server RSS: $(rss_mb "$SERVER_PID") MB; end:$(uptime | sed 's/.*load/ load/')"
