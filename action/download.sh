#!/usr/bin/env bash
# The action's install step: the released jar of the action's own version (the version in the pom.xml of the
# checkout the action runs from), checked against the release's SHA-256, kept in the runner's tool cache.
# No build. MG_JAR already naming a jar skips it. Inputs (environment): GITHUB_ACTION_PATH, GITHUB_ENV,
# RUNNER_TOOL_CACHE, MG_DOWNLOAD_BASE (the releases' download URL; tests point it at a folder).
set -euo pipefail
here="${GITHUB_ACTION_PATH:-$(cd "$(dirname "$0")/.." && pwd)}"
if [ -n "${MG_JAR:-}" ] && [ -f "$MG_JAR" ]; then
  echo "MG_JAR=$MG_JAR" >> "${GITHUB_ENV:-/dev/null}"
  exit 0
fi
version=$(sed -n '/<artifactId>migration-guard<\/artifactId>/{n;s/.*<version>\(.*\)<\/version>.*/\1/p;q}' "$here/pom.xml")
case "$version" in
  ''|*SNAPSHOT*)
    echo "::error title=migration-guard::this ref of the action has no released version ('$version' in pom.xml); use a release tag, e.g. migration-guard/migration-guard@v0.1.0"
    exit 2 ;;
esac
base="${MG_DOWNLOAD_BASE:-https://github.com/migration-guard/migration-guard/releases/download}"
dir="${RUNNER_TOOL_CACHE:-${RUNNER_TEMP:-/tmp}}/migration-guard/$version"
jar="$dir/migration-guard.jar"
if [ ! -f "$jar" ]; then
  mkdir -p "$dir"
  curl -fsSL --retry 3 -o "$jar.part" "$base/v$version/migration-guard.jar"
  curl -fsSL --retry 3 -o "$dir/migration-guard.jar.sha256" "$base/v$version/migration-guard.jar.sha256"
  expected=$(cut -d' ' -f1 < "$dir/migration-guard.jar.sha256")
  actual=$(sha256sum "$jar.part" | cut -d' ' -f1)
  if [ "$expected" != "$actual" ]; then
    rm -f "$jar.part"
    echo "::error title=migration-guard::the downloaded jar's SHA-256 is $actual, the release says $expected"
    exit 2
  fi
  mv "$jar.part" "$jar"
fi
echo "migration-guard $version: $jar"
echo "MG_JAR=$jar" >> "${GITHUB_ENV:-/dev/null}"
