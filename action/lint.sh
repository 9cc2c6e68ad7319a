#!/usr/bin/env bash
# The action's lint step: one run of `lint --since BASE --format sarif`; the annotations and the job summary are
# made from that report (action/report.cjs), and the exit code goes to the next steps. GithubActionIT
# runs it locally.
#
# Inputs (environment): MG_JAR, MG_PATH, MG_BASE, MG_FAIL_ON, MG_CONFIG, MG_BASELINE, MG_ARGS, MG_SARIF,
# MG_UPLOAD, MG_FORK, MG_PUSH_BEFORE, GITHUB_BASE_REF, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, GITHUB_WORKSPACE.
set -uo pipefail
jar="${MG_JAR:?MG_JAR must name the migration-guard jar}"
here="$(cd "$(dirname "$0")" && pwd)"
cd "${GITHUB_WORKSPACE:-.}" || exit 2
path="${MG_PATH:-.}"
output="${GITHUB_OUTPUT:-/dev/null}"

base="${MG_BASE:-}"
if [ -z "$base" ] && [ -n "${GITHUB_BASE_REF:-}" ]; then
  base="origin/$GITHUB_BASE_REF"
fi
if [ -z "$base" ] && [ -n "${MG_PUSH_BEFORE:-}" ] && [ "${MG_PUSH_BEFORE}" != "0000000000000000000000000000000000000000" ]; then
  base="$MG_PUSH_BEFORE"
fi

args=(lint "$path" --fail-on "${MG_FAIL_ON:-error}")
if [ -n "$base" ]; then
  args+=(--since "$base")
fi
if [ -n "${MG_CONFIG:-}" ]; then
  args+=(--config "$MG_CONFIG")
fi
if [ -n "${MG_BASELINE:-}" ]; then
  args+=(--baseline "$MG_BASELINE")
fi
# `args`: extra options, split on whitespace (no quoting), before the output options the action needs.
read -r -a extra <<< "${MG_ARGS:-}"
args+=("${extra[@]}")

sarif="${MG_SARIF:-migration-guard.sarif}"
jvm=(-XX:TieredStopAtLevel=1 -XX:+UseParallelGC)
# As bin/migration-guard: on one or two processors, one compiler thread.
case "$(nproc 2>/dev/null || getconf _NPROCESSORS_ONLN 2>/dev/null || echo 0)" in
  1|2) jvm+=(-XX:CICompilerCount=1) ;;
esac
java "${jvm[@]}" -jar "$jar" "${args[@]}" --format sarif --output "$sarif"
code=$?
if [ -s "$sarif" ]; then
  echo "sarif-written=true" >> "$output"
  node "$here/report.cjs" "$sarif" "${GITHUB_STEP_SUMMARY:-/dev/null}" || code=2
else
  echo "sarif-written=false" >> "$output"
fi
# Code scanning takes the upload only where it is on and the token may write: not from a fork's pull request.
if [ "${MG_UPLOAD:-true}" = "true" ] && [ -s "$sarif" ] && [ "${MG_FORK:-}" != "true" ]; then
  echo "upload=true" >> "$output"
else
  echo "upload=false" >> "$output"
fi
echo "exit-code=$code" >> "$output"
exit 0
