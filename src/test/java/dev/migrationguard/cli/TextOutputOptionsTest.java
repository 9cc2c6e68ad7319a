package dev.migrationguard.cli;

import dev.migrationguard.testing.TestFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationguard.rules.Findings;
import dev.migrationguard.rules.Rule;
import dev.migrationguard.rules.RuleContext;
import dev.migrationguard.rules.Severity;
import dev.migrationguard.testing.CliRun;
import dev.migrationguard.testing.MarkerRule;
import dev.migrationguard.testing.TestRepository;
import dev.migrationguard.testing.TextOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Text output people like to read: colour when wanted, grouped by file, quiet, a warning budget, named files. */
class TextOutputOptionsTest {
    /** DANGER is a warning (the marker rule), FATAL an error. */
    private static final Rule FATAL = new Rule() {
        @Override
        public String id() {
            return "test-marker";
        }

        @Override
        public void check(RuleContext context, Findings findings) {
            new MarkerRule().check(context, findings);
            for (String path : context.snapshot().paths()) {
                String text = context.snapshot().read(path).map(f -> f.text()).orElse("");
                int at = text.indexOf("FATAL");
                if (at >= 0) {
                    findings.at(context.snapshot().read(path).orElseThrow(), at, at + 5).message("fatal")
                            .severity(Severity.ERROR).report();
                }
            }
        }
    };

    @TempDir
    Path dir;

    private void write(String path, String content) throws IOException {
        TestFiles.write(dir, path, content);
    }

    private CliRun lint(String... args) {
        String[] full = new String[args.length + 1];
        full[0] = "lint";
        System.arraycopy(args, 0, full, 1, args.length);
        return CliRun.of(dir, List.of(FATAL), full);
    }

    @Test
    void findingsAreGroupedUnderTheirFileWithTheRuleIdBeforeTheMessage() throws IOException {
        write("a.sh", "DANGER\nFATAL\n");
        write("b.sh", "DANGER\n");
        CliRun run = lint("--color", "never");
        List<String> lines = run.out().lines().toList();
        assertEquals("a.sh", lines.get(0));
        assertEquals("  1:1  warning  test-marker  the word DANGER appears", lines.get(1));
        assertEquals(1, lines.stream().filter(l -> l.equals("a.sh")).count(), run.out());
        assertEquals(List.of("a.sh:1:1 test-marker", "a.sh:2:1 test-marker", "b.sh:1:1 test-marker"),
                TextOutput.locations(run.out()));
        assertFalse(run.out().contains("\u001b["), run.out());
    }

    @Test
    void colourIsAskedForOrDecidedByTheEnvironment() throws IOException {
        write("a.sh", "DANGER\n");
        CliRun run = lint("--color", "always");
        assertTrue(run.out().contains("\u001b[33mwarning\u001b[0m"), run.out());
        assertTrue(run.out().contains("\u001b[4ma.sh\u001b[0m"), run.out());
        assertTrue(LintCommand.colored("auto", Map.of(), true));
        assertFalse(LintCommand.colored("auto", Map.of(), false));
        assertFalse(LintCommand.colored("auto", Map.of("NO_COLOR", "1"), true));
        assertTrue(LintCommand.colored("auto", Map.of("FORCE_COLOR", "1"), false));
        assertFalse(LintCommand.colored("auto", Map.of("FORCE_COLOR", "0"), true));
        assertFalse(LintCommand.colored("auto", Map.of("TERM", "dumb"), true));
        assertTrue(LintCommand.colored("always", Map.of("NO_COLOR", "1"), false));
        assertFalse(LintCommand.colored("never", Map.of("FORCE_COLOR", "1"), true));
        assertThrows(UsageException.class, () -> LintCommand.colored("sometimes", Map.of(), true));
        assertEquals(2, lint("--color", "sometimes").exitCode());
    }

    @Test
    void quietReportsErrorsOnly() throws IOException {
        write("a.sh", "DANGER\nFATAL\n");
        CliRun run = lint("--quiet");
        assertEquals(List.of("a.sh:2:1 test-marker"), TextOutput.locations(run.out()));
        assertTrue(run.out().endsWith("1 problem (1 error, 0 warnings, 0 notes) in working tree\n"), run.out());
        assertEquals(1, run.exitCode());
    }

    @Test
    void maxWarningsFailsARunWithMoreWarningsThanAllowed() throws IOException {
        write("a.sh", "DANGER\n");
        write("b.sh", "DANGER\n");
        assertEquals(0, lint("--max-warnings", "2").exitCode());
        CliRun over = lint("--max-warnings", "1");
        assertEquals(1, over.exitCode());
        assertTrue(over.err().contains("2 warnings, more than --max-warnings 1"), over.err());
        assertEquals(2, lint("--max-warnings", "-1").exitCode());
    }

    @Test
    void namedFilesAloneAreReportedWhileTheRepositoryIsStillRead() throws IOException {
        try (TestRepository repo = TestRepository.init(dir)) {
            write("a.sh", "DANGER\n");
            write("sub/b.sh", "DANGER\n");
            write("c.sh", "DANGER\n");
            repo.commitAll("scripts");
            CliRun run = lint("a.sh", "sub/b.sh");
            assertEquals(List.of("a.sh:1:1 test-marker", "sub/b.sh:1:1 test-marker"), TextOutput.locations(run.out()));
            // Paths as lint-staged passes them: absolute.
            CliRun absolute = lint(dir.resolve("c.sh").toString());
            assertEquals(List.of("c.sh:1:1 test-marker"), TextOutput.locations(absolute.out()));
            CliRun missing = lint("a.sh", "nope.sh");
            assertEquals(2, missing.exitCode());
            assertTrue(missing.err().contains("no such file: nope.sh"), missing.err());
        }
    }

    @Test
    void theSummarySaysWhatWasJudged() throws IOException {
        try (TestRepository repo = TestRepository.init(dir)) {
            write("prisma/migrations/20240101000000_init/migration.sql", "CREATE TABLE \"A\" (\"id\" INT);\n");
            repo.commitAll("init");
            write("prisma/migrations/20240201000000_add_b/migration.sql", "CREATE TABLE \"B\" (\"id\" INT);\n");
            repo.commitAll("b");
            CliRun run = CliRun.of(dir, "lint", "--history", "--color", "never");
            assertTrue(run.out().matches("(?s)no problems \\(0 errors, 0 warnings, 0 notes\\) in commit [0-9a-f]{7} \\(2 commits,"
                    + " 2 migrations\\); 2 applied migrations not re-judged; --all-migrations to audit them\n"), run.out());
        }
    }
}
