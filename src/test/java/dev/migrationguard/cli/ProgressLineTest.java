package dev.migrationguard.cli;

import dev.migrationguard.testing.TestFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationguard.testing.CliRun;
import dev.migrationguard.testing.TestRepository;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 item 7: progress on standard error whenever standard error is a terminal, in every mode, never on
 * standard output, and wiped before the report so the terminal keeps only the report.
 */
@Timeout(60)
class ProgressLineTest {
    @TempDir
    Path dir;

    private final StringWriter drawn = new StringWriter();
    private final AtomicLong now = new AtomicLong();
    private static final long DELAY = 500_000_000L;

    private ProgressLine line() {
        return new ProgressLine(new PrintWriter(drawn), now::get, DELAY);
    }

    @Test
    void aRunThatEndsBeforeTheDelayDrawsNothing() {
        ProgressLine line = line();
        line.rules(0, 30);
        now.set(DELAY - 1);
        line.rules(30, 30);
        line.close();
        assertEquals("", drawn.toString());
    }

    @Test
    void afterTheDelayEachChangeRedrawsTheLineOverItselfAndCloseWipesIt() {
        ProgressLine line = line();
        now.set(DELAY);
        line.redraw();
        assertEquals("\rreading files", drawn.toString());
        line.rules(0, 30);
        line.rules(1, 30);
        line.rules(1, 30);
        line.commits(100, 4133);
        line.close();
        // Blanks cover what a longer line left; close leaves the cursor at the start of an empty line.
        assertEquals("\rreading files"
                + "\rlinting: 0/30 rules"
                + "\rlinting: 1/30 rules"
                + "\rcomparing commits: 100/4133, linting: 1/30 rules"
                + "\r" + " ".repeat(48) + "\r", drawn.toString());
        line.rules(2, 30);
        assertTrue(drawn.toString().endsWith(" \r"), "nothing is drawn after close: " + drawn);
    }

    @Test
    void aShorterLineBlanksWhatTheLongerOneLeft() {
        ProgressLine line = line();
        now.set(DELAY);
        line.rules(0, 30);
        line.commits(100, 200);
        String before = drawn.toString();
        line.commits(0, 0);
        assertEquals("\rlinting: 0/30 rules" + " ".repeat(28), drawn.toString().substring(before.length()));
    }

    private void write(String path, String content) throws IOException {
        TestFiles.write(dir, path, content);
    }

    @Test
    void plainLintShowsProgressOnStderrWhenItIsATerminalAndNeverOnStdout() throws IOException {
        write("scripts/deploy.sh", "npx prisma db push\n");
        CliRun quiet = CliRun.withStderrTerminal(dir, false, "lint");
        CliRun shown = CliRun.withStderrTerminal(dir, true, "lint");
        assertEquals("", quiet.err());
        assertEquals(1, shown.exitCode(), shown.err());
        assertEquals(quiet.out(), shown.out(), "standard output is the same report, with no progress in it");
        assertFalse(shown.out().contains("\r"), shown.out());
        assertProgressWiped(shown.err());
    }

    @Test
    void stagedAndHistoryRunsShowItToo() {
        TestRepository repo = TestRepository.init(dir.resolve("repo"));
        repo.write("scripts/deploy.sh", "echo hi\n").commitAll("first");
        repo.write("scripts/deploy.sh", "npx prisma db push\n").stage("scripts/deploy.sh");
        CliRun staged = CliRun.withStderrTerminal(repo.root(), true, "lint", "--staged");
        assertEquals(1, staged.exitCode(), staged.out() + staged.err());
        assertProgressWiped(staged.err());
        assertEquals("", CliRun.withStderrTerminal(repo.root(), false, "lint", "--staged").err());
        repo.commit("push");
        CliRun history = CliRun.withStderrTerminal(repo.root(), true, "lint", "--history");
        assertTrue(history.err().contains("comparing commits: 2/2"), history.err());
        assertProgressWiped(history.err());
    }

    @Test
    void baselineShowsItOnATerminalAndWipesItBeforeSayingWhatItWrote() {
        TestRepository repo = TestRepository.init(dir.resolve("repo"));
        repo.write("scripts/deploy.sh", "npx prisma db push\n").commitAll("first");
        CliRun quiet = CliRun.withStderrTerminal(repo.root(), false, "baseline", "-o", "quiet.json");
        CliRun shown = CliRun.withStderrTerminal(repo.root(), true, "baseline", "-o", "shown.json");
        assertEquals(0, shown.exitCode(), shown.out() + shown.err());
        assertEquals("", quiet.err());
        assertEquals(quiet.out().replace("quiet.json", "shown.json"), shown.out(),
                "standard output says only what was written");
        assertFalse(shown.out().contains("\r"), shown.out());
        assertProgressWiped(shown.err());
    }

    /** Standard error holds only progress lines drawn over each other, the last rule counted, and ends wiped. */
    private static void assertProgressWiped(String err) {
        assertTrue(err.startsWith("\r") && err.endsWith("\r"), err);
        assertFalse(err.contains("\n"), err);
        String last = err.substring(0, err.length() - 1);
        last = last.substring(last.lastIndexOf('\r') + 1);
        assertTrue(last.isBlank(), "wiped at the end: " + err);
        assertTrue(err.matches("(?s).*linting: (\\d+)/\\1 rules.*"), err);
    }
}
