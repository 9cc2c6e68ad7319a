package dev.migrationguard.rules.migrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.migrationguard.rules.Finding;
import dev.migrationguard.rules.RuleOptions;
import dev.migrationguard.testing.InMemorySnapshot;
import dev.migrationguard.testing.RuleTester;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MigrationNameVagueTest {
    private final MigrationNameVague rule = new MigrationNameVague();
    private static final Set<String> VAGUE = new HashSet<>(MigrationNameVague.DEFAULT_VAGUE);
    private static final Set<String> STANDALONE = new HashSet<>(MigrationNameVague.DEFAULT_STANDALONE);

    private static String vagueness(String name) {
        return MigrationNameVague.vagueness(MigrationName.parse(name), VAGUE, STANDALONE, 2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"20240101120000_update", "20240101120000_changes", "20240101120000_fix", "20240101120000_test",
            "20240101120000_migration", "20240101120000_new", "20240101120000_temp", "20240101120000_wip",
            "20240101120000_misc", "20240101120000_stuff", "20240101120000_init2", "20240101120000_final",
            "20240101120000_3", "20240101120000", "20240101120000_x7kq9zfw", "20240101120000_doc_208",
            "20240101120000_quest", "20240101120000_update_schema", "20240101120000_fix_fix", "05_deletedocuments"})
    void flagsNamesThatSayNothing(String name) {
        assertEquals(true, vagueness(name) != null, name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"20240101120000_init", "20240101120000_initial", "20240101120000_baseline",
            "20240101120000_initial_migration", "20240101120000_add_quest_progress_tracking", "01_init",
            "20240101120000_add_2fa", "20240101120000_doc_214_add_signed_at_field", "20240101120000_update_unique_constraint",
            "20240101120000_addQuestReward", "20240101120000_password_reset", "06_session_data"})
    void acceptsDescriptiveNames(String name) {
        assertNull(vagueness(name), name);
    }

    @Test
    void suggestsANameBuiltFromTheSql() {
        InMemorySnapshot s = InMemorySnapshot.of(
                "prisma/migrations/migration_lock.toml", "provider = \"postgresql\"\n",
                "prisma/migrations/20240101120000_init/migration.sql", "CREATE TABLE \"User\" (\"id\" TEXT NOT NULL);\n",
                "prisma/migrations/20240202120000_update/migration.sql", """
                        -- CreateTable
                        CREATE TABLE "Quest" ("id" TEXT NOT NULL, CONSTRAINT "Quest_pkey" PRIMARY KEY ("id"));
                        -- AlterTable
                        ALTER TABLE "User" ADD COLUMN "reward" INTEGER NOT NULL DEFAULT 0;
                        -- CreateIndex
                        CREATE INDEX "Quest_id_idx" ON "Quest"("id");
                        """);
        List<Finding> f = RuleTester.run(rule, s);
        assertEquals(List.of("prisma/migrations/20240202120000_update/migration.sql:1:1 migration-name-vague"),
                RuleTester.locations(f));
        assertEquals("migration name \"20240202120000_update\" says nothing about the change (update); creates table "
                + "Quest, adds column reward: try add_quest_and_reward", f.get(0).message());
    }

    @Test
    void vagueWordsAreConfigurable() {
        InMemorySnapshot s = InMemorySnapshot.of(
                "prisma/migrations/20240101120000_init/migration.sql", "SELECT 1;\n",
                "prisma/migrations/20240202120000_sprint_42/migration.sql", "SELECT 1;\n");
        assertEquals(1, RuleTester.run(rule, s).size());
        assertEquals(List.of(), RuleTester.run(rule, s, new RuleOptions(Map.of("min-words", 1))));
        assertEquals(1, RuleTester.run(rule, InMemorySnapshot.of(
                "prisma/migrations/20240202120000_add_sprint_columns/migration.sql", "SELECT 1;\n"),
                new RuleOptions(Map.of("vague-words", List.of("sprint", "columns")))).size());
    }
}
