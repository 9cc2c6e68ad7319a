package dev.migrationguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migrationguard.rules.Rule;
import dev.migrationguard.testing.CliRun;
import dev.migrationguard.testing.MarkerRule;
import dev.migrationguard.testing.SarifValidation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineCommandTest {
    private static final List<Rule> RULES = List.of(new MarkerRule());

    @TempDir
    Path dir;

    private CliRun run(String... args) {
        return CliRun.of(dir, RULES, args);
    }

    @Test
    void baselinedFindingsStaySuppressedAfterLinesAreInsertedAboveAndNewOnesFail() throws IOException {
        Files.writeString(dir.resolve("a.sh"), "echo DANGER\n");
        CliRun baseline = run("baseline");
        assertEquals(0, baseline.exitCode(), baseline.err());
        assertEquals("wrote 1 finding to " + dir.resolve(".migration-guard-baseline.json") + "\n", baseline.out());

        Files.writeString(dir.resolve("a.sh"), "#!/bin/sh\n# setup\n\necho DANGER\n");
        CliRun shifted = run("lint", "--baseline", ".migration-guard-baseline.json", "--fail-on", "warning", "--format", "sarif",
                "--sarif-suppressed", "include");
        assertEquals(0, shifted.exitCode(), shifted.out());
        assertEquals(List.of(), SarifValidation.errors(shifted.out()));
        JsonNode result = new ObjectMapper().readTree(shifted.out()).at("/runs/0/results/0");
        assertEquals(4, result.at("/locations/0/physicalLocation/region/startLine").asInt());
        assertEquals("external", result.at("/suppressions/0/kind").asText());

        Files.writeString(dir.resolve("b.sh"), "echo DANGER again\n");
        CliRun added = run("lint", "--baseline", ".migration-guard-baseline.json", "--fail-on", "warning");
        assertEquals(1, added.exitCode());
        assertTrue(added.out().startsWith("b.sh:1:6  warning"), added.out());
        assertTrue(added.out().endsWith("1 problem (0 errors, 1 warning, 0 notes), 1 baselined in working tree\n"), added.out());
    }

    @Test
    void refusesToOverwriteWithoutForce() throws IOException {
        Files.writeString(dir.resolve(".migration-guard-baseline.json"), "{\"findings\": []}");
        CliRun refused = run("baseline");
        assertEquals(2, refused.exitCode());
        assertTrue(refused.err().contains("exists; pass --force to overwrite it"), refused.err());
        assertEquals(0, run("baseline", "--force").exitCode());
    }

    @Test
    void malformedBaselineIsAUsageError() throws IOException {
        Files.writeString(dir.resolve("bl.json"), "[1, 2");
        CliRun run = run("lint", "--baseline", "bl.json");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("migration-guard: " + dir.resolve("bl.json") + ": not a baseline file"), run.err());
    }

    @Test
    void theRepositorysBaselineFileIsReadWithoutBeingNamedAndNoBaselineIgnoresIt() throws IOException {
        Files.writeString(dir.resolve("a.sh"), "echo DANGER\n");
        assertEquals(0, run("baseline").exitCode());
        Files.writeString(dir.resolve("b.sh"), "echo DANGER again\n");

        CliRun read = run("lint", "--fail-on", "warning");
        assertEquals(1, read.exitCode());
        assertTrue(read.out().startsWith("b.sh:1:6  warning"), read.out());
        assertFalse(read.out().contains("a.sh:"), read.out());
        assertTrue(read.out().endsWith("1 problem (0 errors, 1 warning, 0 notes), 1 baselined in working tree\n"), read.out());

        CliRun ignored = run("lint", "--fail-on", "warning", "--no-baseline");
        assertTrue(ignored.out().contains("a.sh:1:6  warning"), ignored.out());
        assertTrue(ignored.out().endsWith("2 problems (0 errors, 2 warnings, 0 notes) in working tree\n"), ignored.out());

        CliRun both = run("lint", "--no-baseline", "--baseline", ".migration-guard-baseline.json");
        assertEquals(2, both.exitCode());
        assertTrue(both.err().contains("--baseline and --no-baseline"), both.err());
    }

    @Test
    void aBaselineNamedOnTheCommandLineReplacesTheRepositorysOwn() throws IOException {
        Files.writeString(dir.resolve("a.sh"), "echo DANGER\n");
        assertEquals(0, run("baseline").exitCode());
        Files.writeString(dir.resolve("empty.json"), "{\"findings\": []}");
        CliRun run = run("lint", "--fail-on", "warning", "--baseline", "empty.json", "--format", "json");
        assertEquals(1, run.exitCode());
        JsonNode summary = new ObjectMapper().readTree(run.out()).get("summary");
        assertEquals(1, summary.get("warnings").asInt());
        assertEquals(0, summary.get("baselined").asInt());
    }

    @Test
    void aMalformedRepositoryBaselineIsAUsageErrorNotASilentPass() throws IOException {
        Files.writeString(dir.resolve(".migration-guard-baseline.json"), "{\"nope\": 1}");
        CliRun run = run("lint");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains(".migration-guard-baseline.json: not a baseline file"), run.err());
    }
}
