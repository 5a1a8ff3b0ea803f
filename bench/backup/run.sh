#!/usr/bin/env bash
# Backup drill: a primary archiving its WAL (Debian's PostgreSQL), a base backup, writes through Habeas, a named
# restore point, more writes, the data directory destroyed, a point-in-time restore to the restore point. Passes when
# exactly the writes before the point are there, the journal verifies against the witness file of that instant and
# the consistency check finds no difference. Usage: bench/backup/run.sh [writes before] [writes after]
source "$(dirname "$0")/../lib.sh"
source "$(dirname "$0")/../pg.sh"
BEFORE=${1:-100}
AFTER=${2:-50}
build_jar
WORK=$(pg_workdir habeas-backup)
as_pg mkdir "$WORK/archive"
P1=$(free_port); HTTP=$(free_port)
BASE="http://127.0.0.1:$HTTP"
trap 'kill -9 ${SERVER_PID:-0} 2>/dev/null || true; pg_stop_quietly "$WORK/primary"' EXIT

pg_init "$WORK/primary" "$P1" "archive_mode = on" \
        "archive_command = 'test ! -f $WORK/archive/%f && cp %p $WORK/archive/%f'"
pg_start "$WORK/primary"
psql_at "$P1" "CREATE DATABASE habeas" postgres
habeas_on "$WORK/app" "$HTTP" "$WORK/habeas-1.log" "$P1"
wait_healthy "$HTTP" 240 >/dev/null
TOKEN=$(admin_token "$BASE" backup)

started=$(now)
as_pg "$PG_BIN/pg_basebackup" -h localhost -p "$P1" -U habeas -D "$WORK/base" -X stream -c fast
printf 'base backup %.1f s, %s\n' "$(echo "$(now) - $started" | bc)" "$(du -sh "$WORK/base" | cut -f1)"

write() {   # write N FILE: N tokens, one after the other, each acknowledged id into FILE
    for n in $(seq 1 "$1"); do
        body=$(curl -fsS -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
               -d "{\"name\":\"b-$n\"}" "$BASE/api/access/tokens")
        echo "$body" | sed -nE 's/.*"id":"([0-9a-f-]{36})".*/\1/p' >>"$2"   # echo: the body ends without a newline
    done
}
unsealed() {
    curl -fsS -u admin:bench-secret-passphrase -H 'Accept: text/plain' "$BASE/actuator/prometheus" \
        | sed -nE 's/^habeas_journal_unsealed ([0-9.]+)$/\1/p'
}
write "$BEFORE" "$WORK/before.txt"
until [ "$(unsealed)" = 0.0 ]; do sleep 0.5; done
cp "$WORK/app/journal-witness.jsonl" "$WORK/witness-at-point.jsonl"    # kept with the backup, as the runbook says
psql_at "$P1" "SELECT pg_create_restore_point('drill')" >/dev/null
write "$AFTER" "$WORK/after.txt"
sleep 2
psql_at "$P1" "SELECT pg_switch_wal()" >/dev/null
sleep 2                                    # the archiver copies the last segment
kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
pg_stop "$WORK/primary" immediate
rm -rf "$WORK/primary"                     # the disk is lost
echo "archived WAL segments: $(ls "$WORK/archive" | grep -c '^[0-9A-F]\{24\}$')"

started=$(now)
as_pg cp -a "$WORK/base" "$WORK/primary"
printf "restore_command = 'cp %s/%%f %%p'\nrecovery_target_name = 'drill'\nrecovery_target_action = 'promote'\n" \
    "$WORK/archive" | as_pg tee -a "$WORK/primary/postgresql.conf" >/dev/null
as_pg touch "$WORK/primary/recovery.signal"
pg_start "$WORK/primary"
until [ "$(psql_at "$P1" "SELECT pg_is_in_recovery()")" = f ]; do sleep 0.1; done
restored=$(now)
printf 'restore to the point (copy + replay) %.1f s\n' "$(echo "$restored - $started" | bc)"

cp "$WORK/witness-at-point.jsonl" "$WORK/app/journal-witness.jsonl"
habeas_on "$WORK/app" "$HTTP" "$WORK/habeas-2.log" "$P1"
wait_healthy "$HTTP" 240 >/dev/null
lost=$(missing "$BASE" "$TOKEN" "$WORK/before.txt")
present=$(curl -fsS -H "Authorization: Bearer $TOKEN" "$BASE/api/access/tokens" | grep -o '"id":"[0-9a-f-]*"' \
          | sed -E 's/"id":"(.*)"/\1/' | sort -u)
after_present=$(sort -u "$WORK/after.txt" | comm -12 - <(echo "$present") | wc -l)
status=$(verify_status "$BASE")
diffs=$(differences "$BASE")
echo "before the point: $(sort -u "$WORK/before.txt" | wc -l) written, $lost missing; after it: $(sort -u "$WORK/after.txt" | wc -l) written, $after_present present; journal $status; consistency differences $diffs"
if [ "$lost" != 0 ] || [ "$after_present" != 0 ] || [ "$status" != OK ] || [ "$diffs" != 0 ]; then
    echo "FAILED (logs and clusters kept in $WORK)"; exit 1
fi
kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
pg_stop "$WORK/primary"
rm -rf "$WORK"
echo "backup and point-in-time restore: OK"
