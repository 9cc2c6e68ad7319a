package dev.migrationguard.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationguard.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The source line shown under a finding is a line of the very text the rules read in that run: never a line kept
 * from an earlier run in the same process (a shared renderer cache keyed by path once showed the first repository's
 * `scripts/deploy.sh` under the second one's findings).
 */
@Timeout(60)
class ExcerptSourceTest {
    @TempDir
    Path first;
    @TempDir
    Path second;

    private static List<String> excerpts(String textOutput) {
        return textOutput.lines().filter(l -> l.matches(" *\\d+ \\| .*")).toList();
    }

    @Test
    void aSecondRunShowsItsOwnLineForTheSamePathNotTheFirstRunsLine() throws IOException {
        Files.createDirectories(first.resolve("scripts"));
        Files.createDirectories(second.resolve("scripts"));
        Files.writeString(first.resolve("scripts/deploy.sh"), "npx prisma db push\n");
        Files.writeString(second.resolve("scripts/deploy.sh"), "echo second && npx prisma db push --accept-data-loss\n");

        CliRun before = CliRun.of(first, "lint");
        assertEquals(List.of("  1 | npx prisma db push"), excerpts(before.out()), before.out());
        CliRun after = CliRun.of(second, "lint");
        assertTrue(after.out().contains("scripts/deploy.sh\n  1:"), after.out());
        assertTrue(excerpts(after.out()).stream().allMatch(l -> l.equals("  1 | echo second && npx prisma db push --accept-data-loss")),
                after.out());
    }

    @Test
    void aFileEditedBetweenTwoRunsShowsItsNewLine() throws IOException {
        Path script = first.resolve("scripts/deploy.sh");
        Files.createDirectories(script.getParent());
        Files.writeString(script, "npx prisma db push\n");
        CliRun.of(first, "lint");
        String edited = "npx prisma db push;".repeat(5);
        Files.writeString(script, edited + "\n");

        CliRun run = CliRun.of(first, "lint");
        assertEquals(Collections.nCopies(5, "  1 | " + edited), excerpts(run.out()), run.out());
    }
}
