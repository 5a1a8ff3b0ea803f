#!/usr/bin/env bash
# Transfers at the reference size: a 300-line manifest vetted (every line, every rule) when it is submitted and again
# when a second officer approves it, the 300 arrivals checked in (registered and admitted with every rule), and a
# 300-line removal manifest vetted; each against the bare SQL the call sent. In-process on a temporary data
# directory (no HTTP). Builds with the Maven profile bench (bench/lib.sh). Run it under the shared lock:
#   flock /tmp/habeas-bench.lock bench/transfer/run.sh [population] [legalRecords] [lines] [runs]
source "$(dirname "$0")/../lib.sh"
cd "$BENCH_ROOT"
build_bench
uptime
java -Xmx2g -cp "$BENCH_CP" TransferBench "$@"
uptime
