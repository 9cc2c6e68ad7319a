package dev.migrationguard.fuzz;

import static dev.migrationguard.fuzz.FuzzAssertions.withinLinearTime;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.migrationguard.config.Config;
import dev.migrationguard.report.Baseline;
import dev.migrationguard.report.Format;
import dev.migrationguard.report.Linter;
import dev.migrationguard.report.Report;
import dev.migrationguard.report.SarifRenderer;
import dev.migrationguard.rules.RuleRegistry;
import dev.migrationguard.testing.InMemorySnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The whole lint of one file, rules, inline suppressions and every output format, on the input as a shell script
 * (the SQL fuzz target covers migrations): the time stays linear in the input however many findings and comment markers share a line
 * (issue 20: a 400 KB line took 17 to 53 s to look up suppressions; 5,000 findings on a 100 KB line printed 741 MB),
 * and the text output stays within a bound per finding, since excerpts are windows of their line, never the line.
 */
@Order(FuzzAssertions.LAST)
class ReportFuzzTest {
    /** Per finding: a header, a message and fix of a few hundred characters, two excerpt lines of a bounded window. */
    private static final int TEXT_PER_FINDING = 4_000;

    static {
        FuzzAssertions.warmUp(() -> new ReportFuzzTest().lintsAndRendersAnyScriptInEveryFormat(
                "npx prisma db push # migration-guard-ignore prisma-db-push: preview\n".getBytes(StandardCharsets.UTF_8)));
    }

    @FuzzTest(maxDuration = "10m")
    void lintsAndRendersAnyScriptInEveryFormat(byte[] input) {
        String text = FuzzAssertions.text(input);
        // The bound allows for the lint and for rendering each of the four formats.
        withinLinearTime("lint and render", 2 * text.length(), () -> {
            Report report = new Linter(RuleRegistry.all(), Config.defaults(), Baseline.none()).run(new InMemorySnapshot()
                    .putBytes("scripts/deploy.sh", input));
            StringBuilder out = new StringBuilder();
            try {
                Format.TEXT.renderer().render(report, out);
                long bound = 1_000L + (long) TEXT_PER_FINDING * report.results().size();
                if (out.length() > bound) {
                    throw new AssertionError("text output of " + out.length() + " characters for "
                            + report.results().size() + " findings; the bound is " + bound);
                }
                Format.JSON.renderer().render(report, new StringBuilder());
                Format.GITHUB.renderer().render(report, new StringBuilder());
                new SarifRenderer(true).render(report, new StringBuilder());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return report;
        });
    }

    @Test
    void aLineOfFindingsAndTwoHundredThousandCommentMarkers() {
        // Issue 20 item 5: the suppression lookup read the rest of the line at every marker, for every finding.
        lintsAndRendersAnyScriptInEveryFormat(("npx prisma db push; ".repeat(500) + "#" + "# ".repeat(195_000) + "\n"
                + "npx prisma db push; ".repeat(2_000) + "# migration-guard-ignore x # ".repeat(4_000) + "\n")
                .getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void fiveThousandFindingsOnOneHundredKilobyteLine() {
        // Issue 20 item 6: each finding reprinted the whole line.
        lintsAndRendersAnyScriptInEveryFormat(("npx prisma db push;".repeat(5_000) + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
