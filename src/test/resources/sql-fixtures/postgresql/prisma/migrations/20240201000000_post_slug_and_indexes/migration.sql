/*
  Warnings:

  - Added the required column `slug` to the `Post` table without a default value. This is not possible if the table is not empty.
  - A unique constraint covering the columns `[slug]` on the table `Post` will be added. If there are existing duplicate values, this will fail.

*/
-- AlterTable
ALTER TABLE "Post" ADD COLUMN     "slug" TEXT NOT NULL, -- expect: add-not-null-without-default
ADD COLUMN     "views" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "position" SERIAL NOT NULL,
ADD COLUMN     "subtitle" TEXT;

-- AlterTable
ALTER TABLE "User" ALTER COLUMN "age" SET NOT NULL, -- expect: set-not-null
ALTER COLUMN "age" SET DATA TYPE BIGINT, -- expect: alter-column-type
ALTER COLUMN "about" SET DATA TYPE VARCHAR(200),
ALTER COLUMN "email" SET DATA TYPE TEXT;

-- CreateTable
CREATE TABLE "Comment" (
    "id" SERIAL NOT NULL,
    "postId" INTEGER NOT NULL,

    CONSTRAINT "Comment_pkey" PRIMARY KEY ("id")
);
ALTER TABLE "Comment" ADD COLUMN "body" TEXT NOT NULL;
ALTER TABLE "Comment" ALTER COLUMN "postId" SET DATA TYPE BIGINT;

-- CreateIndex
CREATE UNIQUE INDEX "Post_slug_key" ON "Post"("slug"); -- expect: create-index-blocking, add-unique-constraint

-- CreateIndex
CREATE INDEX "User_fullName_idx" ON "User"("fullName"); -- expect: create-index-blocking

-- CreateIndex
CREATE INDEX CONCURRENTLY "Post_title_idx" ON "Post"("title");

-- CreateIndex
CREATE INDEX "Comment_postId_idx" ON "Comment"("postId");

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Post" ADD CONSTRAINT "Post_editorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE; -- expect: add-foreign-key-blocking

ALTER TABLE "Post" ADD CONSTRAINT "Post_reviewerId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") NOT VALID;
ALTER TABLE "Post" VALIDATE CONSTRAINT "Post_reviewerId_fkey";

ALTER TABLE "Post" ADD CONSTRAINT "Post_title_key" UNIQUE ("title"); -- expect: add-unique-constraint
ALTER TABLE "Post" ADD CONSTRAINT "Post_subtitle_key" UNIQUE USING INDEX "Post_subtitle_idx"; -- expect: migration-fails-on-fresh-database
