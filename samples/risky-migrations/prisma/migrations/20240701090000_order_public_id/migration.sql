-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "publicId" UUID NOT NULL DEFAULT gen_random_uuid();
