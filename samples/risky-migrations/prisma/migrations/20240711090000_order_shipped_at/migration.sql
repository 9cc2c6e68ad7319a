-- Edited by hand: "run it in a transaction" (but the COMMIT was forgotten)
BEGIN;

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "shippedAt" TIMESTAMP(3);
