package dev.migrationguard.rules.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrationguard.testing.InMemorySnapshot;
import dev.migrationguard.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CreateIndexBlockingTest {
    private final CreateIndexBlocking rule = new CreateIndexBlocking();

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mysql", "sqlite", "sqlserver", "cockroachdb"})
    void flagsExactlyTheMarkedIndexesOfEachDialectFixture(String dialect) {
        RuleTester.assertMatchesMarkers(rule, SqlFixtures.load(dialect));
    }

    @Test
    void flagsPrismaCreateIndexOnExistingTableAndExplainsTheTransaction() {
        InMemorySnapshot snapshot = InMemorySnapshot.of("prisma/migrations/1_x/migration.sql",
                "-- CreateIndex\nCREATE INDEX \"Order_customerId_idx\" ON \"Order\"(\"customerId\");\n");
        var findings = RuleTester.run(rule, snapshot);
        assertEquals(List.of("prisma/migrations/1_x/migration.sql:2:1 create-index-blocking"),
                RuleTester.locations(findings));
        org.junit.jupiter.api.Assertions.assertTrue(findings.get(0).fix().contains("Prisma runs a migration in a transaction"));
    }

    @Test
    void ignoresConcurrentIndexesIndexesOnNewTablesAndOtherDialects() {
        InMemorySnapshot snapshot = InMemorySnapshot.of(
                "a/prisma/migrations/1_x/migration.sql", """
                        CREATE INDEX CONCURRENTLY "i" ON "Order"("a");
                        CREATE TABLE "T" ("a" INT);
                        CREATE INDEX "j" ON "T"("a");
                        """,
                "b/prisma/migrations/migration_lock.toml", "provider = \"cockroachdb\"",
                "b/prisma/migrations/1_x/migration.sql", "CREATE INDEX \"k\" ON \"Order\"(\"a\");");
        assertEquals(List.of(), RuleTester.run(rule, snapshot));
    }
}
