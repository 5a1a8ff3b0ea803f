#!/usr/bin/env bash
# Journal throughput: appends (1 and 8 writers, one transaction each), sealing and verification over a million
# entries, against the embedded PostgreSQL the application starts in a fresh temporary data directory. Builds with
# the Maven profile bench (bench/lib.sh).
# Usage: bench/journal/run.sh [bulk entries, default 1000000] [appends per phase, default 10000]
source "$(dirname "$0")/../lib.sh"
WORK=$(mktemp -d /tmp/habeas-journal-bench-XXXX)
trap 'rm -rf "$WORK"' EXIT
cd "$BENCH_ROOT"
build_bench
java -Xmx1g -cp "$BENCH_CP" JournalBenchmark "$WORK/data" "${1:-1000000}" "${2:-10000}"
