package dev.migrationguard.rules.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrationguard.testing.InMemorySnapshot;
import dev.migrationguard.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddUniqueConstraintTest {
    private final AddUniqueConstraint rule = new AddUniqueConstraint();

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mysql", "sqlite", "sqlserver", "cockroachdb"})
    void flagsExactlyTheMarkedUniqueConstraintsOfEachDialectFixture(String dialect) {
        RuleTester.assertMatchesMarkers(rule, SqlFixtures.load(dialect));
    }

    @Test
    void flagsUniqueIndexAndPrimaryKeyOnExistingTables() {
        InMemorySnapshot snapshot = InMemorySnapshot.of("prisma/migrations/1_x/migration.sql", """
                CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
                ALTER TABLE "Member" DROP CONSTRAINT "Member_pkey",
                ADD CONSTRAINT "Member_pkey" PRIMARY KEY ("teamId", "userId");
                """);
        assertEquals(List.of("prisma/migrations/1_x/migration.sql:1:1 add-unique-constraint",
                        "prisma/migrations/1_x/migration.sql:3:1 add-unique-constraint"),
                RuleTester.locations(RuleTester.run(rule, snapshot)));
    }

    @Test
    void ignoresUniqueUsingAnExistingIndexAndUniqueOnNewTables() {
        InMemorySnapshot snapshot = InMemorySnapshot.of("prisma/migrations/1_x/migration.sql", """
                ALTER TABLE "User" ADD CONSTRAINT "User_email_key" UNIQUE USING INDEX "User_email_idx";
                CREATE TABLE "Tag" ("id" INT, "name" TEXT);
                CREATE UNIQUE INDEX "Tag_name_key" ON "Tag"("name");
                CREATE INDEX "User_name_idx" ON "User"("name");
                """);
        assertEquals(List.of(), RuleTester.run(rule, snapshot));
    }
}
