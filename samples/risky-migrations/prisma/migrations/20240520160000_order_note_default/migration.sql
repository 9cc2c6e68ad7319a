-- AlterTable (edited by hand)
ALTER TABLE "Order" ALTER COLUMN "note" SET DEFAUT 'none';
