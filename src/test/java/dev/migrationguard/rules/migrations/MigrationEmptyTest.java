package dev.migrationguard.rules.migrations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrationguard.rules.Finding;
import dev.migrationguard.testing.InMemorySnapshot;
import dev.migrationguard.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationEmptyTest {
    private final MigrationEmpty rule = new MigrationEmpty();

    @Test
    void flagsEmptyAndCommentOnlyMigrations() {
        InMemorySnapshot s = InMemorySnapshot.of(
                "prisma/migrations/20240101120000_init/migration.sql", "CREATE TABLE \"A\" (\"id\" INT);\n",
                "prisma/migrations/20240201120000_add_reward/migration.sql", "",
                "prisma/migrations/20240301120000_add_level/migration.sql", "-- This migration adds the level column.\n/* TODO */\n");
        List<Finding> f = RuleTester.run(rule, s);
        assertEquals(List.of(
                "prisma/migrations/20240201120000_add_reward/migration.sql:1:1 migration-empty",
                "prisma/migrations/20240301120000_add_level/migration.sql:1:1 migration-empty"), RuleTester.locations(f));
        assertEquals("migration 20240301120000_add_level contains only comments: Prisma records it as applied without "
                + "changing anything", f.get(1).message());
    }

    @Test
    void acceptsMigrationsWithAnyStatementEvenOnesTheGrammarKeepsWhole() {
        InMemorySnapshot s = InMemorySnapshot.of(
                "prisma/migrations/20240101120000_backfill_rewards/migration.sql",
                "-- Backfill\nUPDATE \"Quest\" SET \"reward\" = 0 WHERE \"reward\" IS NULL;\n");
        assertEquals(List.of(), RuleTester.run(rule, s));
    }
}
