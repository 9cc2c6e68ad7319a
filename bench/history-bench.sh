#!/usr/bin/env bash
# Generates a repository of COMMITS commits (default 20000) with git fast-import and compares the wall time of
# migration-guard's history scan (every change set computed, the history rules run) with `git log --name-status`
# on the same repository. Usage: bench/history-bench.sh [commits]. Needs git, java and maven (run offline).
# Environment: RUNS (default 3), KEEP=1 keeps the generated repository, REPO_DIR=<path> reuses one instead of
# generating, JAVA_OPTS adds JVM options to the timed whole-process runs (e.g. -XX:TieredStopAtLevel=1).
set -euo pipefail
cd "$(dirname "$0")/.."
COMMITS="${1:-${COMMITS:-20000}}"
RUNS="${RUNS:-3}"
BUILD="${BUILD_DIR:-target}"

mvn -B -o -q test-compile -Dmg.buildDir="$PWD/$BUILD"
mvn -B -o -q dependency:build-classpath -Dmg.buildDir="$PWD/$BUILD" -Dmdep.outputFile="$PWD/$BUILD/bench.classpath" >/dev/null
CP="$BUILD/test-classes:$BUILD/classes:$(cat "$BUILD/bench.classpath")"

WORK="$(mktemp -d)"
trap '[ "${KEEP:-0}" = 1 ] && echo "repository kept in $WORK/repo" || rm -rf "$WORK"' EXIT
REPO="${REPO_DIR:-$WORK/repo}"
if [ -z "${REPO_DIR:-}" ]; then
  git init -q -b main "$REPO"
  start=$(date +%s%N)
  java -cp "$CP" dev.migrationguard.bench.HistoryBenchRepository "$COMMITS" | git -C "$REPO" fast-import --quiet
  git -C "$REPO" checkout -q -f main
  git -C "$REPO" gc -q
  echo -n "generated in $(( ($(date +%s%N) - start) / 1000000 )) ms: "
fi
echo "repository of $(git -C "$REPO" rev-list --count HEAD) commits, $(git -C "$REPO" ls-files | wc -l) files at HEAD"

time_ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
# CPU seconds (user + system) of a command: less disturbed than wall time when other jobs share the machine.
cpu_s() { local TIMEFORMAT='%U %S'; { time "$@" >/dev/null 2>&1; } 2>&1 | awk '{ printf "%.2f\n", $1 + $2 }'; }
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
best() { sort -n | head -1; }

echo "migration-guard history scan, in one JVM (first run includes JIT warm-up):"
java -cp "$CP" dev.migrationguard.bench.HistoryBench "$REPO" "$RUNS" 2>/dev/null | sed 's/^/  /'

# Whole processes, git and migration-guard alternating so that a busy machine slows both alike.
: > "$WORK/git.ms"
: > "$WORK/mg.ms"
for _ in $(seq "$RUNS"); do
  time_ms git -C "$REPO" log --name-status >> "$WORK/git.ms"
  time_ms java ${JAVA_OPTS:-} -cp "$CP" dev.migrationguard.bench.HistoryBench "$REPO" 1 >> "$WORK/mg.ms"
done
git_cpu=$(cpu_s git -C "$REPO" log --name-status)
mg_cpu=$(cpu_s java ${JAVA_OPTS:-} -cp "$CP" dev.migrationguard.bench.HistoryBench "$REPO" 1)
git_best=$(best < "$WORK/git.ms"); git_median=$(median < "$WORK/git.ms")
mg_best=$(best < "$WORK/mg.ms"); mg_median=$(median < "$WORK/mg.ms")
echo "git log --name-status:                     best ${git_best} ms, median ${git_median} ms ($RUNS runs)"
echo "migration-guard history (whole process${JAVA_OPTS:+, $JAVA_OPTS}): best ${mg_best} ms, median ${mg_median} ms"
awk -v a="$mg_median" -v b="$git_median" 'BEGIN { printf "ratio of medians (migration-guard / git log): %.2fx\n", a / b }'
echo "CPU time (user + sys, one run each): git log ${git_cpu} s, migration-guard ${mg_cpu} s (all threads)"
