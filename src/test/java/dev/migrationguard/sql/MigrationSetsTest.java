package dev.migrationguard.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.migrationguard.testing.InMemorySnapshot;
import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationSetsTest {

    @Test
    void findsEveryMigrationsFolderOfAMonorepoInApplyOrder() {
        InMemorySnapshot snapshot = InMemorySnapshot.of(
                "apps/web/prisma/migrations/20240201000000_b/migration.sql", "SELECT 1;",
                "apps/web/prisma/migrations/20240101000000_a/migration.sql", "SELECT 1;",
                "apps/web/prisma/migrations/migration_lock.toml", "provider = \"mysql\"\n",
                "packages/db/prisma/migrations/0_init/migration.sql", "CREATE TABLE \"A\" (\"id\" INT);",
                "packages/db/prisma/schema.prisma", "datasource db {\n  provider = \"sqlite\"\n  url = env(\"X\")\n}\n",
                "db/schema.sql", "CREATE TABLE x (id int);");
        List<MigrationSet> sets = MigrationSets.find(snapshot);
        assertEquals(List.of("apps/web/prisma/migrations", "packages/db/prisma/migrations"),
                sets.stream().map(MigrationSet::folder).toList());
        MigrationSet web = sets.get(0);
        assertEquals(SqlDialect.MYSQL, web.dialect());
        assertEquals(DialectSource.LOCK_FILE, web.dialectSource());
        assertEquals("mysql", web.lockFile().provider());
        assertEquals(List.of("20240101000000_a", "20240201000000_b"),
                web.migrations().stream().map(Migration::name).toList());
        assertEquals("apps/web/prisma/migrations/20240101000000_a/migration.sql", web.migrations().get(0).sqlPath());
        MigrationSet db = sets.get(1);
        assertEquals(SqlDialect.SQLITE, db.dialect());
        assertEquals(DialectSource.DATASOURCE, db.dialectSource());
        assertNull(db.lockFile());
    }

    @Test
    void detectsTheDialectFromTheSqlWhenNothingNamesIt() {
        InMemorySnapshot snapshot = InMemorySnapshot.of(
                "a/migrations/1_x/migration.sql", "CREATE TABLE `User` (`id` INT);",
                "b/migrations/1_x/migration.sql", "BEGIN TRY\nCREATE TABLE [dbo].[User] ([id] INT);\nEND TRY",
                "c/migrations/1_x/migration.sql", "PRAGMA foreign_keys=OFF;",
                "d/migrations/1_x/migration.sql", "CREATE TABLE \"User\" (\"id\" INT);");
        assertEquals(List.of(SqlDialect.MYSQL, SqlDialect.SQLSERVER, SqlDialect.SQLITE, SqlDialect.POSTGRESQL),
                MigrationSets.find(snapshot).stream().map(MigrationSet::dialect).toList());
        assertEquals(DialectSource.DEFAULT, MigrationSets.find(snapshot).get(3).dialectSource());
    }

    @Test
    void aFolderWithALockFileCountsWhateverItsName() {
        InMemorySnapshot snapshot = InMemorySnapshot.of(
                "db/migrate/migration_lock.toml", "provider = \"cockroachdb\"",
                "db/migrate/001_init/migration.sql", "CREATE TABLE \"A\" (\"id\" INT8);");
        MigrationSet set = MigrationSets.find(snapshot).get(0);
        assertEquals("db/migrate", set.folder());
        assertEquals(SqlDialect.COCKROACHDB, set.dialect());
        assertEquals(1, set.migrations().size());
    }

    @Test
    void parsesEachMigrationOncePerSnapshot() {
        InMemorySnapshot snapshot = InMemorySnapshot.of("prisma/migrations/1_x/migration.sql", "DROP TABLE \"A\";");
        Migration migration = snapshot.model(MigrationSets.KEY).get(0).migrations().get(0);
        assertSame(migration.script(snapshot).orElseThrow(), migration.script(snapshot).orElseThrow());
        assertEquals(1, migration.script(snapshot).orElseThrow().statements().size());
    }

    @Test
    void backticksInPrismaWarningCommentsDoNotMakePostgresLookLikeMySql() {
        InMemorySnapshot snapshot = InMemorySnapshot.of("prisma/migrations/1_x/migration.sql", """
                /*
                  Warnings:

                  - You are about to drop the column `name` on the `User` table. All the data in the column will be lost.

                */
                -- AlterTable `User`
                ALTER TABLE "User" DROP COLUMN "name";
                """);
        MigrationSet set = MigrationSets.find(snapshot).get(0);
        assertEquals(SqlDialect.POSTGRESQL, set.dialect());
        assertEquals(DialectSource.DEFAULT, set.dialectSource());
    }
}
