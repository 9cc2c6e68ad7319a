-- Applied by hand on production on 2024-11-04 (psql -f scripts/add_quest_columns.sql).
ALTER TABLE "Quest" ADD COLUMN "reward" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Quest" ADD COLUMN "badgeId" TEXT;
