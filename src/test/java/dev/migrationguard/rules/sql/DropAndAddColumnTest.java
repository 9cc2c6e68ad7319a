package dev.migrationguard.rules.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrationguard.testing.InMemorySnapshot;
import dev.migrationguard.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DropAndAddColumnTest {
    private final DropAndAddColumn rule = new DropAndAddColumn();

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mysql", "sqlite", "sqlserver", "cockroachdb"})
    void flagsExactlyTheMarkedDropAndAddPairsOfEachDialectFixture(String dialect) {
        RuleTester.assertMatchesMarkers(rule, SqlFixtures.load(dialect));
    }

    @Test
    void flagsPrismaRenameRenderingAtTheAddedColumnAndSuggestsRenameColumn() {
        InMemorySnapshot snapshot = InMemorySnapshot.of(
                "prisma/migrations/1_init/migration.sql", "CREATE TABLE \"User\" (\"id\" INT, \"name\" TEXT);",
                "prisma/migrations/2_rename/migration.sql",
                "-- AlterTable\nALTER TABLE \"User\" DROP COLUMN \"name\",\nADD COLUMN     \"fullName\" TEXT NOT NULL;\n");
        var findings = RuleTester.run(rule, snapshot);
        assertEquals(List.of("prisma/migrations/2_rename/migration.sql:3:1 drop-and-add-column"),
                RuleTester.locations(findings));
        assertEquals("To keep the data, replace the DROP COLUMN and ADD COLUMN with "
                + "ALTER TABLE \"User\" RENAME COLUMN \"name\" TO \"fullName\";", findings.get(0).fix());
    }

    @Test
    void writesTheRenameInTheDialectOfTheFolder() {
        InMemorySnapshot snapshot = InMemorySnapshot.of(
                "prisma/migrations/migration_lock.toml", "provider = \"mysql\"",
                "prisma/migrations/1_x/migration.sql", "ALTER TABLE `User` DROP COLUMN `name`, ADD COLUMN `fullName` VARCHAR(191) NULL;");
        assertEquals("To keep the data, replace the DROP COLUMN and ADD COLUMN with "
                + "ALTER TABLE `User` RENAME COLUMN `name` TO `fullName`;", RuleTester.run(rule, snapshot).get(0).fix());
    }

    @Test
    void pairsTheAddedColumnWithTheMostAlikeDroppedOneOfACompatibleType() {
        InMemorySnapshot snapshot = InMemorySnapshot.of(
                "prisma/migrations/1_init/migration.sql",
                "CREATE TABLE \"Session\" (\"id\" TEXT, \"expires\" TIMESTAMP(3), \"flag\" BOOLEAN);",
                "prisma/migrations/2_x/migration.sql", """
                        ALTER TABLE "Session" DROP COLUMN "expires",
                        DROP COLUMN "flag",
                        ADD COLUMN "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
                        ADD COLUMN "expiresAt" TIMESTAMP(3) NOT NULL,
                        ADD COLUMN "note" TEXT;
                        """);
        var findings = RuleTester.run(rule, snapshot);
        assertEquals(List.of("prisma/migrations/2_x/migration.sql:4:1 drop-and-add-column"),
                RuleTester.locations(findings));
        org.junit.jupiter.api.Assertions.assertTrue(findings.get(0).fix()
                .endsWith("ALTER TABLE \"Session\" RENAME COLUMN \"expires\" TO \"expiresAt\";"));
    }

    @Test
    void ignoresDropAndAddOnDifferentTablesAndOnNewTables() {
        InMemorySnapshot snapshot = InMemorySnapshot.of("prisma/migrations/1_x/migration.sql", """
                ALTER TABLE "A" DROP COLUMN "x";
                ALTER TABLE "B" ADD COLUMN "y" TEXT;
                CREATE TABLE "C" ("id" INT, "old" TEXT);
                ALTER TABLE "C" DROP COLUMN "old", ADD COLUMN "new" TEXT;
                """);
        assertEquals(List.of(), RuleTester.run(rule, snapshot));
    }
}
