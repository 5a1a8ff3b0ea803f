# Shared by the bench scripts: build the jar once, start it on a data directory, wait until healthy.
set -euo pipefail
BENCH_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
JAR="$BENCH_ROOT/target/habeas-0.1.0-SNAPSHOT.jar"

build_jar() {
    if [ ! -f "$JAR" ] || [ -n "$(find "$BENCH_ROOT/src/main" -newer "$JAR" -print -quit)" ]; then
        (cd "$BENCH_ROOT" && mvn -q -B -DskipTests package)
    fi
}

# start_server DATA_DIR PORT LOG -> sets SERVER_PID
start_server() {
    HABEAS_DATA_DIR="$1" HABEAS_PORT="$2" HABEAS_ADMIN_PASSWORD="${HABEAS_ADMIN_PASSWORD:-bench-secret-passphrase}" \
        java -jar "$JAR" >"$3" 2>&1 &
    SERVER_PID=$!
}

# wait_healthy PORT TIMEOUT_S -> prints seconds waited
wait_healthy() {
    local start end
    start=$(date +%s.%N)
    for _ in $(seq 1 $(( $2 * 10 ))); do
        if curl -fsS "http://127.0.0.1:$1/actuator/health" >/dev/null 2>&1; then
            end=$(date +%s.%N)
            echo "$end - $start" | bc
            return 0
        fi
        sleep 0.1
    done
    echo "server on port $1 did not become healthy" >&2
    return 1
}

rss_mb() {
    awk '/VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$1/status"
}
