#!/usr/bin/env bash
# Builds the migration-guard jar from the action's own checkout (GITHUB_ACTION_PATH), once per job.
set -euo pipefail
here="${GITHUB_ACTION_PATH:-$(cd "$(dirname "$0")/.." && pwd)}"
if [ ! -f "$here/target/migration-guard.jar" ]; then
  mvn -B -q -f "$here/pom.xml" -DskipTests package
fi
echo "MG_JAR=$here/target/migration-guard.jar" >> "${GITHUB_ENV:-/dev/null}"
