#!/usr/bin/env bash
# The public locator at the reference size: PEOPLE people on the register (default 1,000,000), every 25th of them in
# custody, and the answer to exact enquiries (full name with birth date, register number, document number, and a
# name nobody has) timed in process against the bare SQL each sent. In-process on a temporary data directory (no
# HTTP). Builds with the Maven profile bench (bench/lib.sh). Run it under the shared lock:
#   flock /tmp/habeas-bench.lock bench/locator/run.sh [people] [enquiries]
source "$(dirname "$0")/../lib.sh"
cd "$BENCH_ROOT"
build_bench
uptime
java -Xmx2g -cp "$BENCH_CP" LocatorBench "$@"
uptime
