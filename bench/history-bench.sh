#!/usr/bin/env bash
# Generates a repository of COMMITS commits (default 20000) with git fast-import and compares the wall and CPU time
# of the real command, `migration-guard lint --history REPO` as a whole process (JVM start, static rules on HEAD,
# the history scan, the history rules and the report), with `git log --name-status` on the same repository.
# Usage: bench/history-bench.sh [commits]. Needs git, java and maven (run offline).
# Environment: RUNS (default 3), KEEP=1 keeps the generated repository, REPO_DIR=<path> reuses one instead of
# generating, NO_BUILD=1 uses the jar and classes already built, JAVA_OPTS replaces the launcher's JVM options in the
# "java -jar" line (default: the launcher's own, -XX:TieredStopAtLevel=1 -XX:+UseParallelGC), IN_JVM=0 skips the
# breakdown of scan and rules in one warm JVM.
set -euo pipefail
cd "$(dirname "$0")/.."
COMMITS="${1:-${COMMITS:-20000}}"
RUNS="${RUNS:-3}"
BUILD="${BUILD_DIR:-target}"

if [ "${NO_BUILD:-0}" != 1 ]; then
  # package builds the fat jar and the class-data-sharing archive bin/migration-guard uses; test-compile the bench
  # mains.
  mvn -B -o -q -DskipTests package -Dmg.buildDir="$PWD/$BUILD"
  mvn -B -o -q test-compile -Dmg.buildDir="$PWD/$BUILD"
  mvn -B -o -q dependency:build-classpath -Dmg.buildDir="$PWD/$BUILD" -Dmdep.outputFile="$PWD/$BUILD/bench.classpath" >/dev/null
fi
CP="$BUILD/test-classes:$BUILD/classes:$(cat "$BUILD/bench.classpath")"
JAR="$BUILD/migration-guard.jar"

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

# Wall milliseconds and CPU seconds (user + system, all threads) of one run, as "ms cpu". A lint with findings
# exits 1, which is not a failure here.
run() {
  local TIMEFORMAT='%R %U %S' t
  t=$( { time "$@" >/dev/null 2>&1 || true; } 2>&1 )
  awk '{ printf "%d %.2f\n", $1 * 1000, $2 + $3 }' <<< "$t"
}
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
best() { sort -n | head -1; }

# The findings of the real command, by rule: what every change must keep identical.
java -jar "$JAR" lint --history --format json --fail-on never "$REPO" > "$WORK/findings.json"
echo "lint --history findings by rule: $(grep -o '"ruleId" *: *"[a-z-]*"' "$WORK/findings.json" \
  | sed 's/.*"\([a-z-]*\)"$/\1/' | sort | uniq -c | awk '{ print $2 " " $1 }' | paste -sd, - | sed 's/,/, /g')"

if [ "${IN_JVM:-1}" = 1 ]; then
  echo "scan and history rules in one JVM (HistoryBench; the first run includes JIT warm-up):"
  java -cp "$CP" dev.migrationguard.bench.HistoryBench "$REPO" "$RUNS" 2>/dev/null | sed 's/^/  /'
fi

# Whole processes, git and migration-guard alternating so that a busy machine slows all alike: the launcher as a
# user runs it (C1 only, parallel GC, the CDS archive when built), the jar with JAVA_OPTS (default: the launcher's
# options without the archive), and the jar on the JVM's defaults (C2, G1). Two more launcher runs split the work:
# `--since HEAD` is the static rules on HEAD with no history to compare, and `--history` with every static rule
# disabled is the history walk and the history rules alone.
LAUNCHER_OPTS="${JAVA_OPTS:--XX:TieredStopAtLevel=1 -XX:+UseParallelGC}"
STATIC_OFF=$(java -jar "$JAR" rules | awk 'NR > 1 && $1 ~ /-/ && $2 != "history" && $2 != "" { printf "--disable %s ", $1 }')
names=(git launcher opts default static history)
labels=("git log --name-status" "bin/migration-guard lint --history" "java $LAUNCHER_OPTS -jar ... lint --history"
  "java -jar ... lint --history (JVM defaults)" "  of which: lint --since HEAD (static rules on HEAD)"
  "  of which: lint --history, history rules only")
for n in "${names[@]}"; do : > "$WORK/$n"; done
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for _ in $(seq "$RUNS"); do
  run git -C "$REPO" log --name-status >> "$WORK/git"
  run bin/migration-guard lint --history "$REPO" >> "$WORK/launcher"
  # shellcheck disable=SC2086
  run java $LAUNCHER_OPTS -jar "$JAR" lint --history "$REPO" >> "$WORK/opts"
  run java -jar "$JAR" lint --history "$REPO" >> "$WORK/default"
  run bin/migration-guard lint --since HEAD "$REPO" >> "$WORK/static"
  # shellcheck disable=SC2086
  run bin/migration-guard lint --history $STATIC_OFF "$REPO" >> "$WORK/history"
done
echo "load average: before $load_before, after $(cut -d' ' -f1-3 /proc/loadavg), on $(nproc) processors"
git_median=$(cut -d' ' -f1 "$WORK/git" | median)
for i in "${!names[@]}"; do
  f="$WORK/${names[$i]}"
  wall=$(cut -d' ' -f1 "$f" | median)
  printf '%-58s wall best %5d ms, median %5d ms (%.2fx git); cpu median %5.2f s\n' "${labels[$i]}:" \
    "$(cut -d' ' -f1 "$f" | best)" "$wall" "$(awk -v a="$wall" -v b="$git_median" 'BEGIN { print a / b }')" \
    "$(cut -d' ' -f2 "$f" | median)"
done
