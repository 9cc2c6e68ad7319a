#!/usr/bin/env bash
# Real-data benchmark: migration-guard against its peers on a repository shaped like a real Prisma project.
#
# Lays out (once, then reuses) a git repository holding a real project's migrations, schema.prisma and package.json
# from ../shared/corpus, added one by one over the history as the project added them, beside a few thousand real
# TypeScript, Markdown and JSON files (the text of the npm packages installed on this machine: real sizes, real
# prose) and a history of COMMITS commits that each change one to three of those files. Then it times, as whole
# processes, run in turn (A B A B ...), and prints each one's median and the median of the per-pair ratios:
#   sql      the SQL rules alone on the migrations folder (a config turns every other rule off) vs Squawk on the
#            same migration files; sql-all the same with --all-migrations (every migration judged, as Squawk does);
#            sql-cold the SQL pass with the parse cache off (MIGRATION_GUARD_CACHE=off): every migration parsed
# Every other figure is of a run after another: the parse cache (a folder of its own under target/real-bench, emptied
# first) holds the migrations the warm-up run parsed, as it does for a user's second run.
#   lint     the whole `migration-guard lint` of the repository vs Squawk on its migrations
#   history  `migration-guard lint --history` vs `git log --name-status --oneline`
#   staged   `lint --staged` for a staged docs change and for a staged new migration with its schema edit (no peer:
#            medians only)
# Usage: bench/real-bench.sh [PROJECT] [COMMITS]      PROJECT: a folder of ../shared/corpus (default documenso)
# Environment: RUNS (default 5), NO_BUILD=1 (use the jar already built), REPO_DIR (where the repository is kept;
# default target/real-bench/PROJECT-COMMITS), SOURCES (default: npm's global node_modules), SQUAWK_VERSION (pinned,
# default 2.66.0), MG (the launcher to time, default bin/migration-guard), TOOLS_DIR (where Squawk is installed, default ~/.cache/migration-guard-bench), ONLY (space-separated
# subset of: sql lint history staged). Needs java, maven, git, node and npm (for Squawk).
set -euo pipefail
cd "$(dirname "$0")/.."
PROJECT="${1:-documenso}"
COMMITS="${2:-4000}"
RUNS="${RUNS:-5}"
ONLY="${ONLY:-sql lint history staged}"
CORPUS="${CORPUS:-../shared/corpus}"
SQUAWK_VERSION="${SQUAWK_VERSION:-2.66.0}"
TOOLS_DIR="${TOOLS_DIR:-$HOME/.cache/migration-guard-bench}"
SOURCES="${SOURCES:-$(npm root -g)}"
BUILD=target

if [ "${NO_BUILD:-0}" != 1 ]; then
  mvn -B -o -q -DskipTests package
  mvn -B -o -q test-compile
fi
if [ ! -f "$BUILD/bench.classpath" ]; then
  # Offline without the dependency plugin: the fat jar holds every runtime dependency.
  mvn -B -o -q dependency:build-classpath -Dmdep.outputFile="$PWD/$BUILD/bench.classpath" >/dev/null 2>&1 \
    || echo "$PWD/target/migration-guard.jar" > "$BUILD/bench.classpath"
fi
CP="$BUILD/test-classes:$BUILD/classes:$(cat "$BUILD/bench.classpath")"
MG="${MG:-$PWD/bin/migration-guard}"

SQUAWK="$TOOLS_DIR/squawk-$SQUAWK_VERSION/node_modules/.bin/squawk"
if [ ! -x "$SQUAWK" ]; then
  mkdir -p "$TOOLS_DIR/squawk-$SQUAWK_VERSION"
  npm install --prefix "$TOOLS_DIR/squawk-$SQUAWK_VERSION" --no-audit --no-fund --silent "squawk-cli@$SQUAWK_VERSION"
fi

REPO="${REPO_DIR:-$BUILD/real-bench/$PROJECT-$COMMITS}"
if [ ! -d "$REPO/.git" ]; then
  rm -rf "$REPO"
  mkdir -p "$REPO"
  git init -q -b main "$REPO"
  start=$(date +%s%N)
  java -cp "$CP" dev.migrationguard.bench.RealBenchRepository "$CORPUS/$PROJECT" "$SOURCES" "$COMMITS" \
    | git -C "$REPO" fast-import --quiet
  git -C "$REPO" checkout -q -f main
  git -C "$REPO" gc -q
  echo "generated $REPO in $(( ($(date +%s%N) - start) / 1000000 )) ms"
fi
REPO="$(cd "$REPO" && pwd)"
mapfile -t MIGRATIONS < <(cd "$REPO" && git ls-files '*/migrations/*/migration.sql' | sort)
echo "repository: $PROJECT, $(git -C "$REPO" rev-list --count HEAD) commits, $(git -C "$REPO" ls-files | wc -l) files," \
  "$(du -sh --exclude=.git "$REPO" | cut -f1) at HEAD, ${#MIGRATIONS[@]} migrations"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $RUNS runs of each, in turn"
echo "peers: squawk $("$SQUAWK" --version | awk '{print $2}'), $(git --version)"

mkdir -p "$BUILD/real-bench"
export MIGRATION_GUARD_CACHE_DIR="$PWD/$BUILD/real-bench/parse-cache"
rm -rf "$MIGRATION_GUARD_CACHE_DIR"
SQL_CONFIG="$PWD/$BUILD/real-bench/sql-only.yml"
{
  echo "rules:"
  for page in rules/*.md; do
    id=$(sed -n 's/^id: *//p' "$page" | head -1)
    category=$(sed -n 's/^category: *//p' "$page" | head -1)
    if [ "$category" != sql ] && [ "$category" != config ] && [ -n "$id" ]; then
      echo "  $id: off"
    fi
  done
} > "$SQL_CONFIG"

# Milliseconds of one run of a command, its output and exit code ignored: "WALL CPU", CPU being the user and system
# time of the command and its children, read from the shell's own `times` (so that a run on a machine shared with
# other jobs can also be judged by what it costs, not only by how long it waited for a core). Call it as $(ms ...):
# the subshell starts with no children's time of its own.
TIMES_FILE="$PWD/$BUILD/real-bench/times.$$"
ms() {
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null 2>&1 || true
  end=$(date +%s%N)
  times > "$TIMES_FILE"
  echo "$(( (end - start) / 1000000 )) $(awk 'NR == 2 { s = 0; for (i = 1; i <= NF; i++) { split($i, a, "m");
    sub("s", "", a[2]); s += a[1] * 60 + a[2] } printf "%d", s * 1000 }' "$TIMES_FILE")"
}

median() {
  sort -n | awk '{v[NR]=$1} END {if (NR % 2) print v[(NR+1)/2]; else printf "%.1f\n", (v[NR/2]+v[NR/2+1])/2}'
}

ratio() {
  awk -v x="$1" -v y="$2" 'BEGIN {printf "%.3f", (y > 0 ? x / y : 0)}'
}

# pair NAME GOAL -- A... -- B...: runs A and B in turn RUNS times (after one warm-up each) and prints the medians and
# the median ratio A/B of wall time, with the goal it is held to, then the same for CPU time.
pair() {
  local name="$1" goal="$2"
  shift 3
  local a=() b=()
  while [ "$1" != -- ]; do a+=("$1"); shift; done
  shift
  b=("$@")
  ms "${a[@]}" >/dev/null
  ms "${b[@]}" >/dev/null
  local as=() bs=() ratios=() acs=() bcs=() cratios=()
  for _ in $(seq "$RUNS"); do
    local ta tb
    ta=($(ms "${a[@]}"))
    tb=($(ms "${b[@]}"))
    as+=("${ta[0]}")
    bs+=("${tb[0]}")
    acs+=("${ta[1]}")
    bcs+=("${tb[1]}")
    ratios+=("$(ratio "${ta[0]}" "${tb[0]}")")
    cratios+=("$(ratio "${ta[1]}" "${tb[1]}")")
  done
  printf '%-8s migration-guard %7s ms   peer %7s ms   ratio %5.2fx   (goal: %s; runs: %s vs %s)\n' \
    "$name" "$(printf '%s\n' "${as[@]}" | median)" "$(printf '%s\n' "${bs[@]}" | median)" \
    "$(printf '%s\n' "${ratios[@]}" | median)" "$goal" "${as[*]}" "${bs[*]}"
  printf '%-8s   CPU           %7s ms   peer %7s ms   ratio %5.2fx   (runs: %s vs %s)\n' \
    "" "$(printf '%s\n' "${acs[@]}" | median)" "$(printf '%s\n' "${bcs[@]}" | median)" \
    "$(printf '%s\n' "${cratios[@]}" | median)" "${acs[*]}" "${bcs[*]}"
}

single() {
  local name="$1" goal="$2"
  shift 2
  ms "$@" >/dev/null
  local ts=() cs=() t
  for _ in $(seq "$RUNS"); do
    t=($(ms "$@"))
    ts+=("${t[0]}")
    cs+=("${t[1]}")
  done
  printf '%-8s migration-guard %7s ms   CPU %7s ms   (goal: %s; runs: %s; CPU: %s)\n' "$name" \
    "$(printf '%s\n' "${ts[@]}" | median)" "$(printf '%s\n' "${cs[@]}" | median)" "$goal" "${ts[*]}" "${cs[*]}"
}

(cd "$REPO" && for what in $ONLY; do
  case "$what" in
    sql)
      # Only the migrations folder, as Squawk only reads the migration files.
      pair sql "at most 1.5x Squawk" -- "$MG" lint --config "$SQL_CONFIG" "$(dirname "$(dirname "${MIGRATIONS[0]}")")" \
        -- "$SQUAWK" "${MIGRATIONS[@]}"
      # The same with every migration judged, as Squawk judges every file it is given (plain lint treats the
      # committed ones as applied and judges only their state).
      pair sql-all "at most 1.5x Squawk" -- "$MG" lint --all-migrations --config "$SQL_CONFIG" \
        "$(dirname "$(dirname "${MIGRATIONS[0]}")")" -- "$SQUAWK" "${MIGRATIONS[@]}"
      pair sql-cold "at most 1.5x Squawk" -- env MIGRATION_GUARD_CACHE=off "$MG" lint --config "$SQL_CONFIG" \
        "$(dirname "$(dirname "${MIGRATIONS[0]}")")" -- "$SQUAWK" "${MIGRATIONS[@]}" ;;
    lint)
      pair lint "at most 3x Squawk" -- "$MG" lint -- "$SQUAWK" "${MIGRATIONS[@]}" ;;
    history)
      pair history "at most 4x git log" -- "$MG" lint --history -- git log --name-status --oneline ;;
    staged)
      doc=$(git ls-files 'docs/*.md' | sed -n 1p)
      echo "staged edit" >> "$doc"
      git add "$doc"
      single staged "median under 250 ms (a change that touches no migration)" "$MG" lint --staged
      git reset -q --hard
      folder="$(dirname "$(dirname "${MIGRATIONS[0]}")")/29990101000000_add_bench_note"
      schema=$(git ls-files '*schema.prisma' | sed -n 1p)
      model=$(sed -n 's/^model \([A-Za-z0-9_]*\) {.*/\1/p' "$schema" | sed -n 1p)
      mkdir -p "$folder"
      printf -- '-- AlterTable\nALTER TABLE "%s" ADD COLUMN "benchNote" TEXT;\n' "$model" > "$folder/migration.sql"
      sed -i "0,/^model $model {/s//model $model {\n  benchNote String?/" "$schema"
      git add "$folder" "$schema"
      single staged "median under 350 ms (a new migration with its schema edit)" "$MG" lint --staged
      git reset -q --hard
      rm -rf "$folder" ;;
  esac
done)
