-- Edited by hand: build the index without blocking writes, and give up if the table stays locked.
SET lock_timeout = '5s';

-- CreateIndex
CREATE INDEX CONCURRENTLY "Order_status_idx" ON "Order"("status");
