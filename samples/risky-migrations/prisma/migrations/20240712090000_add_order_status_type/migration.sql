-- CreateEnum (brought back by a merge: 20240105093000_init already creates this type)
CREATE TYPE "OrderStatus" AS ENUM ('PENDING', 'PAID', 'SHIPPED');
