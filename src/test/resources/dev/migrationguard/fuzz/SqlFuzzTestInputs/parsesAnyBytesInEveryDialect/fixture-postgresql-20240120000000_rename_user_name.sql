/*
  Warnings:

  - You are about to drop the column `name` on the `User` table. All the data in the column will be lost.
  - Changed the type of `score` on the `User` table. No cast exists, the column would be dropped and recreated, which cannot be done if there is data, since the column is required.

*/
-- AlterTable
ALTER TABLE "User" DROP COLUMN "name", -- expect: destructive-drop
ADD COLUMN     "fullName" TEXT; -- expect: drop-and-add-column

-- AlterTable
ALTER TABLE "User" DROP COLUMN "score", -- expect: destructive-drop
ADD COLUMN     "score" INTEGER NOT NULL DEFAULT 0; -- expect: drop-and-add-column

-- AlterTable
ALTER TABLE "User" RENAME COLUMN "bio" TO "about"; -- expect: rename-breaks-clients
