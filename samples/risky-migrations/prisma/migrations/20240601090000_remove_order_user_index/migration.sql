-- DropIndex
DROP INDEX "Order_userId_idx";
