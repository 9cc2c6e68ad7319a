package dev.migrationguard.rules.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrationguard.testing.InMemorySnapshot;
import dev.migrationguard.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RenameBreaksClientsTest {
    private final RenameBreaksClients rule = new RenameBreaksClients();

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mysql", "sqlite", "sqlserver", "cockroachdb"})
    void flagsExactlyTheMarkedRenamesOfEachDialectFixture(String dialect) {
        RuleTester.assertMatchesMarkers(rule, SqlFixtures.load(dialect));
    }

    @Test
    void flagsColumnAndTableRenamesAtTheRenameKeyword() {
        InMemorySnapshot snapshot = InMemorySnapshot.of("prisma/migrations/1_x/migration.sql", """
                ALTER TABLE "User" RENAME COLUMN "name" TO "fullName";
                ALTER TABLE "Post" RENAME TO "Article";
                """);
        assertEquals(List.of("prisma/migrations/1_x/migration.sql:1:20 rename-breaks-clients",
                        "prisma/migrations/1_x/migration.sql:2:20 rename-breaks-clients"),
                RuleTester.locations(RuleTester.run(rule, snapshot)));
    }

    @Test
    void ignoresTheRenameThatCompletesATableRedefinitionAndIndexRenames() {
        InMemorySnapshot snapshot = InMemorySnapshot.of("prisma/migrations/1_x/migration.sql", """
                CREATE TABLE "new_User" ("id" INTEGER NOT NULL PRIMARY KEY);
                INSERT INTO "new_User" ("id") SELECT "id" FROM "User";
                DROP TABLE "User";
                ALTER TABLE "new_User" RENAME TO "User";
                ALTER INDEX "a" RENAME TO "b";
                ALTER TABLE "User" RENAME CONSTRAINT "User_pkey" TO "User_pk";
                """);
        assertEquals(List.of(), RuleTester.run(rule, snapshot));
    }
}
