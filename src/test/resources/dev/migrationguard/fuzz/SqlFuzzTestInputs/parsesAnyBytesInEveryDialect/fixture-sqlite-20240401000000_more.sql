-- AlterTable
ALTER TABLE "Team" ADD COLUMN "slug" TEXT;

-- AlterTable
ALTER TABLE "Team" ADD COLUMN "code" TEXT NOT NULL; -- expect: add-not-null-without-default

-- CreateIndex (no create-index-blocking outside PostgreSQL)
CREATE UNIQUE INDEX "Team_slug_key" ON "Team"("slug"); -- expect: add-unique-constraint

-- DropTable
PRAGMA foreign_keys=off;
DROP TABLE "Session"; -- expect: destructive-drop
PRAGMA foreign_keys=on;

ALTER TABLE "Team" RENAME COLUMN "name" TO "title"; -- expect: rename-breaks-clients
-- A column added by this same migration holds no data yet.
ALTER TABLE "Team" DROP COLUMN "slug";
