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

# Whole processes, git and migration-guard alternating so that a busy machine slows both alike. Two JVM
# settings: the defaults, and the ones a command-line launcher should use for a one-shot run (C1 only, serial GC:
# C2 compiles cost more CPU than they save in a run of a few seconds). JAVA_OPTS replaces the second.
LAUNCHER_OPTS="${JAVA_OPTS:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC}"
: > "$WORK/git.ms"
: > "$WORK/mg.ms"
: > "$WORK/mg-launcher.ms"
for _ in $(seq "$RUNS"); do
  time_ms git -C "$REPO" log --name-status >> "$WORK/git.ms"
  time_ms java -cp "$CP" dev.migrationguard.bench.HistoryBench "$REPO" 1 >> "$WORK/mg.ms"
  # shellcheck disable=SC2086
  time_ms java $LAUNCHER_OPTS -cp "$CP" dev.migrationguard.bench.HistoryBench "$REPO" 1 >> "$WORK/mg-launcher.ms"
done
git_cpu=$(cpu_s git -C "$REPO" log --name-status)
mg_cpu=$(cpu_s java -cp "$CP" dev.migrationguard.bench.HistoryBench "$REPO" 1)
# shellcheck disable=SC2086
mg_launcher_cpu=$(cpu_s java $LAUNCHER_OPTS -cp "$CP" dev.migrationguard.bench.HistoryBench "$REPO" 1)
git_median=$(median < "$WORK/git.ms")
mg_median=$(median < "$WORK/mg.ms")
mgl_median=$(median < "$WORK/mg-launcher.ms")
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) processors"
echo "git log --name-status:                          best $(best < "$WORK/git.ms") ms, median ${git_median} ms, cpu ${git_cpu} s"
echo "migration-guard history, default JVM:           best $(best < "$WORK/mg.ms") ms, median ${mg_median} ms, cpu ${mg_cpu} s"
echo "migration-guard history, ${LAUNCHER_OPTS}: best $(best < "$WORK/mg-launcher.ms") ms, median ${mgl_median} ms, cpu ${mg_launcher_cpu} s"
awk -v a="$mg_median" -v l="$mgl_median" -v b="$git_median" 'BEGIN { printf "ratio of medians to git log: %.2fx default JVM, %.2fx launcher options\n", a / b, l / b }'
