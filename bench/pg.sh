# Shared by bench/failover and bench/backup: PostgreSQL servers made with Debian's binaries (apt-get install
# postgresql; HABEAS_PG_BIN overrides), on localhost, trust authentication for the superuser habeas. Under root they
# run as the postgres user, since PostgreSQL refuses root. Source after bench/lib.sh.
PG_BIN=${HABEAS_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
if [ -z "$PG_BIN" ] || [ ! -x "$PG_BIN/pg_basebackup" ]; then
    echo "no PostgreSQL binaries: apt-get install postgresql, or set HABEAS_PG_BIN" >&2
    exit 2
fi

as_pg() {   # a command as the servers' owner
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# pg_workdir PREFIX -> a fresh directory the servers' owner may write
pg_workdir() {
    local dir
    dir=$(mktemp -d "/tmp/$1-XXXX")
    chmod 755 "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    echo "$dir"
}

# pg_sockets DIR -> where the server of DIR puts its socket: outside the data directory, so that a base backup does
# not carry the socket's lock file (a server restored from it on the same port would refuse to start)
pg_sockets() {
    local sockets
    sockets="$(dirname "$1")/sockets-$(basename "$1")"
    as_pg mkdir -p "$sockets"
    echo "$sockets"
}

# pg_init DIR PORT [extra postgresql.conf lines...]: a new cluster, not started
pg_init() {
    local dir=$1 port=$2
    shift 2
    as_pg "$PG_BIN/initdb" -D "$dir" -U habeas -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
    {
        echo "port = $port"
        echo "listen_addresses = 'localhost'"
        echo "unix_socket_directories = '$(pg_sockets "$dir")'"
        echo "wal_level = replica"
        echo "max_wal_senders = 5"
        for line in "$@"; do echo "$line"; done
    } | as_pg tee -a "$dir/postgresql.conf" >/dev/null
}

pg_start() { as_pg "$PG_BIN/pg_ctl" -D "$1" -l "$1/server.log" -w -t 120 start >/dev/null; }
pg_stop() { as_pg "$PG_BIN/pg_ctl" -D "$1" -m "${2:-fast}" -w stop >/dev/null; }
pg_stop_quietly() { [ -f "$1/postmaster.pid" ] && as_pg "$PG_BIN/pg_ctl" -D "$1" -m immediate -w stop >/dev/null 2>&1 || true; }

# psql_at PORT SQL [database]: one value or rows, unaligned
psql_at() { as_pg "$PG_BIN/psql" -X -q -t -A -h localhost -p "$1" -U habeas -d "${3:-habeas}" -c "$2"; }

# habeas_on DATA_DIR HTTP_PORT LOG DB_PORT [REPLICA_PORT]: the jar on an external primary -> sets SERVER_PID
habeas_on() {
    local replica=""
    [ -n "${5:-}" ] && replica="jdbc:postgresql://localhost:$5/habeas"
    HABEAS_DATA_DIR="$1" HABEAS_PORT="$2" HABEAS_ADMIN_PASSWORD="${HABEAS_ADMIN_PASSWORD:-bench-secret-passphrase}" \
    HABEAS_DB_URL="jdbc:postgresql://localhost:$4/habeas" HABEAS_DB_USER=habeas HABEAS_DB_PASSWORD= \
    HABEAS_DB_REPLICA_URL="$replica" HABEAS_DB_REPLICA_CHECK_MS=1000 HABEAS_LOG_FORMAT=ecs \
        java -jar "$JAR" >"$3" 2>&1 &
    SERVER_PID=$!
}

# token BASE -> a bearer token of admin
admin_token() {
    curl -fsS -u admin:bench-secret-passphrase -H 'Content-Type: application/json' \
         -d "{\"name\":\"$2\",\"validDays\":1}" "$1/api/access/tokens" | sed -E 's/.*"token":"([^"]+)".*/\1/'
}

# writer BASE TOKEN NAME ACKED: issues tokens as fast as it can, until the server stops answering; records the id of
# every one the server acknowledged (a token is a write with its journal entry, like any command)
writer() {
    local n=0 body id
    while true; do
        n=$((n + 1))
        body=$(curl -sS -m 5 -H "Authorization: Bearer $2" -H 'Content-Type: application/json' \
               -d "{\"name\":\"$3-$n\"}" "$1/api/access/tokens" 2>/dev/null) || return 0
        id=$(echo "$body" | sed -nE 's/.*"id":"([0-9a-f-]{36})".*/\1/p')
        [ -n "$id" ] && echo "$id" >>"$4"
        [ -f "$4.stop" ] && return 0
    done
}

# missing BASE TOKEN ACKED -> how many acknowledged ids the server does not list
missing() {
    local present
    present=$(curl -fsS -H "Authorization: Bearer $2" "$1/api/access/tokens" | grep -o '"id":"[0-9a-f-]*"' \
              | sed -E 's/"id":"(.*)"/\1/' | sort -u)
    sort -u "$3" | comm -23 - <(echo "$present") | wc -l
}

# checks BASE: the journal's verification status and the consistency check's number of differences
verify_status() {
    curl -fsS -u admin:bench-secret-passphrase "$1/api/journal/verify" | sed -nE 's/.*"status":"([A-Z]+)".*/\1/p'
}
differences() {
    curl -fsS -u admin:bench-secret-passphrase "$1/api/custody/consistency" \
        | python3 -c 'import json, sys; print(len(json.load(sys.stdin)["differences"]))'
}

now() { date +%s.%N; }
