#!/usr/bin/env bash
# The action's lint step: lint the pull request's range (--since BASE), write SARIF for code scanning, print
# workflow annotations, and hand the exit code to the next steps. Runs locally too (see ActionScriptIT).
#
# Inputs (environment): MG_JAR, MG_PATH, MG_BASE, MG_FAIL_ON, MG_CONFIG, MG_SARIF, MG_PUSH_BEFORE,
# GITHUB_BASE_REF, GITHUB_OUTPUT, GITHUB_WORKSPACE.
set -uo pipefail
jar="${MG_JAR:?MG_JAR must name the migration-guard jar}"
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

sarif="${MG_SARIF:-migration-guard.sarif}"
java -jar "$jar" "${args[@]}" --format sarif --output "$sarif"
code=$?
if [ -s "$sarif" ]; then
  echo "sarif-written=true" >> "$output"
else
  echo "sarif-written=false" >> "$output"
fi
# Annotations on the pull request, even without code scanning; the SARIF run's exit code decides.
java -jar "$jar" "${args[@]}" --format github
echo "exit-code=$code" >> "$output"
exit 0
