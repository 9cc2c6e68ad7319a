package dev.migrationguard.rules.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationguard.testing.InMemorySnapshot;
import dev.migrationguard.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataChangeInMigrationTest {
    private final DataChangeInMigration rule = new DataChangeInMigration();

    @Test
    void flagsBackfillsDeletesAndCopiesOnPostgres() {
        var findings = RuleTester.assertMatchesMarkers(rule, InMemorySnapshot.of(
                "prisma/migrations/2_x/migration.sql", """
                        -- AlterTable
                        ALTER TABLE "User" ADD COLUMN "displayName" TEXT;
                        UPDATE "User" SET "displayName" = "name"; -- expect: data-change-in-migration
                        DELETE FROM "Session" WHERE "expires" < now(); -- expect: data-change-in-migration
                        INSERT INTO "Archive" ("id") SELECT "id" FROM "User"; -- expect: data-change-in-migration
                        WITH d AS (SELECT "id" FROM "Order") -- expect: data-change-in-migration
                        UPDATE "Order" SET "total" = 0 FROM d WHERE "Order"."id" = d."id";
                        """));
        assertTrue(findings.get(0).message().startsWith("UPDATE of \"User\""), findings.get(0).message());
    }

    @Test
    void ignoresSeedRowsAndWritesToTablesMadeHere() {
        assertEquals(List.of(), RuleTester.run(rule, InMemorySnapshot.of(
                "prisma/migrations/2_x/migration.sql", """
                        INSERT INTO "Role" ("name") VALUES ('admin'), ('member');
                        CREATE TABLE "Plan" ("id" TEXT NOT NULL, "price" INTEGER);
                        INSERT INTO "Plan" ("id") VALUES ('free');
                        UPDATE "Plan" SET "price" = 0;
                        DELETE FROM "Plan" WHERE "id" = 'old';
                        """)));
    }

    @Test
    void ignoresSqlitesRedefinitionCopyStepEvenWhenEdited() {
        RuleTester.assertMatchesMarkers(rule, InMemorySnapshot.of(
                "prisma/migrations/migration_lock.toml", "provider = \"sqlite\"",
                "prisma/migrations/1_init/migration.sql", "CREATE TABLE \"User\" (\"id\" INTEGER NOT NULL PRIMARY KEY, \"age\" INTEGER);\n",
                "prisma/migrations/2_x/migration.sql", """
                        -- RedefineTables
                        PRAGMA defer_foreign_keys=ON;
                        PRAGMA foreign_keys=OFF;
                        CREATE TABLE "new_User" (
                            "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
                            "age" INTEGER NOT NULL
                        );
                        INSERT INTO "new_User" ("age", "id") SELECT COALESCE("age", 0), "id" FROM "User";
                        DROP TABLE "User";
                        ALTER TABLE "new_User" RENAME TO "User";
                        UPDATE "User" SET "age" = 18 WHERE "age" = 0; -- expect: data-change-in-migration
                        PRAGMA foreign_keys=ON;
                        PRAGMA defer_foreign_keys=OFF;
                        """));
    }

    @Test
    void readsMysql() {
        RuleTester.assertMatchesMarkers(rule, InMemorySnapshot.of(
                "prisma/migrations/migration_lock.toml", "provider = \"mysql\"",
                "prisma/migrations/1_x/migration.sql", """
                        UPDATE `User` SET `role` = 'USER' WHERE `role` = 'MODERATOR'; -- expect: data-change-in-migration
                        INSERT IGNORE INTO `Tag` (`name`) SELECT DISTINCT `tag` FROM `Post`; -- expect: data-change-in-migration
                        """));
    }
}
