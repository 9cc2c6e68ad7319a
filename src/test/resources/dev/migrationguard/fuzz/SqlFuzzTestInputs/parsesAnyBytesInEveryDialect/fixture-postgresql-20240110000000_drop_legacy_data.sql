/*
  Warnings:

  - You are about to drop the column `legacyBody` on the `Post` table. All the data in the column will be lost.
  - You are about to drop the `AuditLog` table. If the table is not empty, all the data it contains will be lost.

*/
-- AlterTable
ALTER TABLE "Post" DROP COLUMN "legacyBody"; -- expect: destructive-drop

-- DropTable
DROP TABLE "AuditLog"; -- expect: destructive-drop

-- A scratch table made and dropped here holds no data of anyone.
CREATE TABLE "tmp_ids" ("id" INTEGER NOT NULL);
INSERT INTO "tmp_ids" SELECT "id" FROM "Post";
DROP TABLE "tmp_ids";

TRUNCATE TABLE "Post" CASCADE; -- expect: destructive-drop
DROP SCHEMA IF EXISTS "archive" CASCADE; -- expect: destructive-drop
DROP INDEX "Post_authorId_idx";
DROP VIEW IF EXISTS "active_users";
