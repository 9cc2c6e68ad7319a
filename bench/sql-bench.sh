#!/usr/bin/env bash
# SQL grammar and sql-rule benchmark.
#
# Generates a Prisma migrations folder of at least N statements (default 50000) by copying the corpus
# migrations (../shared/corpus: documenso and umami) into a temporary directory, then reports:
#   1. the wall time of a whole `lint`-like process (JVM start included): walk, discover, parse every file once,
#      run every sql rule (once with C1 only, -XX:TieredStopAtLevel=1, which suits short runs, once with the
#      default JIT);
#   2. statements/second and MB/s for that cold pass;
#   3. parse-only and parse+lint figures for a warm JVM (best of ROUNDS);
#   4. when the fat jar is built (mvn -B -DskipTests package), the real command a user runs on that folder,
#      `bin/migration-guard lint` (every rule, the text report; C1, parallel GC and the CDS archive of the launcher).
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

echo "== one process, JVM start included (load average: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo ?))"
START=$(date +%s%N)
java -XX:TieredStopAtLevel=1 -XX:+UseParallelGC -Xshare:auto -cp "$CP" dev.migrationguard.bench.SqlBench lint "$DIR"
END=$(date +%s%N)
echo "process wall time: $(( (END - START) / 1000000 )) ms"

START=$(date +%s%N)
java -cp "$CP" dev.migrationguard.bench.SqlBench lint "$DIR"
END=$(date +%s%N)
echo "process wall time (default JIT): $(( (END - START) / 1000000 )) ms"

echo "== warm JVM"
java -cp "$CP" dev.migrationguard.bench.SqlBench detail "$DIR" "$ROUNDS"

if [ -f target/migration-guard.jar ]; then
  echo "== bin/migration-guard lint on the folder (load average: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo ?))"
  for i in 1 2 3; do
    if [ -x /usr/bin/time ]; then
      /usr/bin/time -f "real command: wall %e s, cpu %U s user + %S s sys" bin/migration-guard lint "$DIR" >/dev/null \
        2>"$DIR/time.txt" || true
      tail -1 "$DIR/time.txt"
    else
      START=$(date +%s%N)
      bin/migration-guard lint "$DIR" >/dev/null 2>&1 || true
      END=$(date +%s%N)
      echo "real command: wall $(( (END - START) / 1000000 )) ms"
    fi
  done
fi
