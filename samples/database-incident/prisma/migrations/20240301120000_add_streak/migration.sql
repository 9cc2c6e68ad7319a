-- AlterTable
ALTER TABLE "User" ADD COLUMN "streak" INTEGER NOT NULL DEFAULT 0;

-- Backfill, added to this file after it had been applied to production
UPDATE "User" SET "streak" = 1 WHERE "name" IS NOT NULL;
