package dev.migrationguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationguard.testing.CliRun;
import dev.migrationguard.testing.MarkerRule;
import dev.migrationguard.testing.ThrowingRule;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesCommandTest {
    @TempDir
    Path dir;

    @Test
    void listsEveryRuleWithCategorySeverityAndSummary() {
        CliRun run = CliRun.of(dir, List.of(new MarkerRule(), new ThrowingRule()), "rules");
        assertEquals(0, run.exitCode());
        assertEquals("""
                ID             CATEGORY  SEVERITY  SUMMARY
                test-marker    testing   warning   Flags the word DANGER (a rule that exists only in tests of the engine).
                test-throwing  testing   error     Always fails (a rule that exists only in tests of the engine).

                Reported by the linter itself: config-error (a .migration-guard.yml it cannot use; `rules explain config-error`).
                """, run.out());
    }

    @Test
    void explainPrintsThePageAndOptions() {
        CliRun run = CliRun.of(dir, List.of(new MarkerRule()), "rules", "explain", "test-marker");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().startsWith("test-marker (testing, default severity warning)\n"), run.out());
        assertTrue(run.out().contains("## Why\n"), run.out());
        assertTrue(run.out().contains("  limit (integer): report at most this many"), run.out());
    }

    @Test
    void explainsTheLintersOwnConfigError() {
        CliRun run = CliRun.of(dir, List.of(new MarkerRule()), "rules", "explain", "config-error");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().startsWith("config-error (config, default severity error)\n"), run.out());
    }

    @Test
    void explainOfUnknownRuleExitsTwo() {
        CliRun run = CliRun.of(dir, List.of(new MarkerRule()), "rules", "explain", "nope");
        assertEquals(2, run.exitCode());
        assertEquals("migration-guard: unknown rule 'nope' (run `migration-guard rules` to list them)\n", run.err());
    }
}
