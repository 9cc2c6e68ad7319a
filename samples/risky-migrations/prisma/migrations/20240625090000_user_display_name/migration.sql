-- AlterTable
ALTER TABLE "User" ADD COLUMN     "displayName" TEXT;

-- Edited by hand: fill the new column from the old one.
UPDATE "User" SET "displayName" = "fullName" WHERE "displayName" IS NULL;
