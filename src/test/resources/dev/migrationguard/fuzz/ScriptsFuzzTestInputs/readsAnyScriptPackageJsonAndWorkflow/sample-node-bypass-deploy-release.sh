#!/usr/bin/env bash
# Release: build, patch the schema, restart.
set -euo pipefail
npm run build
psql "$DATABASE_URL" -f scripts/add_quest_columns.sql
psql "$DATABASE_URL" -c 'SELECT count(*) FROM "Quest"'
systemctl restart quest-service
