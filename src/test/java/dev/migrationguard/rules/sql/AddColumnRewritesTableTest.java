package dev.migrationguard.rules.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationguard.testing.InMemorySnapshot;
import dev.migrationguard.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

class AddColumnRewritesTableTest {
    private final AddColumnRewritesTable rule = new AddColumnRewritesTable();

    @Test
    void flagsColumnsThatNeedAValuePerExistingRow() {
        var findings = RuleTester.assertMatchesMarkers(rule, InMemorySnapshot.of(
                "prisma/migrations/2_x/migration.sql", """
                        -- AlterTable
                        ALTER TABLE "Order" ADD COLUMN     "publicId" UUID NOT NULL DEFAULT gen_random_uuid(), -- expect: add-column-rewrites-table
                        ADD COLUMN     "position" SERIAL NOT NULL, -- expect: add-column-rewrites-table
                        ADD COLUMN     "seenAt" TIMESTAMP(3) NOT NULL DEFAULT clock_timestamp(); -- expect: add-column-rewrites-table
                        ALTER TABLE "Order" ADD COLUMN "n" INTEGER GENERATED ALWAYS AS IDENTITY; -- expect: add-column-rewrites-table
                        ALTER TABLE "Order" ADD COLUMN "total" INTEGER GENERATED ALWAYS AS ("a" + "b") STORED; -- expect: add-column-rewrites-table
                        """));
        assertTrue(findings.get(0).message().contains("volatile default gen_random_uuid()"), findings.get(0).message());
        assertTrue(findings.get(0).fix().contains("SET DEFAULT gen_random_uuid()"), findings.get(0).fix());
        assertEquals(21, findings.get(0).range().startColumn());
    }

    @Test
    void ignoresStableDefaultsNewTablesAndOtherDialects() {
        assertEquals(List.of(), RuleTester.run(rule, InMemorySnapshot.of(
                "a/prisma/migrations/1_x/migration.sql", """
                        ALTER TABLE "Order" ADD COLUMN     "views" INTEGER NOT NULL DEFAULT 0,
                        ADD COLUMN     "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
                        ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT now(),
                        ADD COLUMN     "uuid" TEXT;
                        CREATE TABLE "T" ("id" INTEGER);
                        ALTER TABLE "T" ADD COLUMN "publicId" UUID NOT NULL DEFAULT gen_random_uuid();
                        """,
                "b/prisma/migrations/migration_lock.toml", "provider = \"cockroachdb\"",
                "b/prisma/migrations/1_x/migration.sql",
                "ALTER TABLE \"Order\" ADD COLUMN \"publicId\" UUID NOT NULL DEFAULT gen_random_uuid();\n",
                "c/prisma/migrations/migration_lock.toml", "provider = \"mysql\"",
                "c/prisma/migrations/1_x/migration.sql",
                "ALTER TABLE `Order` ADD COLUMN `n` INTEGER NOT NULL AUTO_INCREMENT;\n")));
    }
}
