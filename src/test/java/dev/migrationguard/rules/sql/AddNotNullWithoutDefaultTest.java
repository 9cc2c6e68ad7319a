package dev.migrationguard.rules.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrationguard.testing.InMemorySnapshot;
import dev.migrationguard.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddNotNullWithoutDefaultTest {
    private final AddNotNullWithoutDefault rule = new AddNotNullWithoutDefault();

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mysql", "sqlite", "sqlserver", "cockroachdb"})
    void flagsExactlyTheMarkedColumnsOfEachDialectFixture(String dialect) {
        RuleTester.assertMatchesMarkers(rule, SqlFixtures.load(dialect));
    }

    @Test
    void flagsRequiredColumnWithoutDefaultAtItsAddKeyword() {
        InMemorySnapshot snapshot = InMemorySnapshot.of("prisma/migrations/1_x/migration.sql",
                "-- AlterTable\nALTER TABLE \"Post\" ADD COLUMN     \"slug\" TEXT NOT NULL;\n");
        assertEquals(List.of("prisma/migrations/1_x/migration.sql:2:20 add-not-null-without-default"),
                RuleTester.locations(RuleTester.run(rule, snapshot)));
    }

    @Test
    void ignoresColumnsWithDefaultsIdentitiesSerialsOrNullsAndNewTables() {
        InMemorySnapshot snapshot = InMemorySnapshot.of("prisma/migrations/1_x/migration.sql", """
                ALTER TABLE "Post" ADD COLUMN "views" INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE "Post" ADD COLUMN "seq" BIGSERIAL NOT NULL;
                ALTER TABLE "Post" ADD COLUMN "n" INTEGER GENERATED ALWAYS AS IDENTITY NOT NULL;
                ALTER TABLE "Post" ADD COLUMN "note" TEXT;
                CREATE TABLE "Tag" ("id" INT);
                ALTER TABLE "Tag" ADD COLUMN "name" TEXT NOT NULL;
                """);
        assertEquals(List.of(), RuleTester.run(rule, snapshot));
    }
}
