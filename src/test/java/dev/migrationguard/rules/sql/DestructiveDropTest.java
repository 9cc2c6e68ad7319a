package dev.migrationguard.rules.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrationguard.testing.InMemorySnapshot;
import dev.migrationguard.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DestructiveDropTest {
    private final DestructiveDrop rule = new DestructiveDrop();

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mysql", "sqlite", "sqlserver", "cockroachdb"})
    void flagsExactlyTheMarkedDropsOfEachDialectFixture(String dialect) {
        RuleTester.assertMatchesMarkers(rule, SqlFixtures.load(dialect));
    }

    @Test
    void flagsDropTableAndDropColumnAtTheirDropKeywords() {
        InMemorySnapshot snapshot = InMemorySnapshot.of(
                "prisma/migrations/1_init/migration.sql", "CREATE TABLE \"A\" (\"id\" INT, \"b\" TEXT);",
                "prisma/migrations/2_drop/migration.sql", "-- AlterTable\nALTER TABLE \"A\" DROP COLUMN \"b\";\n\nDROP TABLE \"A\";\n");
        assertEquals(List.of("prisma/migrations/2_drop/migration.sql:2:17 destructive-drop",
                        "prisma/migrations/2_drop/migration.sql:4:1 destructive-drop"),
                RuleTester.locations(RuleTester.run(rule, snapshot)));
    }

    @Test
    void ignoresSqliteTableRedefinitionThatKeepsEveryColumn() {
        InMemorySnapshot snapshot = InMemorySnapshot.of(
                "prisma/migrations/migration_lock.toml", "provider = \"sqlite\"",
                "prisma/migrations/1_init/migration.sql", "CREATE TABLE \"X\" (\"id\" INTEGER NOT NULL PRIMARY KEY, \"a\" TEXT);",
                "prisma/migrations/2_redefine/migration.sql", """
                        CREATE TABLE "new_X" ("id" INTEGER NOT NULL PRIMARY KEY, "a" TEXT NOT NULL);
                        INSERT INTO "new_X" ("id", "a") SELECT "id", "a" FROM "X";
                        DROP TABLE "X";
                        ALTER TABLE "new_X" RENAME TO "X";
                        """);
        assertEquals(List.of(), RuleTester.run(rule, snapshot));
    }

    @Test
    void ignoresDropsInSqlFilesOutsideMigrationFolders() {
        InMemorySnapshot snapshot = InMemorySnapshot.of(
                "db/cleanup.sql", "DROP TABLE \"User\";",
                "prisma/seed/migration.sql", "DROP TABLE \"User\";");
        assertEquals(List.of(), RuleTester.run(rule, snapshot));
    }

    @Test
    void ignoresObjectsCreatedEarlierInTheSameMigration() {
        InMemorySnapshot snapshot = InMemorySnapshot.of("prisma/migrations/1_x/migration.sql", """
                CREATE TABLE "tmp" ("id" INT);
                ALTER TABLE "tmp" DROP COLUMN "id";
                DROP TABLE "tmp";
                CREATE TYPE "Mood" AS ENUM ('A');
                DROP TYPE "Mood";
                """);
        assertEquals(List.of(), RuleTester.run(rule, snapshot));
    }
}
