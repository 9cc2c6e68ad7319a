#!/usr/bin/env bash
# The hostile inputs of issue 20 (and the bash [[ =~ ]] of issue 21), each built in a temporary folder and linted
# with the built jar: prints, per input, the wall time, the exit code, the size of standard output and the first
# line of standard error. A run still going after TIMEOUT seconds (default 60) is stopped and printed as such.
#   bench/hostile-bench.sh [JAR] [CASE...]        (JAR default target/migration-guard.jar; CASE: names to run)
set -uo pipefail
cd "$(dirname "$0")/.."
JAR="${1:-target/migration-guard.jar}"
shift || true
JAR="$(cd "$(dirname "$JAR")" && pwd)/$(basename "$JAR")"
TIMEOUT="${TIMEOUT:-60}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
export GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@example.com GIT_COMMITTER_NAME=bench \
    GIT_COMMITTER_EMAIL=bench@example.com GIT_CONFIG_NOSYSTEM=1 HOME="$WORK/home"
mkdir -p "$HOME"

repeat() { # repeat TEXT COUNT: TEXT written COUNT times, no newline
    awk -v t="$1" -v n="$2" 'BEGIN { for (i = 0; i < n; i++) printf "%s", t }'
}
new_repo() { # a git repository with one commit holding a script with a finding
    mkdir -p "$1/scripts" && git -C "$1" init -q -b main && printf '#!/bin/sh\nnpx prisma db push\n' > "$1/scripts/deploy.sh"
    git -C "$1" add -A && git -C "$1" commit -q -m init
}

# Each case: setup_NAME DIR builds the input; ARGS_NAME is the command line after `java -jar JAR`.
setup_fifo_tracked() { new_repo "$1"; rm "$1/scripts/deploy.sh"; mkfifo "$1/scripts/deploy.sh"
    printf 'npx prisma db push\n' > "$1/scripts/other.sh"; }
args_fifo_tracked="lint"
setup_fifo_tracked_baseline() { setup_fifo_tracked "$1"; }
args_fifo_tracked_baseline="baseline"
setup_fifo_untracked() { new_repo "$1"; mkfifo "$1/scripts/pipe.sh"; }
args_fifo_untracked="lint"
setup_gitattributes_fifo() { new_repo "$1"; mkfifo "$1/.gitattributes"; }
args_gitattributes_fifo="lint"
setup_gitattributes_urandom() { new_repo "$1"; ln -s /dev/urandom "$1/.gitattributes"; }
args_gitattributes_urandom="lint"
setup_gitattributes_zero() { new_repo "$1"; ln -s /dev/zero "$1/.gitattributes"; }
args_gitattributes_zero="lint"
setup_include_fifo() { new_repo "$1"; mkfifo "$1/.git/extra"; printf '[include]\n\tpath = extra\n' >> "$1/.git/config"; }
args_include_fifo="lint"
setup_include_urandom() { new_repo "$1"; printf '[include]\n\tpath = /dev/urandom\n' >> "$1/.git/config"; }
args_include_urandom="lint"
setup_include_zero() { new_repo "$1"; printf '[include]\n\tpath = /dev/zero\n' >> "$1/.git/config"; }
args_include_zero="lint"
setup_exclude_fifo() { new_repo "$1"; rm -f "$1/.git/info/exclude"; mkfifo "$1/.git/info/exclude"; }
args_exclude_fifo="lint"
setup_exclude_urandom() { new_repo "$1"; rm -f "$1/.git/info/exclude"; ln -s /dev/urandom "$1/.git/info/exclude"; }
args_exclude_urandom="lint"
setup_exclude_zero() { new_repo "$1"; rm -f "$1/.git/info/exclude"; ln -s /dev/zero "$1/.git/info/exclude"; }
args_exclude_zero="lint"
# 400 KB line: findings, then a comment of 200,000 markers.
setup_suppression_long_line() { mkdir -p "$1/scripts"
    { repeat 'npx prisma db push; ' 500; printf '#'; repeat '# ' 195000; printf '\n'; } > "$1/scripts/deploy.sh"; }
args_suppression_long_line="lint --format json"
# 166 KB workflow: one anchored run command, used by 16,000 steps.
setup_workflow_aliases() { mkdir -p "$1/.github/workflows"
    { printf 'on: push\nx: &c "npx prisma db push'; repeat ' && echo ok' 40; printf '"\njobs:\n  a:\n    steps:\n'
      repeat '      - run: *c\n' 16000; } > "$1/.github/workflows/ci.yml"; }
args_workflow_aliases="lint --format json"
# 5,000 findings on one 100 KB line.
setup_findings_long_line() { mkdir -p "$1/scripts"; { repeat 'npx prisma db push;' 5000; printf '\n'; } > "$1/scripts/deploy.sh"; }
args_findings_long_line="lint"
setup_findings_long_line_sarif() { setup_findings_long_line "$1"; }
args_findings_long_line_sarif="lint --format sarif"
# A 2.7 MB package.json on one line, 90,000 scripts running db push.
setup_package_json_huge() { { printf '{"scripts":{'; awk 'BEGIN { for (i = 0; i < 90000; i++) printf "%s\"s%d\":\"prisma db push\"", (i ? "," : ""), i }'; printf '}}\n'; } > "$1/package.json"; }
args_package_json_huge="lint"
setup_deep_folders() { new_repo "$1"; d="$1"; for i in $(seq 1500); do d="$d/d"; done; mkdir -p "$d"
    printf 'npx prisma db push\n' > "$d/x.sh"; git -C "$1" add -A; git -C "$1" commit -q -m deep; }
args_deep_folders="lint"
setup_deep_untracked() { new_repo "$1"; d="$1"; for i in $(seq 2000); do d="$d/u"; done; mkdir -p "$d"
    printf 'npx prisma db push\n' > "$d/x.sh"; }
args_deep_untracked="lint --format json"
setup_java_syntax_error() { mkdir -p "$1/src/main/java" "$1/scripts"
    printf 'class A { void f(java.sql.Statement s) { s.execute("DROP TABLE users"); }\n  int broken = ;\n' > "$1/src/main/java/A.java"; }
args_java_syntax_error="lint --format json"
setup_java_deep_parens() { mkdir -p "$1/src/main/java"
    { printf 'class A { void f(java.sql.Statement s) { s.execute("DROP TABLE users"); int x = '; repeat '(' 500; printf 1; repeat ')' 500; printf '; } }\n'; } > "$1/src/main/java/A.java"; }
args_java_deep_parens="lint --format json"
setup_workflow_60_levels() { mkdir -p "$1/.github/workflows"
    { printf 'on: push\njobs:\n  a:\n    env:\n      deep: '; repeat '{a: ' 60; printf 1; repeat '}' 60
      printf '\n    steps:\n      - run: npx prisma db push\n'; } > "$1/.github/workflows/ci.yml"; }
args_workflow_60_levels="lint --format json"
setup_package_json_1001_levels() { { printf '{"scripts": {"deploy": "prisma db push"}, "x": '; repeat '[' 1001; repeat ']' 1001; printf '}\n'; } > "$1/package.json"; }
args_package_json_1001_levels="lint --format json"
setup_control_char_names() { mkdir -p "$1/scripts"; printf 'npx prisma db push\n' > "$1/scripts/a"$'\n'"::error file=x::forged.sh"
    printf 'npx prisma db push\n' > "$1/scripts/"$'\e]0;owned\a\e[2J'"b.sh"; printf 'npx prisma db push # \e[2J\n' > "$1/scripts/c.sh"; }
args_control_char_names="lint"
setup_sarif_absolute_uri() { printf 'npx prisma db push\n' > "$1/javascript:x.sh"; printf 'npx prisma db push\n' > "$1/C:evil.sh"; }
args_sarif_absolute_uri="lint --format sarif"
setup_shallow_history() { new_repo "$1.src"; printf 'x\n' > "$1.src/b"; git -C "$1.src" add -A; git -C "$1.src" commit -q -m two
    git clone -q --depth 1 "file://$1.src" "$1"; }
args_shallow_history="lint --history"
setup_bare_repo() { new_repo "$1.src"; git clone -q --bare "$1.src" "$1"; }
args_bare_repo="lint"
setup_unborn_since() { mkdir -p "$1/scripts"; git -C "$1" init -q -b main; printf 'npx prisma db push\n' > "$1/scripts/deploy.sh"; }
args_unborn_since="lint --since main"
setup_unborn_history() { setup_unborn_since "$1"; }
args_unborn_history="lint --history"
setup_revision_quoting() { new_repo "$1"; }
args_revision_quoting="lint --since origin/x;touch\${IFS}pwned"
setup_bash_regex() { mkdir -p "$1/scripts"; { printf '#!/bin/bash\n'; for i in $(seq 20); do printf 'if [[ $x =~ (a)(b) ]]; then echo "${BASH_REMATCH[1]}"; fi\n'; done; printf 'npx prisma db push\n'; } > "$1/scripts/deploy.sh"; }
args_bash_regex="lint --format json"

ALL="fifo_tracked fifo_tracked_baseline fifo_untracked gitattributes_fifo gitattributes_urandom gitattributes_zero
include_fifo include_urandom include_zero exclude_fifo exclude_urandom exclude_zero suppression_long_line
workflow_aliases findings_long_line findings_long_line_sarif package_json_huge deep_folders deep_untracked
java_syntax_error java_deep_parens workflow_60_levels package_json_1001_levels control_char_names sarif_absolute_uri
shallow_history bare_repo unborn_since unborn_history revision_quoting bash_regex"
CASES="${*:-$ALL}"

printf '%-28s %9s %4s %12s  %s\n' case seconds exit stdout-bytes 'first line of stderr'
for name in $CASES; do
    dir="$WORK/$name"
    mkdir -p "$dir"
    "setup_$name" "$dir" >/dev/null 2>&1
    args_var="args_$name"
    start=$(date +%s.%N)
    { (cd "$dir" && exec timeout -s KILL "$TIMEOUT" java -jar "$JAR" ${!args_var} >"$WORK/$name.out" 2>"$WORK/$name.err" </dev/null); } 2>/dev/null
    code=$?
    end=$(date +%s.%N)
    secs=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }')
    [ "$code" = 137 ] && secs=">$TIMEOUT" && code=killed
    err=$(grep -m1 -v '^[[:space:]]*$' "$WORK/$name.err" | cut -c1-110 | tr -d '\033\007')
    printf '%-28s %9s %4s %12s  %s\n' "$name" "$secs" "$code" "$(wc -c < "$WORK/$name.out")" "$err"
    rm -rf "$dir" "$dir.src"
done
