#!/usr/bin/env bash
# Command extraction and commands-rule benchmark on a synthetic 2 MB repository (see ScriptsBench).
# Prints, per round, wall and CPU time of extraction alone and with the four commands rules; on a machine shared
# with other jobs the CPU figure is the stable one. Run from the repository root:
#   bench/scripts-bench.sh [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS="${1:-5}"

mvn -B -o -q test-compile >/dev/null
CP_FILE="$(mktemp)"
mvn -B -o -q dependency:build-classpath -Dmdep.outputFile="$CP_FILE" >/dev/null
CP="target/test-classes:target/classes:$(cat "$CP_FILE")"
rm -f "$CP_FILE"

java -cp "$CP" dev.migrationguard.bench.ScriptsBench "$ROUNDS"
