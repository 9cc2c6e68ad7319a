#!/usr/bin/env bash
# Builds the migration-guard jar from the action's own checkout (GITHUB_ACTION_PATH), once per job.
set -euo pipefail
here="${GITHUB_ACTION_PATH:-$(cd "$(dirname "$0")/.." && pwd)}"
if [ ! -f "$here/target/migration-guard.jar" ]; then
  # No class-data-sharing archive: it pays off for many short runs (a pre-commit hook), not for one job.
  mvn -B -q -f "$here/pom.xml" -DskipTests -Dmg.skipCds=true package
fi
echo "MG_JAR=$here/target/migration-guard.jar" >> "${GITHUB_ENV:-/dev/null}"
