-- Hand-written: recreate the enum without ARCHIVED.
ALTER TYPE "Status" RENAME TO "Status_old";
CREATE TYPE "Status" AS ENUM ('DRAFT', 'PUBLISHED'); -- expect: enum-value-removed
ALTER TABLE "Post" ALTER COLUMN "status" DROP DEFAULT;
ALTER TABLE "Post" ALTER COLUMN "status" TYPE "Status" USING ("status"::text::"Status"); -- expect: alter-column-type
DROP TYPE "Status_old";

-- Renaming a value keeps every row.
ALTER TYPE "Status" RENAME VALUE 'DRAFT' TO 'DRAFTED';

CREATE TYPE "Mood" AS ENUM ('HAPPY', 'SAD');
DROP TYPE "Mood";
DROP TYPE IF EXISTS "Priority"; -- expect: destructive-drop
