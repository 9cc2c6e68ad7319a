#!/usr/bin/env bash
# SQL grammar and sql-rule benchmark.
#
# Generates a Prisma migrations folder of at least N statements (default 50000) by copying the corpus
# migrations (../shared/corpus: documenso and umami) into a temporary directory, then reports:
#   1. the wall time of a whole `lint`-like process (JVM start included): walk, discover, parse every file once,
#      run every sql rule (once with C1 only, -XX:TieredStopAtLevel=1, which suits short runs, once with the
#      default JIT);
#   2. statements/second and MB/s for that cold pass;
#   3. parse-only and parse+lint figures for a warm JVM (best of ROUNDS).
# MB counts the characters of the SQL text. "wall" is elapsed time, "cpu" the CPU time of the whole process
# (on a machine shared with other jobs the CPU figure is the stable one). Run from the repository root:
#   bench/sql-bench.sh [N] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-50000}"
ROUNDS="${2:-5}"
CORPUS="${CORPUS:-../shared/corpus}"

mvn -B -o -q test-compile >/dev/null
CP_FILE="$(mktemp)"
mvn -B -o -q dependency:build-classpath -Dmdep.outputFile="$CP_FILE" >/dev/null
CP="target/test-classes:target/classes:$(cat "$CP_FILE")"
rm -f "$CP_FILE"

DIR="$(mktemp -d)"
trap 'rm -rf "$DIR"' EXIT
java -cp "$CP" dev.migrationguard.bench.SqlBench generate "$CORPUS" "$DIR" "$N"

echo "== one process, JVM start included"
START=$(date +%s%N)
java -XX:TieredStopAtLevel=1 -Xshare:auto -cp "$CP" dev.migrationguard.bench.SqlBench lint "$DIR"
END=$(date +%s%N)
echo "process wall time: $(( (END - START) / 1000000 )) ms"

START=$(date +%s%N)
java -cp "$CP" dev.migrationguard.bench.SqlBench lint "$DIR"
END=$(date +%s%N)
echo "process wall time (default JIT): $(( (END - START) / 1000000 )) ms"

echo "== warm JVM"
java -cp "$CP" dev.migrationguard.bench.SqlBench detail "$DIR" "$ROUNDS"
