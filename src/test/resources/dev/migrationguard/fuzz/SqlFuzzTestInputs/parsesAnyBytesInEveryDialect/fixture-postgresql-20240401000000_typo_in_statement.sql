-- AlterTable
ALTER TABLE "User" ADD COLUM "nickname2" TEXT; -- expect: sql-parse-error

-- The next statement is still read.
DROP TABLE "Comment"; -- expect: destructive-drop

CREATE OR REPLACE FUNCTION touch() RETURNS trigger AS $$
BEGIN
  NEW."updatedAt" := now(); -- a ; inside the body
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'reader') THEN
    CREATE ROLE reader;
  END IF;
END $$;
