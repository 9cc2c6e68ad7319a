package dev.migrationguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationguard.testing.CliRun;
import dev.migrationguard.testing.TestRepository;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Migrations committed on the base revision are history: the content rules judge only the new ones. */
class AppliedHistoryTest {
    private static final String INIT = "prisma/migrations/20240101000000_init/migration.sql";
    private static final String INDEX = "prisma/migrations/20240201000000_index_accounts/migration.sql";
    private static final String DROP = "prisma/migrations/20240301000000_drop_accounts/migration.sql";

    @TempDir
    Path dir;

    private void repository(TestRepository repo) {
        repo.write("prisma/migrations/migration_lock.toml", "provider = \"postgresql\"\n")
                .write(INIT, "CREATE TABLE \"Account\" (\"id\" INTEGER NOT NULL);\n")
                .commitAll("init");
        repo.write(INDEX, "CREATE INDEX \"Account_id_idx\" ON \"Account\"(\"id\");\n").commitAll("index");
        repo.write(DROP, "DROP TABLE \"Account\";\n");
    }

    private static List<String> locations(CliRun run) {
        return run.out().lines().filter(l -> l.matches("^\\S+:\\d+:\\d+  .*")).map(l -> {
            String[] parts = l.split("  ");
            return parts[0] + " " + parts[parts.length - 1];
        }).toList();
    }

    @Test
    void plainLintJudgesTheNewMigrationOnlyAndSaysHowManyAppliedOnesItLeftAlone() {
        try (TestRepository repo = TestRepository.init(dir)) {
            repository(repo);
            CliRun run = CliRun.of(dir, "lint", "--disable", "migration-name-vague");
            assertEquals(List.of(DROP + ":1:1 destructive-drop"), locations(run), run.out());
            assertTrue(run.out().endsWith("; 2 applied migrations not re-judged; --all-migrations to audit them\n"),
                    run.out());
        }
    }

    @Test
    void allMigrationsAuditsAppliedOnesWithAFixForTheNextMigration() {
        try (TestRepository repo = TestRepository.init(dir)) {
            repository(repo);
            CliRun run = CliRun.of(dir, "lint", "--all-migrations", "--disable", "migration-name-vague");
            assertEquals(List.of(INDEX + ":1:1 create-index-blocking", DROP + ":1:1 destructive-drop"),
                    locations(run), run.out());
            String indexFix = run.out().lines().filter(l -> l.startsWith("  = fix: This migration is already applied"))
                    .findFirst().orElseThrow();
            assertTrue(indexFix.contains("leave it as it is"), indexFix);
            assertTrue(indexFix.contains("For the next migration that does the same: "), indexFix);
            assertFalse(run.out().contains("not re-judged"), run.out());
            // The new migration's fix is the rule's own.
            assertEquals(1, run.out().lines().filter(l -> l.startsWith("  = fix: This migration is already")).count());
        }
    }

    @Test
    void aStagedMigrationIsNewAndTheCommittedOnesAreApplied() {
        try (TestRepository repo = TestRepository.init(dir)) {
            repository(repo);
            repo.stage(DROP);
            CliRun run = CliRun.of(dir, "lint", "--staged", "--all-files", "--disable", "migration-name-vague");
            assertEquals(List.of(DROP + ":1:1 destructive-drop"), locations(run), run.out());
        }
    }

    @Test
    void outsideGitEveryMigrationIsJudged() throws Exception {
        try (TestRepository repo = TestRepository.init(dir.resolve("r"))) {
            repository(repo);
        }
        org.eclipse.jgit.util.FileUtils.delete(dir.resolve("r/.git").toFile(), org.eclipse.jgit.util.FileUtils.RECURSIVE);
        CliRun run = CliRun.of(dir.resolve("r"), "lint", "--disable", "migration-name-vague");
        assertEquals(List.of(INDEX + ":1:1 create-index-blocking", DROP + ":1:1 destructive-drop"), locations(run),
                run.out());
        assertFalse(run.out().contains("not re-judged"), run.out());
    }
}
