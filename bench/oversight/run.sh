#!/usr/bin/env bash
# Oversight at estate scale: the estate view, the safeguards list, a year of daily population statistics for one
# facility (in total, by sex, by age group, by nationality) and the capacity forecast (estate, one facility), each
# against the bare SQL of the same call, over FACILITIES facilities, HELD people held and ~MOVEMENTS movements of
# about three years of history (bulk SQL); then the consistency check. Runs the Spring context in-process on a
# temporary data directory (no HTTP). Builds with the Maven profile bench (bench/lib.sh).
# Usage: bench/oversight/run.sh [facilities] [held] [movements] [runs]   (defaults 10 150000 10000000 30)
source "$(dirname "$0")/../lib.sh"
cd "$BENCH_ROOT"
build_bench
echo "load at start: $(uptime)"
java -Xmx2g -cp "$BENCH_CP" OversightBench "$@"
echo "load at end: $(uptime)"
