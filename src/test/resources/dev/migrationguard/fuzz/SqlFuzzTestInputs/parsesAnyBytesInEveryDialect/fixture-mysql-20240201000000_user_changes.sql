/*
  Warnings:

  - You are about to drop the column `name` on the `User` table. All the data in the column will be lost.
  - The values [MODERATOR] on the enum `User_role` will be removed. If these variants are still used in the database, this will fail.
  - Made the column `age` on table `User` required. This step will fail if there are existing NULL values in that column.

*/
-- AlterTable
ALTER TABLE `User` DROP COLUMN `name`, -- expect: destructive-drop
    ADD COLUMN `fullName` VARCHAR(191) NULL, -- expect: drop-and-add-column
    MODIFY `role` ENUM('USER', 'ADMIN') NOT NULL DEFAULT 'USER', -- expect: enum-value-removed
    MODIFY `age` INTEGER NOT NULL, -- expect: set-not-null
    MODIFY `email` VARCHAR(255) NOT NULL;

-- DropTable
DROP TABLE `Legacy`; -- expect: destructive-drop
