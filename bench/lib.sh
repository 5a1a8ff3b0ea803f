# Shared by the bench scripts: build the application and the benchmarks with the Maven profile `bench` (online, as
# on a fresh clone), start the jar on a data directory, wait until healthy.
set -euo pipefail
BENCH_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
JAR="$BENCH_ROOT/target/habeas-0.1.0-SNAPSHOT.jar"
BENCH_STAMP="$BENCH_ROOT/target/bench-classes/.built"

# stale FILE: FILE is missing or older than a source of the application, of the benchmarks or the pom
stale() {
    [ ! -f "$1" ] || [ -n "$(find "$BENCH_ROOT/src/main" "$BENCH_ROOT/bench" "$BENCH_ROOT/pom.xml" -newer "$1" -print -quit)" ]
}

# build_bench: compiles the application and bench/**/*.java (target/bench-classes) and writes the runtime classpath
# (target/bench-classpath.txt); sets BENCH_CP to run a benchmark: its classes, the application's classes
# (HABEAS_CLASSES, when set, instead of target/classes: another revision's, measured with today's benchmarks), and
# the application's runtime dependencies.
build_bench() {
    if stale "$BENCH_STAMP"; then
        (cd "$BENCH_ROOT" && mvn -q -B -Pbench -Dmaven.test.skip=true process-classes)
        touch "$BENCH_STAMP"
    fi
    BENCH_CP="$BENCH_ROOT/target/bench-classes:${HABEAS_CLASSES:-$BENCH_ROOT/target/classes}:$(cat "$BENCH_ROOT/target/bench-classpath.txt")"
}

# build_jar: the executable jar too (for the benchmarks that run the server as its own process)
build_jar() {
    if stale "$JAR" || stale "$BENCH_STAMP"; then
        (cd "$BENCH_ROOT" && mvn -q -B -Pbench -Dmaven.test.skip=true package)
        touch "$JAR" "$BENCH_STAMP"
    fi
    build_bench
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
