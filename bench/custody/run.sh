#!/usr/bin/env bash
# Custody at CECOT scale: admissions through admitAll, the roll now at 80,000 and at past instants over
# ~10,000,000 movements, each against the bare SQL; then the consistency check. Runs the Spring context in-process
# on a temporary data directory (no HTTP). Builds with the Maven profile bench (bench/lib.sh).
# Usage: bench/custody/run.sh [admissions] [population] [movements] [runs] [synced]
source "$(dirname "$0")/../lib.sh"
cd "$BENCH_ROOT"
build_bench
echo "load at start: $(uptime)"
java -Xmx2g -cp "$BENCH_CP" CustodyBench "$@"
echo "load at end: $(uptime)"
