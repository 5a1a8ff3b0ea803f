#!/usr/bin/env bash
# Legal vetting at national scale: a batch of 300 removals vetted against 1,000,000 orders and holds (every rule,
# the legal ones among them), against the bare SQL the batch sends; then one removal at a time. Runs the Spring
# context in-process on a temporary data directory (no HTTP). Builds with the Maven profile bench (bench/lib.sh).
# Run it under the shared lock:
#   flock /tmp/habeas-bench.lock bench/legal/run.sh [population] [records] [batch] [batchRuns]
source "$(dirname "$0")/../lib.sh"
cd "$BENCH_ROOT"
build_bench
uptime
java -Xmx2g -cp "$BENCH_CP" LegalBench "$@"
uptime
