-- Written by hand: Prisma has no attribute for a CHECK constraint.
ALTER TABLE "Order" ADD CONSTRAINT "Order_totalCents_check" CHECK ("totalCents" >= 0);
