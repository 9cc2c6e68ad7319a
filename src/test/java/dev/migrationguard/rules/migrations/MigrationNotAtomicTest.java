package dev.migrationguard.rules.migrations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrationguard.rules.Finding;
import dev.migrationguard.rules.RuleOptions;
import dev.migrationguard.testing.InMemorySnapshot;
import dev.migrationguard.testing.RuleTester;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MigrationNotAtomicTest {
    private final MigrationNotAtomic rule = new MigrationNotAtomic();
    private static final String INIT = "CREATE TABLE \"User\" (\"id\" TEXT NOT NULL);\n";

    @Test
    void flagsAMigrationThatChangesManyUnrelatedTables() {
        InMemorySnapshot s = InMemorySnapshot.of(
                "prisma/migrations/20240101120000_init/migration.sql", INIT,
                "prisma/migrations/20240201120000_add_quest_and_cleanup/migration.sql", """
                        CREATE TABLE "Quest" ("id" TEXT NOT NULL);
                        ALTER TABLE "User" RENAME COLUMN "nick" TO "displayName";
                        DROP TABLE "AuditLegacy";
                        ALTER TABLE "Invoice" ADD COLUMN "dueAt" TIMESTAMP(3);
                        """);
        List<Finding> f = RuleTester.run(rule, s);
        assertEquals(List.of("prisma/migrations/20240201120000_add_quest_and_cleanup/migration.sql:1:1 migration-not-atomic"),
                RuleTester.locations(f));
        assertEquals(true, f.get(0).message().contains("changes 4 unrelated tables or groups (AuditLegacy, Invoice, Quest, User)"),
                f.get(0).message());
        assertEquals(List.of(), RuleTester.run(rule, s, new RuleOptions(Map.of("max-unrelated-tables", 4))));
    }

    @Test
    void tablesLinkedByForeignKeysSharedColumnsOrOnlyIndexesAreOneChange() {
        InMemorySnapshot s = InMemorySnapshot.of(
                "prisma/migrations/20240101120000_init/migration.sql", INIT,
                "prisma/migrations/20240201120000_add_quests/migration.sql", """
                        CREATE TABLE "Quest" ("id" TEXT NOT NULL, "userId" TEXT NOT NULL);
                        CREATE TABLE "QuestStep" ("id" TEXT NOT NULL, "questId" TEXT NOT NULL);
                        CREATE TABLE "Badge" ("id" TEXT NOT NULL, "userId" TEXT NOT NULL);
                        CREATE TABLE "Reward" ("id" TEXT NOT NULL, "questId" TEXT REFERENCES "Quest"("id"));
                        ALTER TABLE "QuestStep" ADD CONSTRAINT "QuestStep_questId_fkey" FOREIGN KEY ("questId") REFERENCES "Quest"("id");
                        ALTER TABLE "Quest" ADD CONSTRAINT "Quest_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id");
                        ALTER TABLE "Badge" ADD CONSTRAINT "Badge_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id");
                        """,
                "prisma/migrations/20240301120000_add_reminder_settings/migration.sql", """
                        ALTER TABLE "A" ADD COLUMN "reminders" JSONB;
                        ALTER TABLE "B" ADD COLUMN "reminders" JSONB;
                        ALTER TABLE "C" ADD COLUMN "reminders" JSONB;
                        ALTER TABLE "D" ADD COLUMN "reminders" JSONB;
                        """,
                "prisma/migrations/20240401120000_add_indexes/migration.sql", """
                        CREATE INDEX "A_x_idx" ON "A"("x");
                        CREATE INDEX "B_x_idx" ON "B"("x");
                        CREATE INDEX "C_x_idx" ON "C"("x");
                        CREATE INDEX "D_x_idx" ON "D"("x");
                        """);
        assertEquals(List.of(), RuleTester.run(rule, s));
    }

    @Test
    void theFirstMigrationAndBaselinesAreExempt() {
        String many = "CREATE TABLE \"A\" (\"id\" INT);\nCREATE TABLE \"B\" (\"id\" INT);\nCREATE TABLE \"C\" (\"id\" INT);\n"
                + "CREATE TABLE \"D\" (\"id\" INT);\n";
        InMemorySnapshot s = InMemorySnapshot.of(
                "prisma/migrations/20240101120000_first/migration.sql", many,
                "prisma/migrations/20240201120000_baseline/migration.sql", many);
        assertEquals(List.of(), RuleTester.run(rule, s));
    }
}
