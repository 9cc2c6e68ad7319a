package dev.migrationguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationguard.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The password in samples/node-bypass/.env.production appears in no output of any format, nor in a baseline. */
class SecretsNeverPrintedTest {
    private static final Path SAMPLE = Path.of(System.getProperty("user.dir")).resolve("samples/node-bypass");
    private static final String PASSWORD = "N7q-vB4x-Lp2";

    @Test
    void noFormatPrintsThePassword(@TempDir Path tmp) throws IOException {
        assertTrue(Files.readString(SAMPLE.resolve(".env.production")).contains(PASSWORD), "the sample holds the secret");
        for (String format : List.of("text", "json", "sarif", "github")) {
            CliRun run = CliRun.of(SAMPLE, "lint", ".", "--format", format);
            assertEquals(1, run.exitCode(), format + ": " + run.err());
            assertTrue(run.out().contains("database-url-credentials"), format);
            assertFalse(run.out().contains(PASSWORD), format + " printed the password:\n" + run.out());
            assertFalse(run.err().contains(PASSWORD), format);
        }
        Path baseline = tmp.resolve("baseline.json");
        CliRun written = CliRun.of(SAMPLE, "baseline", ".", "--output", baseline.toString());
        assertEquals(0, written.exitCode(), written.err());
        assertFalse(Files.readString(baseline).contains(PASSWORD));
    }
}
