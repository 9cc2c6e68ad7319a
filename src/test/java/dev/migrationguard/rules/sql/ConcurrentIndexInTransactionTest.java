package dev.migrationguard.rules.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationguard.testing.InMemorySnapshot;
import dev.migrationguard.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConcurrentIndexInTransactionTest {
    private static final String PATH = "prisma/migrations/2_idx/migration.sql";
    private final ConcurrentIndexInTransaction rule = new ConcurrentIndexInTransaction();

    private static InMemorySnapshot project(String prisma, String migration) {
        InMemorySnapshot snapshot = InMemorySnapshot.of(
                "prisma/migrations/1_init/migration.sql", "CREATE TABLE \"Order\" (\"id\" SERIAL NOT NULL, \"customerId\" INTEGER);\n",
                PATH, migration);
        if (prisma != null) {
            snapshot.put("package.json", "{\"devDependencies\": {\"prisma\": \"" + prisma + "\"}}");
        }
        return snapshot;
    }

    @Test
    void flagsAConcurrentIndexBesideOtherStatementsBeforePrisma74AndNamesTheVersion() {
        var findings = RuleTester.assertMatchesMarkers(rule, project("^6.19.3", """
                SET lock_timeout = '5s';
                -- CreateIndex
                CREATE INDEX CONCURRENTLY "Order_customerId_idx" ON "Order"("customerId"); -- expect: concurrent-index-in-transaction
                """));
        assertTrue(findings.get(0).message().contains("Prisma ^6.19.3 (package.json) sends the file as one query"),
                findings.get(0).message());
        assertTrue(findings.get(0).message().contains("P3018"));
    }

    @Test
    void withoutAVersionSaysWhatPrismaBefore74Does() {
        var findings = RuleTester.assertMatchesMarkers(rule, project(null, """
                DROP INDEX "Order_old_idx";
                CREATE INDEX CONCURRENTLY "Order_customerId_idx" ON "Order"("customerId"); -- expect: concurrent-index-in-transaction
                """));
        assertTrue(findings.get(0).message().contains("no package.json names the Prisma version"));
    }

    @Test
    void flagsAnyVersionInsideTheMigrationsOwnTransaction() {
        var findings = RuleTester.assertMatchesMarkers(rule, project("7.9.1", """
                BEGIN;
                CREATE INDEX CONCURRENTLY "Order_customerId_idx" ON "Order"("customerId"); -- expect: concurrent-index-in-transaction
                COMMIT;
                CREATE INDEX CONCURRENTLY "Order_id_idx" ON "Order"("id");
                """));
        assertEquals(List.of(PATH + ":2:1 concurrent-index-in-transaction"), RuleTester.locations(findings));
        assertTrue(findings.get(0).message().contains("opens at line 1"));
    }

    @Test
    void prisma74SplitsCreateButNotAFileWithDropConcurrently() {
        assertEquals(List.of(), RuleTester.run(rule, project("7.9.1", """
                SET lock_timeout = '5s';
                CREATE INDEX CONCURRENTLY "Order_customerId_idx" ON "Order"("customerId");
                CREATE INDEX CONCURRENTLY "Order_id_idx" ON "Order"("id");
                """)));
        RuleTester.assertMatchesMarkers(rule, project("7.4.0", """
                DROP INDEX CONCURRENTLY "Order_old_idx"; -- expect: concurrent-index-in-transaction
                CREATE INDEX CONCURRENTLY "Order_customerId_idx" ON "Order"("customerId"); -- expect: concurrent-index-in-transaction
                """));
    }

    @Test
    void ignoresAConcurrentStatementAloneInItsFileAndOtherDialects() {
        assertEquals(List.of(), RuleTester.run(rule, project("5.22.0", """
                -- CreateIndex
                CREATE INDEX CONCURRENTLY "Order_customerId_idx" ON "Order"("customerId");
                """)));
        assertEquals(List.of(), RuleTester.run(rule, InMemorySnapshot.of(
                "prisma/migrations/migration_lock.toml", "provider = \"cockroachdb\"",
                "prisma/migrations/1_x/migration.sql", """
                        BEGIN;
                        CREATE INDEX CONCURRENTLY "i" ON "Order"("id");
                        COMMIT;
                        """)));
    }
}
