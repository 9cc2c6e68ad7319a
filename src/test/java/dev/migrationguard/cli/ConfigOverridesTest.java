package dev.migrationguard.cli;

import dev.migrationguard.testing.TestFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrationguard.testing.CliRun;
import dev.migrationguard.testing.TextOutput;
import dev.migrationguard.testing.MarkerRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `overrides` turn a rule off or change its severity for the paths they name, and nowhere else. */
class ConfigOverridesTest {
    @TempDir
    Path dir;

    private void write(String path, String content) throws IOException {
        TestFiles.write(dir, path, content);
    }

    @Test
    void anOverrideSilencesOrDowngradesARuleForItsPathsOnly() throws IOException {
        write("scripts/seed/a.sh", "DANGER\n");
        write("scripts/seed/keep.sh", "DANGER\n");
        write("scripts/deploy.sh", "DANGER\n");
        write("docker/dev.yaml", "x: DANGER\n");
        write(".migration-guard.yml", """
                rules:
                  test-marker: error
                overrides:
                  - paths: ["scripts/seed/**"]
                    rules: {test-marker: off}
                  - paths: ["scripts/seed/keep.sh", "docker/*.{yml,yaml}"]
                    rules: {test-marker: note}
                """);
        CliRun run = CliRun.of(dir, List.of(new MarkerRule()), "lint", "--fail-on", "never");
        List<String> heads = TextOutput.findings(run.out()).stream()
                .map(l -> l.split("  ")[0] + " " + l.split("  ")[1]).toList();
        assertEquals(List.of("docker/dev.yaml:1:4 note", "scripts/deploy.sh:1:1 error", "scripts/seed/keep.sh:1:1 note"),
                heads, run.out() + run.err());
    }
}
