/*
  Warnings:

  - Made the column `phone` on table `User` required. This step will fail if there are existing NULL values in that column.

*/
-- AlterTable
ALTER TABLE "User" ALTER COLUMN "phone" SET NOT NULL;

-- AlterTable
ALTER TABLE "Order" ALTER COLUMN "totalCents" SET DATA TYPE BIGINT;
