#!/bin/sh
# Fuzz-compares our Prisma parser with Prisma's own validator (../shared/oracle/validate.sh): random mutants of the
# schemas given (default: the corpus's single-file schemas); every mutant our parser rejects must be rejected by
# Prisma too. Prints each disagreement and the counts; exit 1 when there is one.
#   bench/prisma-parse-check.sh [--mutants N] [--seed S] [--prisma6] [FILE.prisma...]
# Needs Java and Maven (offline); the oracle needs Node (it installs itself on first use).
set -e
files=""
opts=""
while [ $# -gt 0 ]; do
  case "$1" in
    --mutants|--seed) opts="$opts $1 $2"; shift 2 ;;
    --*) opts="$opts $1"; shift ;;
    *) files="$files $(realpath "$1")"; shift ;;
  esac
done
VALIDATE="$(realpath "${ORACLE_VALIDATE:-$(dirname "$0")/../../shared/oracle/validate.sh}")"
cd "$(dirname "$0")/.."
if [ -z "$files" ]; then
  files=$(find ../shared/corpus -name schema.prisma -not -path '*/node_modules/*' | sort | tr '\n' ' ')
fi
[ -f target/migration-guard.jar ] || mvn -B -o -q -DskipTests package
mvn -B -o -q test-compile
exec java -cp "target/test-classes:target/classes:target/migration-guard.jar" \
  dev.migrationguard.bench.PrismaParseCheck --validate "$VALIDATE" $opts $files
