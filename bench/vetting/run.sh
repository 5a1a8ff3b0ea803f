#!/usr/bin/env bash
# Vetting at CECOT scale (issue 6): the engine's cost per cell move with every rule, at 80,000 people in custody and
# 100,000 allegations plus 100,000 non-associations, against the bare SQL the rules run; then a batch dry run.
# Runs the Spring context in-process on a temporary data directory (no HTTP). Run it under the shared lock:
#   flock /tmp/habeas-bench.lock bench/vetting/run.sh [population] [records] [moves] [batch] [batchRuns]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
# HABEAS_CLASSES: compiled classes of another revision (e.g. a copy of target/classes from before a change),
# to measure it on the same data; otherwise the working tree is compiled.
MAIN_CLASSES=${HABEAS_CLASSES:-$ROOT/target/classes}
[ -n "${HABEAS_CLASSES:-}" ] || mvn -q -B -o compile
CP_FILE=target/bench-classpath.txt
mvn -q -B -o dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=runtime >/dev/null
CP="$MAIN_CLASSES:$(cat "$CP_FILE")"
CLASSES=$(mktemp -d /tmp/habeas-vetting-bench-classes-XXXX)
trap 'rm -rf "$CLASSES"' EXIT
javac -nowarn -cp "$CP" -d "$CLASSES" bench/vetting/VettingBench.java
uptime
java -Xmx1g -cp "$CLASSES:$CP" VettingBench "$@"
uptime
