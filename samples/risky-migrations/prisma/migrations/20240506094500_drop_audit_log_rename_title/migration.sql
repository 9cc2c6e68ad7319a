/*
  Warnings:

  - You are about to drop the `AuditLog` table. If the table is not empty, all the data it contains will be lost.

*/
-- DropTable
DROP TABLE "AuditLog";

-- AlterTable (edited by hand: keep the data of "title")
ALTER TABLE "Product" RENAME COLUMN "title" TO "name";
