package dev.migrationguard.rules.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationguard.testing.InMemorySnapshot;
import dev.migrationguard.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

class DropIndexBlockingTest {
    private final DropIndexBlocking rule = new DropIndexBlocking();

    @Test
    void flagsPrismasDropIndexForARemovedAtAtIndex() {
        var findings = RuleTester.assertMatchesMarkers(rule, InMemorySnapshot.of(
                "prisma/migrations/1_init/migration.sql", """
                        CREATE TABLE "Order" ("id" SERIAL NOT NULL, "customerId" INTEGER NOT NULL);
                        CREATE INDEX "Order_customerId_idx" ON "Order"("customerId");
                        """,
                "prisma/migrations/2_drop/migration.sql", """
                        -- DropIndex
                        DROP INDEX "Order_customerId_idx"; -- expect: drop-index-blocking

                        -- DropIndex
                        DROP INDEX IF EXISTS "public"."Order_old_idx"; -- expect: drop-index-blocking
                        """));
        assertEquals(List.of("prisma/migrations/2_drop/migration.sql:2:1 drop-index-blocking",
                "prisma/migrations/2_drop/migration.sql:5:1 drop-index-blocking"), RuleTester.locations(findings));
        assertTrue(findings.get(0).fix().contains("DROP INDEX CONCURRENTLY \"Order_customerId_idx\""));
        assertEquals(2, findings.get(0).range().startLine());
    }

    @Test
    void ignoresConcurrentDropsIndexesMadeInTheSameMigrationAndOtherDialects() {
        assertEquals(List.of(), RuleTester.run(rule, InMemorySnapshot.of(
                "a/prisma/migrations/1_x/migration.sql", """
                        DROP INDEX CONCURRENTLY "Order_customerId_idx";
                        """,
                "a/prisma/migrations/2_x/migration.sql", """
                        CREATE INDEX "tmp_idx" ON "Order"("id");
                        DROP INDEX "tmp_idx";
                        """,
                "b/prisma/migrations/migration_lock.toml", "provider = \"cockroachdb\"",
                "b/prisma/migrations/1_x/migration.sql", "DROP INDEX \"Order_customerId_idx\";\n",
                "c/prisma/migrations/migration_lock.toml", "provider = \"mysql\"",
                "c/prisma/migrations/1_x/migration.sql", "DROP INDEX `Order_customerId_idx` ON `Order`;\n",
                "d/prisma/migrations/migration_lock.toml", "provider = \"sqlite\"",
                "d/prisma/migrations/1_x/migration.sql", "DROP INDEX \"Order_customerId_idx\";\n")));
    }
}
