#!/usr/bin/env bash
# Failover drill: a primary and a synchronous hot standby (Debian's PostgreSQL, pg_basebackup -R), Habeas writing
# on the primary while it reads from the standby (journal searches), then the primary is killed (immediate stop),
# the standby promoted and Habeas repointed at it. Passes when every write Habeas acknowledged is on the promoted
# server, the journal verifies against its witness file and the consistency check finds no difference.
# Usage: bench/failover/run.sh [seconds of writing]
source "$(dirname "$0")/../lib.sh"
source "$(dirname "$0")/../pg.sh"
WRITING=${1:-10}
build_jar
WORK=$(pg_workdir habeas-failover)
P1=$(free_port); P2=$(free_port); HTTP=$(free_port)
BASE="http://127.0.0.1:$HTTP"
ACKED="$WORK/acknowledged.txt"
: >"$ACKED"
trap 'kill -9 ${SERVER_PID:-0} 2>/dev/null || true; pg_stop_quietly "$WORK/primary"; pg_stop_quietly "$WORK/standby"' EXIT

pg_init "$WORK/primary" "$P1" "synchronous_commit = on"
pg_start "$WORK/primary"
psql_at "$P1" "CREATE DATABASE habeas" postgres
as_pg "$PG_BIN/pg_basebackup" -D "$WORK/standby" -R -X stream \
      -d "host=localhost port=$P1 user=habeas application_name=standby1"
printf "port = %s\nunix_socket_directories = '%s'\n" "$P2" "$(pg_sockets "$WORK/standby")" | as_pg tee -a "$WORK/standby/postgresql.auto.conf" >/dev/null
pg_start "$WORK/standby"
# Synchronous once the standby is there (before, every commit would wait for it): an acknowledged commit is on both.
psql_at "$P1" "ALTER SYSTEM SET synchronous_standby_names = 'FIRST 1 (standby1)'" >/dev/null
psql_at "$P1" "SELECT pg_reload_conf()" >/dev/null
until [ "$(psql_at "$P1" "SELECT sync_state FROM pg_stat_replication WHERE application_name = 'standby1'")" = sync ]; do
    sleep 0.2
done
echo "replication: $(psql_at "$P1" "SELECT application_name || ' ' || sync_state FROM pg_stat_replication")"

started=$(now)
habeas_on "$WORK/app" "$HTTP" "$WORK/habeas-1.log" "$P1" "$P2"
wait_healthy "$HTTP" 240 >/dev/null
printf 'Habeas healthy on the primary in %.1f s (first start: migrations)\n' "$(echo "$(now) - $started" | bc)"
TOKEN=$(admin_token "$BASE" failover)

reader() {   # journal searches, which go to the standby while it is usable
    while [ ! -f "$ACKED.stop" ]; do
        curl -sS -m 5 -H "Authorization: Bearer $TOKEN" "$BASE/api/journal?size=5" >/dev/null 2>&1 || true
    done
}
lag_max=0
writer "$BASE" "$TOKEN" w1 "$ACKED" & W1=$!
writer "$BASE" "$TOKEN" w2 "$ACKED" & W2=$!
reader & R=$!
for _ in $(seq 1 "$WRITING"); do
    sleep 1
    lag=$(curl -fsS -H "Authorization: Bearer $TOKEN" "$BASE/api/journal?size=1" >/dev/null 2>&1;
          curl -fsS -u admin:bench-secret-passphrase -H 'Accept: text/plain' "$BASE/actuator/prometheus" \
          | sed -nE 's/^habeas_replica_lag_seconds ([0-9.]+)$/\1/p')
    [ -n "$lag" ] && lag_max=$(echo "if ($lag > $lag_max) $lag else $lag_max" | bc)
done
metrics=$(curl -fsS -u admin:bench-secret-passphrase -H 'Accept: text/plain' "$BASE/actuator/prometheus")
reads=$(echo "$metrics" | sed -nE 's/^habeas_replica_reads_total ([0-9.]+)$/\1/p')
fallbacks=$(echo "$metrics" | sed -nE 's/^habeas_replica_fallbacks_total ([0-9.]+)$/\1/p')
echo "while writing: reads on the standby $reads, fallbacks $fallbacks, largest replica lag seen ${lag_max} s"

killed=$(now)
pg_stop "$WORK/primary" immediate          # the primary's machine is lost
touch "$ACKED.stop"
wait "$W1" "$W2" "$R" 2>/dev/null || true
acknowledged=$(sort -u "$ACKED" | wc -l)
kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true

promoting=$(now)
as_pg "$PG_BIN/pg_ctl" -D "$WORK/standby" -w promote >/dev/null
until [ "$(psql_at "$P2" "SELECT pg_is_in_recovery()")" = f ]; do sleep 0.1; done
promoted=$(now)
habeas_on "$WORK/app" "$HTTP" "$WORK/habeas-2.log" "$P2"
wait_healthy "$HTTP" 240 >/dev/null
serving=$(now)
sleep 2   # the sealer runs just behind
lost=$(missing "$BASE" "$TOKEN" "$ACKED")
status=$(verify_status "$BASE")
diffs=$(differences "$BASE")
printf 'promotion %.1f s; primary lost to the standby accepting writes %.1f s (old instance stopped first), to Habeas serving on it %.1f s\n' \
    "$(echo "$promoted - $promoting" | bc)" "$(echo "$promoted - $killed" | bc)" "$(echo "$serving - $killed" | bc)"
echo "acknowledged $acknowledged, missing $lost, journal $status, consistency differences $diffs"
grep -q '"requestId"' "$WORK/habeas-1.log" "$WORK/habeas-2.log" && echo "JSON logs carry requestId" || true
if [ "$lost" != 0 ] || [ "$status" != OK ] || [ "$diffs" != 0 ]; then
    echo "FAILED (logs and clusters kept in $WORK)"; exit 1
fi
kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
pg_stop "$WORK/standby"
rm -rf "$WORK"
echo "failover: OK"
