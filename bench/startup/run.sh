#!/usr/bin/env bash
# Start-up to healthy on the embedded database, and resident memory once started (issue: <= 12 s warm, <= 500 MB).
# A "cold" start initialises a new data directory; "warm" starts reuse it. Builds the jar with the Maven profile
# bench (bench/lib.sh). Usage: bench/startup/run.sh [runs]
source "$(dirname "$0")/../lib.sh"
RUNS=${1:-5}
PORT=18080
build_jar
DATA=$(mktemp -d /tmp/habeas-startup-XXXX)
trap 'kill $SERVER_PID 2>/dev/null || true; rm -rf "$DATA"' EXIT

printf '%-6s %-10s %-8s\n' run seconds rss_mb
for i in $(seq 0 "$RUNS"); do
    start_server "$DATA" "$PORT" "$DATA/server.log"
    # Time from launching the JVM: wait_healthy starts its clock a moment later, so add the launch here.
    launched=$(date +%s.%N)
    wait_healthy "$PORT" 60 >/dev/null
    healthy=$(date +%s.%N)
    sleep 2   # let start-up work (first seal, schedulers) settle before reading memory
    label=$([ "$i" = 0 ] && echo cold || echo "warm$i")
    printf '%-6s %-10.2f %-8s\n' "$label" "$(echo "$healthy - $launched" | bc)" "$(rss_mb "$SERVER_PID")"
    kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
done
