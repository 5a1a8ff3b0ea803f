#!/usr/bin/env bash
# Custody at CECOT scale (issue 5): admissions through admitAll, the roll now at 80,000 and at past instants over
# ~10,000,000 movements, each against the bare SQL; then the consistency check. Runs the Spring context in-process
# on a temporary data directory (no HTTP). Usage: bench/custody/run.sh [admissions] [population] [movements] [runs]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
mvn -q -B -o compile
CP_FILE=target/bench-classpath.txt
mvn -q -B -o dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=runtime >/dev/null
CP="$ROOT/target/classes:$(cat "$CP_FILE")"
CLASSES=$(mktemp -d /tmp/habeas-custody-bench-classes-XXXX)
trap 'rm -rf "$CLASSES"' EXIT
javac -nowarn -cp "$CP" -d "$CLASSES" bench/custody/CustodyBench.java
echo "load at start: $(uptime)"
java -Xmx2g -cp "$CLASSES:$CP" CustodyBench "$@"
echo "load at end: $(uptime)"
