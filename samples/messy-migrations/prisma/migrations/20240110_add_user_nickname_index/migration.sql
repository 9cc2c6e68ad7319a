-- CreateIndex
CREATE INDEX CONCURRENTLY "User_nickname_idx" ON "User"("nickname");
