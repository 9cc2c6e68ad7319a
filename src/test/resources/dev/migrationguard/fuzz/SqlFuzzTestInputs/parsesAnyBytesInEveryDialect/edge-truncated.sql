CREATE TABLE "t" ("a" TEXT DEFAULT 'unterminated
);
CREATE INDEX CONCURRENTLY "i" ON "t" USING gin ("a" gin_trgm_ops) WHERE ("a" IS NOT NULL