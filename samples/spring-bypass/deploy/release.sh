#!/usr/bin/env bash
set -euo pipefail
./mvnw -q -DskipTests package
psql "$DATABASE_URL" -f src/main/resources/db/hotfix_quest_progress.sql
java -jar target/quests.jar
