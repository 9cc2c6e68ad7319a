CREATE TABLE "t" (
  "a" TEXT DEFAULT 'it''s',
  "b" INT CHECK ((("b" > 0) AND ("b" < (10 * (2 + 3))))),
  /* block /* comment */ "c" JSONB -- trailing
);
COMMENT ON COLUMN "t"."a" IS 'x';
