-- "legacyCode" was added by hand on one database and never in a migration: a fresh database stops here.
ALTER TABLE "Order" ALTER COLUMN "legacyCode" SET DEFAULT 'none';
