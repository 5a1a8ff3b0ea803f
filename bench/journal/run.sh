#!/usr/bin/env bash
# Journal throughput: appends (1 and 8 writers, one transaction each), sealing and verification over a million
# entries, against the embedded PostgreSQL the application starts in a fresh temporary data directory.
# Usage: bench/journal/run.sh [bulk entries, default 1000000] [appends per phase, default 10000]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
WORK=$(mktemp -d /tmp/habeas-journal-bench-XXXX)
trap 'rm -rf "$WORK"' EXIT

cd "$ROOT"
mvn -q -B compile
mvn -q -B dependency:build-classpath -Dmdep.outputFile="$WORK/classpath.txt" >/dev/null
CLASSPATH="$ROOT/target/classes:$(cat "$WORK/classpath.txt")"
javac -d "$WORK/classes" -cp "$CLASSPATH" "$ROOT/bench/journal/JournalBenchmark.java"
java -Xmx1g -cp "$WORK/classes:$CLASSPATH" JournalBenchmark "$WORK/data" "${1:-1000000}" "${2:-10000}"
