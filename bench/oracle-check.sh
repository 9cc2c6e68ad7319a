#!/bin/sh
# Runs Prisma's own diff (the oracle in ../shared/oracle: `prisma migrate diff --from-migrations ... --to-schema ...`
# with Prisma's schema engine and a PostgreSQL shadow database) and our replay side by side over the project folders
# given, and prints per folder Prisma's differences, ours, and the two lists of disagreements (Prisma only = drift we
# miss, ours only = false drift), one line per schema element ("index x @migration", "column T.c @schema"), then a
# markdown table of all folders.
#
#   bench/oracle-check.sh ../shared/corpus/*/                  the corpus
#   bench/oracle-check.sh --mutate ../shared/corpus/ghostfolio  also four mutated copies of each folder: its newest
#                                                               migration removed, a model added, an Int field made
#                                                               BigInt, an @@index dropped from the schema
#   ORACLE=path/to/diff.sh bench/oracle-check.sh DIR            another oracle (default ../shared/oracle/diff.sh)
#
# Needs Java and Maven (offline); the oracle needs Node and installs itself on first use (see its README.txt).
# Not part of `mvn verify`: the tests compare with the stored PRISMA-DIFF.sql files instead.
set -e
# Folders are taken relative to where the script is run from.
for arg in "$@"; do
  shift
  case "$arg" in
    --*) set -- "$@" "$arg" ;;
    *) set -- "$@" "$(realpath "$arg")" ;;
  esac
done
ORACLE="$(realpath "${ORACLE:-$(dirname "$0")/../../shared/oracle/diff.sh}")"
cd "$(dirname "$0")/.."
# The libraries come from the packaged jar (the dependency plugin does not resolve offline here), JUnit's API
# (the test helpers reference it) from the local Maven repository; the project's own classes from target/.
[ -f target/migration-guard.jar ] || mvn -B -o -q -DskipTests package
mvn -B -o -q test-compile
M2="${MAVEN_REPO:-$HOME/.m2/repository}"
JUNIT=$(find "$M2/org/junit/jupiter/junit-jupiter-api" "$M2/org/opentest4j" "$M2/org/apiguardian" -name '*.jar' \
  2>/dev/null | sort | tr '\n' ':')
exec java -cp "target/test-classes:target/classes:target/migration-guard.jar:$JUNIT" \
  dev.migrationguard.bench.OracleCheck --oracle "$ORACLE" "$@"
