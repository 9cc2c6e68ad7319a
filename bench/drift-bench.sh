#!/bin/sh
# Times the schema drift check on the documenso corpus (or the folder given) after warm-up.
# Usage: bench/drift-bench.sh [corpus-dir] [warmup] [runs]
set -e
cd "$(dirname "$0")/.."
mvn -B -o -q test-compile
CP_FILE=target/drift-bench.classpath
mvn -B -o -q dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test
java -cp "target/test-classes:target/classes:$(cat "$CP_FILE")" dev.migrationguard.bench.DriftBench "$@"
