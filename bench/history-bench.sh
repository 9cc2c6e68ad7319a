#!/usr/bin/env bash
# Generates a repository of COMMITS commits (default 20000) with git fast-import and compares the wall time of
# migration-guard's history scan (every change set computed, the history rules run) with `git log --name-status`
# on the same repository. Usage: bench/history-bench.sh [commits]. Needs git, java and a built test classpath
# (mvn -o is used). Set KEEP=1 to keep the generated repository.
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
REPO="$WORK/repo"
git init -q -b main "$REPO"
start=$(date +%s%N)
java -cp "$CP" dev.migrationguard.bench.HistoryBenchRepository "$COMMITS" | git -C "$REPO" fast-import --quiet
git -C "$REPO" checkout -q -f main
git -C "$REPO" gc -q
echo "generated $(git -C "$REPO" rev-list --count HEAD) commits, $(git -C "$REPO" ls-files | wc -l) files in $(( ($(date +%s%N) - start) / 1000000 )) ms"

best() { sort -n | head -1; }
time_ms() { local s e; s=$(date +%s%N); "$@" >/dev/null; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }

git_ms=$(for _ in $(seq "$RUNS"); do time_ms git -C "$REPO" log --name-status; done | best)
echo "git log --name-status:          ${git_ms} ms (best of $RUNS)"

echo "migration-guard history scan, in one JVM (first run includes JIT warm-up):"
java -cp "$CP" dev.migrationguard.bench.HistoryBench "$REPO" "$RUNS" 2>/dev/null | sed 's/^/  /'

mg_ms=$(for _ in $(seq "$RUNS"); do time_ms java -cp "$CP" dev.migrationguard.bench.HistoryBench "$REPO" 1 2>/dev/null; done | best)
echo "migration-guard history, whole process (JVM start included): ${mg_ms} ms (best of $RUNS)"
awk -v a="$mg_ms" -v b="$git_ms" 'BEGIN { printf "ratio (whole process / git log): %.2fx\n", a / b }'
