#!/usr/bin/env bash
# Recreates the local development database from schema.prisma.
set -euo pipefail

echo "Resetting the local database with prisma db push"
npx prisma db push --force-reset
