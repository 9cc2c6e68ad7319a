package dev.migrationguard.rules.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationguard.rules.RuleOptions;
import dev.migrationguard.testing.InMemorySnapshot;
import dev.migrationguard.testing.RuleTester;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MissingLockTimeoutTest {
    private final MissingLockTimeout rule = new MissingLockTimeout();

    private static InMemorySnapshot pg(String migration) {
        return InMemorySnapshot.of("prisma/migrations/2_x/migration.sql", migration);
    }

    @Test
    void flagsTheFirstExclusiveLockOfAMigrationOnceAndCountsTheRest() {
        var findings = RuleTester.assertMatchesMarkers(rule, pg("""
                -- CreateIndex
                CREATE INDEX "Order_userId_idx" ON "Order"("userId");
                -- AddForeignKey
                ALTER TABLE "Order" ADD CONSTRAINT "Order_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id");
                -- AlterTable
                ALTER TABLE "Order" ADD COLUMN     "shippedAt" TIMESTAMP(3); -- expect: missing-lock-timeout
                ALTER TABLE "User" ALTER COLUMN "phone" SET NOT NULL;
                DROP TABLE "AuditLog";
                """));
        assertTrue(findings.get(0).message().contains("(and 2 more statements on 2 tables after it)"),
                findings.get(0).message());
    }

    @Test
    void ignoresAMigrationThatSetsLockTimeoutFirstAndLocksOnNewTables() {
        assertEquals(List.of(), RuleTester.run(rule, pg("""
                SET lock_timeout = '5s';
                ALTER TABLE "Order" ADD COLUMN "shippedAt" TIMESTAMP(3);
                """)));
        assertEquals(List.of(), RuleTester.run(rule, pg("""
                SELECT set_config('lock_timeout', '5s', true);
                ALTER TABLE "Order" DROP COLUMN "note";
                """)));
        assertEquals(List.of(), RuleTester.run(rule, pg("""
                CREATE TABLE "Review" ("id" SERIAL NOT NULL);
                ALTER TABLE "Review" ADD COLUMN "body" TEXT;
                ALTER TABLE "Order" VALIDATE CONSTRAINT "Order_userId_fkey";
                """)));
    }

    @Test
    void aTimeoutSetAfterTheLockComesTooLate() {
        RuleTester.assertMatchesMarkers(rule, pg("""
                ALTER TABLE "Order" DROP COLUMN "note"; -- expect: missing-lock-timeout
                SET lock_timeout = '5s';
                ALTER TABLE "Order" DROP COLUMN "total";
                """));
    }

    @Test
    void setByConnectionTurnsItOffAndOtherDialectsAreSilent() {
        assertEquals(List.of(), RuleTester.run(rule, pg("ALTER TABLE \"Order\" DROP COLUMN \"note\";\n"),
                new RuleOptions(Map.of(MissingLockTimeout.SET_BY_CONNECTION, true))));
        assertEquals(List.of(), RuleTester.run(rule, InMemorySnapshot.of(
                "a/prisma/migrations/migration_lock.toml", "provider = \"mysql\"",
                "a/prisma/migrations/1_x/migration.sql", "ALTER TABLE `Order` DROP COLUMN `note`;\n",
                "b/prisma/migrations/migration_lock.toml", "provider = \"cockroachdb\"",
                "b/prisma/migrations/1_x/migration.sql", "ALTER TABLE \"Order\" DROP COLUMN \"note\";\n")));
    }
}
