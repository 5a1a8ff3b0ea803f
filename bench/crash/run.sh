#!/usr/bin/env bash
# Crash recovery: kill -9 the server in the middle of writes, start it again, and check that it comes up (the
# orphaned PostgreSQL is stopped), that every write it acknowledged is there, and that the journal verifies.
# Builds the jar with the Maven profile bench (bench/lib.sh). Usage: bench/crash/run.sh [rounds]
source "$(dirname "$0")/../lib.sh"
ROUNDS=${1:-3}
PORT=18081
BASE="http://127.0.0.1:$PORT"
build_jar
DATA=$(mktemp -d /tmp/habeas-crash-XXXX)
ACKED="$DATA/acknowledged.txt"
: >"$ACKED"
# The embedded PostgreSQL's postmaster, by the pid it wrote in its data directory (none while it is stopped).
postmaster() {
    local pid
    pid=$(head -1 "$DATA/postgres/postmaster.pid" 2>/dev/null || true)
    [ -n "$pid" ] && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF "$DATA/postgres" && echo "$pid" || true
}
trap 'kill -9 $SERVER_PID 2>/dev/null || true; pg=$(postmaster); [ -z "$pg" ] || kill "$pg" 2>/dev/null || true' EXIT

start_server "$DATA" "$PORT" "$DATA/server-0.log"
wait_healthy "$PORT" 90 >/dev/null
TOKEN=$(curl -fsS -u admin:bench-secret-passphrase -H 'Content-Type: application/json' \
        -d '{"name":"crash-writer","validDays":1}' "$BASE/api/access/tokens" | sed -E 's/.*"token":"([^"]+)".*/\1/')

writer() {   # issues tokens as fast as it can; records the id of every one the server acknowledged
    local n=0
    while true; do
        n=$((n + 1))
        body=$(curl -sS -m 5 -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
               -d "{\"name\":\"w$1-$n\"}" "$BASE/api/access/tokens" 2>/dev/null) || return 0
        id=$(echo "$body" | sed -nE 's/.*"id":"([0-9a-f-]{36})".*/\1/p')
        [ -n "$id" ] && echo "$id" >>"$ACKED"
    done
}

for round in $(seq 1 "$ROUNDS"); do
    writer 1 & W1=$!
    writer 2 & W2=$!
    sleep 3
    kill -9 "$SERVER_PID"                     # the JVM dies mid-write; its PostgreSQL child keeps running
    wait "$W1" "$W2" 2>/dev/null || true
    orphan=$(postmaster)
    start_server "$DATA" "$PORT" "$DATA/server-$round.log"
    seconds=$(wait_healthy "$PORT" 90)
    sleep 3                                   # sealing runs just behind the writers
    acknowledged=$(sort -u "$ACKED" | wc -l)
    present=$(curl -fsS -H "Authorization: Bearer $TOKEN" "$BASE/api/access/tokens" | grep -o '"id":"[0-9a-f-]*"' \
              | sed -E 's/"id":"(.*)"/\1/' | sort -u)
    missing=$(sort -u "$ACKED" | comm -23 - <(echo "$present") | wc -l)
    verify=$(curl -fsS -u admin:bench-secret-passphrase "$BASE/api/journal/verify")
    status=$(echo "$verify" | sed -nE 's/.*"status":"([A-Z]+)".*/\1/p')
    printf 'round %d: orphaned postgres pid %s, restarted healthy in %.1f s, acknowledged %d, missing %d, verify %s\n' \
        "$round" "${orphan:-none}" "$seconds" "$acknowledged" "$missing" "$status"
    if [ "$missing" != 0 ] || [ "$status" != OK ]; then
        echo "FAILED: $verify"; exit 1
    fi
done
echo "crash recovery: OK"
