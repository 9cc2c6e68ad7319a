-- Not a migration: the SQL rules never read it.
DROP TABLE "User";
TRUNCATE "Post";
