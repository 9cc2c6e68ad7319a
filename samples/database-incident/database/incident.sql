-- What happened to the production database after the first deploy, by hand and outside the migrations.

-- Someone ran `prisma db push` against production: it created the Quest table straight from schema.prisma.
CREATE TABLE "Quest" (
    "id" SERIAL NOT NULL,
    "title" TEXT NOT NULL,
    "ownerId" INTEGER NOT NULL,

    CONSTRAINT "Quest_pkey" PRIMARY KEY ("id")
);

-- A data fix was deployed from a branch that was never merged; its folder is not in the repository.
INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
VALUES ('5b0c1c2e-2f3a-4d6e-9a1b-7c8d9e0f1a2b', 'c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00',
        now(), '20240201000000_backfill_roles', now(), 1);

-- add_streak was applied as it was first committed (without the backfill at its end): this is the checksum
-- Prisma recorded then, SHA-256 of that first version.
UPDATE "_prisma_migrations" SET checksum = '825fe2b5dd3d38737fbafa04e4364ac7a629285f2babf8d59d8b6656f20076dc'
WHERE migration_name = '20240301120000_add_streak';

-- Then `prisma migrate deploy` ran again: add_quest failed (its table already existed) and stopped the deploy,
-- so add_user_bio never ran.
