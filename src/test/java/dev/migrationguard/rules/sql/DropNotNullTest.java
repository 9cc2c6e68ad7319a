package dev.migrationguard.rules.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrationguard.testing.InMemorySnapshot;
import dev.migrationguard.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

class DropNotNullTest {
    private final DropNotNull rule = new DropNotNull();

    @Test
    void flagsPrismasDropNotNullOnAnExistingTable() {
        var findings = RuleTester.assertMatchesMarkers(rule, InMemorySnapshot.of(
                "prisma/migrations/1_init/migration.sql",
                "CREATE TABLE \"User\" (\"id\" SERIAL NOT NULL, \"phone\" TEXT NOT NULL);\n",
                "prisma/migrations/2_x/migration.sql", """
                        -- AlterTable
                        ALTER TABLE "User" ALTER COLUMN "phone" DROP NOT NULL; -- expect: drop-not-null
                        CREATE TABLE "T" ("a" TEXT NOT NULL);
                        ALTER TABLE "T" ALTER COLUMN "a" DROP NOT NULL;
                        """));
        assertEquals(20, findings.get(0).range().startColumn());
    }

    @Test
    void readsMysqlModifyAgainstTheReplayedColumn() {
        RuleTester.assertMatchesMarkers(rule, InMemorySnapshot.of(
                "prisma/migrations/migration_lock.toml", "provider = \"mysql\"",
                "prisma/migrations/1_init/migration.sql",
                "CREATE TABLE `User` (`id` INTEGER NOT NULL, `age` INTEGER NOT NULL, `bio` TEXT NULL);\n",
                "prisma/migrations/2_x/migration.sql", """
                        -- AlterTable
                        ALTER TABLE `User` MODIFY `age` INTEGER NULL, -- expect: drop-not-null
                            MODIFY `bio` VARCHAR(100) NULL;
                        """));
    }

    @Test
    void readsSqliteRedefinitions() {
        RuleTester.assertMatchesMarkers(rule, InMemorySnapshot.of(
                "prisma/migrations/migration_lock.toml", "provider = \"sqlite\"",
                "prisma/migrations/1_init/migration.sql",
                "CREATE TABLE \"User\" (\"id\" INTEGER NOT NULL PRIMARY KEY, \"age\" INTEGER NOT NULL, \"bio\" TEXT);\n",
                "prisma/migrations/2_x/migration.sql", """
                        -- RedefineTables
                        PRAGMA foreign_keys=OFF;
                        CREATE TABLE "new_User" (
                            "id" INTEGER NOT NULL PRIMARY KEY,
                            "age" INTEGER, -- expect: drop-not-null
                            "bio" TEXT
                        );
                        INSERT INTO "new_User" ("age", "bio", "id") SELECT "age", "bio", "id" FROM "User";
                        DROP TABLE "User";
                        ALTER TABLE "new_User" RENAME TO "User";
                        PRAGMA foreign_keys=ON;
                        """));
    }

    @Test
    void ignoresColumnsThatStayRequired() {
        assertEquals(List.of(), RuleTester.run(rule, InMemorySnapshot.of(
                "prisma/migrations/1_init/migration.sql",
                "CREATE TABLE \"User\" (\"id\" SERIAL NOT NULL, \"phone\" TEXT);\n",
                "prisma/migrations/2_x/migration.sql", """
                        ALTER TABLE "User" ALTER COLUMN "phone" SET NOT NULL;
                        ALTER TABLE "User" ALTER COLUMN "phone" SET DEFAULT '';
                        """)));
    }
}
