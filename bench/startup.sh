#!/usr/bin/env bash
# Start-up benchmark for the pre-commit use: builds a repository with 500 migrations and stages two changes, then
# times `migration-guard lint --staged` as a whole process (JVM start included) over 10 runs and prints min,
# median and max wall time in milliseconds.
#
#   bench/startup.sh                 # uses bin/migration-guard (with the CDS archive when built)
#   MG_CMD="java -jar target/migration-guard.jar" bench/startup.sh   # without the launcher's tuning
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/migration-guard.jar ] || mvn -B -q -DskipTests package
cmd="${MG_CMD:-bin/migration-guard}"
runs="${RUNS:-10}"
repo=$(mktemp -d)
if [ -n "${KEEP_REPO:-}" ]; then echo "repository kept in $repo"; else trap 'rm -rf "$repo" "$repo.time"' EXIT; fi

git -C "$repo" init -q
git -C "$repo" config user.email bench@example.com
git -C "$repo" config user.name bench
mkdir -p "$repo/prisma/migrations"
printf 'provider = "postgresql"\n' > "$repo/prisma/migrations/migration_lock.toml"
{
  printf 'datasource db {\n  provider = "postgresql"\n  url      = env("DATABASE_URL")\n}\n\n'
  printf 'generator client {\n  provider = "prisma-client-js"\n}\n\n'
} > "$repo/prisma/schema.prisma"
for i in $(seq 1 500); do
  # One migration an hour from 2024-01-01 00:00 UTC: valid YYYYMMDDHHMMSS prefixes, in order.
  name=$(date -u -d "@$(( 1704067200 + i * 3600 ))" +%Y%m%d%H%M%S)_add_table_$i
  mkdir -p "$repo/prisma/migrations/$name"
  cat > "$repo/prisma/migrations/$name/migration.sql" <<SQL
-- CreateTable
CREATE TABLE "Table$i" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Table${i}_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Table${i}_name_key" ON "Table$i"("name");
SQL
  printf 'model Table%d {\n  id        String   @id\n  name      String   @unique\n  createdAt DateTime @default(now())\n}\n\n' "$i" >> "$repo/prisma/schema.prisma"
done
cat > "$repo/package.json" <<'JSON'
{
  "name": "bench",
  "scripts": {
    "build": "tsc",
    "start": "node dist/index.js"
  }
}
JSON
git -C "$repo" add -A
git -C "$repo" commit -q -m "500 migrations"
# Times `lint --staged` RUNS times and prints min, median and max of wall and CPU time.
measure() {
  local label="$1" times=() cpus=() cpu start end
  for _ in $(seq 1 "$runs"); do
    start=$(date +%s%N)
    /usr/bin/time -o "$repo.time" -f "%U %S" $cmd lint --staged "$repo" > /dev/null 2>&1 || true
    cpu=$(tail -1 "$repo.time")
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
    cpus+=($(echo "$cpu" | awk '{printf "%d", ($1 + $2) * 1000}'))
  done
  local sorted=($(printf '%s\n' "${times[@]}" | sort -n))
  local cpu_sorted=($(printf '%s\n' "${cpus[@]}" | sort -n))
  local n=${#sorted[@]}
  echo "lint --staged on 500 migrations, $label, $n runs of: $cmd (load average: $(cut -d' ' -f1 /proc/loadavg))"
  echo "  wall: min ${sorted[0]} ms, median ${sorted[$((n / 2))]} ms, max ${sorted[$((n - 1))]} ms"
  echo "  cpu (user+sys): min ${cpu_sorted[0]} ms, median ${cpu_sorted[$((n / 2))]} ms, max ${cpu_sorted[$((n - 1))]} ms"
}

# The common commit: a change that touches no migration (here a script in package.json). The hook judges what
# the commit touches, so the 500 migrations are not parsed.
sed -i 's/"start": "node dist\/index.js"/"start": "node dist\/index.js",\n    "dev": "prisma migrate dev"/' "$repo/package.json"
git -C "$repo" add package.json
measure "staged package.json change"
git -C "$repo" commit -q -m "dev script"

# The commit the tool is for: a new migration and the schema edit it belongs to. Every earlier migration is
# parsed and replayed (the new one is judged against the schema they build, and the schema against all of them).
mkdir -p "$repo/prisma/migrations/20250101000000_add_quest_progress"
printf -- '-- CreateTable\nCREATE TABLE "QuestProgress" (\n    "id" TEXT NOT NULL,\n\n    CONSTRAINT "QuestProgress_pkey" PRIMARY KEY ("id")\n);\n' \
  > "$repo/prisma/migrations/20250101000000_add_quest_progress/migration.sql"
printf 'model QuestProgress {\n  id String @id\n}\n' >> "$repo/prisma/schema.prisma"
git -C "$repo" add -A
measure "staged new migration and schema edit"
