-- The zero-downtime way: a validated CHECK lets SET NOT NULL skip the scan.
ALTER TABLE "User" ADD CONSTRAINT "User_nickname_not_null" CHECK ("nickname" IS NOT NULL) NOT VALID;
ALTER TABLE "User" VALIDATE CONSTRAINT "User_nickname_not_null";
ALTER TABLE "User" ALTER COLUMN "nickname" SET NOT NULL;
ALTER TABLE "User" DROP CONSTRAINT "User_nickname_not_null";

-- A NOT VALID check alone proves nothing.
ALTER TABLE "Post" ADD CONSTRAINT "Post_subtitle_not_null" CHECK ("subtitle" IS NOT NULL) NOT VALID;
ALTER TABLE "Post" ALTER COLUMN "subtitle" SET NOT NULL; -- expect: set-not-null
