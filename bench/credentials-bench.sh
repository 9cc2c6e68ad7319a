#!/usr/bin/env bash
# Credentials scan throughput: MB/s per core of the database-url-credentials scan on ordinary source and docs (the
# TypeScript, JavaScript, Markdown, JSON, YAML and shell files of npm's global node_modules and of the corpus, held in
# memory), on one thread, with the launcher's JVM options (C1 only) and, for comparison, with both compilers. It also
# times the regex scan this one replaced, on the same files in the same run.
# Usage: bench/credentials-bench.sh [FOLDER...]     Environment: PASSES (default 7), MAX_MB (default 200), NO_BUILD=1
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${NO_BUILD:-0}" != 1 ]; then
  mvn -B -o -q test-compile
fi
if [ ! -f "target/bench.classpath" ]; then
  # Offline without the dependency plugin: the fat jar holds every runtime dependency.
  mvn -B -o -q dependency:build-classpath -Dmdep.outputFile="$PWD/target/bench.classpath" >/dev/null 2>&1 \
    || echo "$PWD/target/migration-guard.jar" > "target/bench.classpath"
fi
CP="target/test-classes:target/classes:$(cat target/bench.classpath)"
if [ $# -eq 0 ]; then
  set -- "$(npm root -g)" ../shared/corpus
fi
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== launcher options (-XX:TieredStopAtLevel=1, as bin/migration-guard runs)"
java -XX:TieredStopAtLevel=1 -XX:+UseParallelGC -cp "$CP" dev.migrationguard.bench.CredentialsBench "$@"
echo "== both compilers"
java -XX:+UseParallelGC -cp "$CP" dev.migrationguard.bench.CredentialsBench "$@"
