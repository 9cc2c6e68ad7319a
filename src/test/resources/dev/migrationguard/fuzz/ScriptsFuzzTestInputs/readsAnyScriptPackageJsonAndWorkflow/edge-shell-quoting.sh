#!/usr/bin/env bash
set -euo pipefail
DATABASE_URL="postgres://u:p@db/app" npx prisma migrate deploy --schema "./prisma/schema.prisma"
echo 'prisma db push' && echo "$(prisma -v)" `date` || true
if [ "${CI:-}" = "true" ]; then pnpm exec prisma db push --accept-data-loss; fi
for f in a b; do sh -c "npx prisma migrate reset --force --skip-seed"; done
cat <<-SQL | psql "$DATABASE_URL"
	DROP TABLE "User";
SQL
( cd packages/db && yarn prisma migrate dev ) & wait
bash -c 'npm run db:push' ; \
  npm run "migrate:deploy" -- --verbose
