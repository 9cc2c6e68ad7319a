-- AlterEnum
ALTER TYPE "Role" DROP VALUE 'GUEST'; -- expect: enum-value-removed

-- AlterTable
ALTER TABLE "User" DROP COLUMN "nickname"; -- expect: destructive-drop

-- AlterTable
ALTER TABLE "User" ALTER COLUMN "age" SET DATA TYPE INT4; -- expect: alter-column-type

-- CockroachDB builds indexes and validates foreign keys online: no lock warnings.
CREATE INDEX "User_age_idx" ON "User"("age");
ALTER TABLE "Post" ADD CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email"); -- expect: add-unique-constraint
