package dev.migrationguard.rules.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationguard.testing.InMemorySnapshot;
import dev.migrationguard.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

class AddCheckBlockingTest {
    private final AddCheckBlocking rule = new AddCheckBlocking();

    @Test
    void flagsAValidatedCheckOnAnExistingTable() {
        var findings = RuleTester.assertMatchesMarkers(rule, InMemorySnapshot.of(
                "prisma/migrations/2_x/migration.sql", """
                        -- Edited by hand
                        ALTER TABLE "Order" ADD CONSTRAINT "Order_total_positive" CHECK ("totalCents" >= 0); -- expect: add-check-blocking
                        ALTER TABLE "Order" ADD CHECK ("note" <> ''); -- expect: add-check-blocking
                        """));
        assertTrue(findings.get(0).fix().contains("VALIDATE CONSTRAINT \"Order_total_positive\""));
        assertEquals(21, findings.get(0).range().startColumn());
    }

    @Test
    void ignoresNotValidChecksOtherConstraintsNewTablesAndOtherDialects() {
        assertEquals(List.of(), RuleTester.run(rule, InMemorySnapshot.of(
                "a/prisma/migrations/1_x/migration.sql", """
                        ALTER TABLE "User" ADD CONSTRAINT "User_nickname_not_null" CHECK ("nickname" IS NOT NULL) NOT VALID;
                        ALTER TABLE "User" VALIDATE CONSTRAINT "User_nickname_not_null";
                        ALTER TABLE "Post" ADD CONSTRAINT "Post_title_key" UNIQUE ("title");
                        CREATE TABLE "T" ("a" INTEGER);
                        ALTER TABLE "T" ADD CONSTRAINT "T_a_check" CHECK ("a" > 0);
                        """,
                "b/prisma/migrations/migration_lock.toml", "provider = \"cockroachdb\"",
                "b/prisma/migrations/1_x/migration.sql", "ALTER TABLE \"Order\" ADD CONSTRAINT \"c\" CHECK (\"a\" > 0);\n",
                "c/prisma/migrations/migration_lock.toml", "provider = \"sqlite\"",
                "c/prisma/migrations/1_x/migration.sql", "CREATE TABLE \"U\" (\"a\" INTEGER CHECK (\"a\" > 0));\n")));
    }
}
