#!/usr/bin/env bash
# Vetting at CECOT scale: the engine's cost per cell move with every rule, at 80,000 people in custody and
# 100,000 allegations plus 100,000 non-associations, against the bare SQL the rules run; then a batch dry run.
# Runs the Spring context in-process on a temporary data directory (no HTTP). Builds with the Maven profile bench
# (bench/lib.sh). Run it under the shared lock:
#   flock /tmp/habeas-bench.lock bench/vetting/run.sh [population] [records] [moves] [batch] [batchRuns]
# HABEAS_CLASSES: compiled classes of another revision (e.g. a copy of target/classes from before a change), to
# measure it on the same data with today's benchmark; otherwise the working tree's.
source "$(dirname "$0")/../lib.sh"
cd "$BENCH_ROOT"
build_bench
uptime
java -Xmx1g -cp "$BENCH_CP" VettingBench "$@"
uptime
