package dev.migrationguard.fuzz;

import static dev.migrationguard.fuzz.FuzzAssertions.withinLinearTime;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.migrationguard.config.Config;
import dev.migrationguard.config.ConfigException;
import dev.migrationguard.config.ConfigLoader;
import dev.migrationguard.rules.RuleRegistry;
import dev.migrationguard.workspace.SourceFile;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Order;

/** Config loading with the real rules: any text gives a Config or a ConfigException with a line in the file. */
@Order(FuzzAssertions.LAST)
class ConfigFuzzTest {
    private static final String NAME = ".migration-guard.yml";
    private static final ConfigLoader LOADER = new ConfigLoader(RuleRegistry.all());

    static {
        FuzzAssertions.warmUp(() -> new ConfigFuzzTest().loadsAnyConfigOrSaysWhereItIsWrong("""
                rules:
                  prisma-db-push: off
                ignore: ["legacy/**"]
                max-file-size: 2MB
                """.getBytes(StandardCharsets.UTF_8)));
    }

    @FuzzTest(maxDuration = "10m")
    void loadsAnyConfigOrSaysWhereItIsWrong(byte[] input) {
        String text = FuzzAssertions.text(input);
        try {
            Config config = withinLinearTime("ConfigLoader.parse", text.length(), () -> LOADER.parse(NAME, text));
            if (config == null) {
                throw new AssertionError("ConfigLoader.parse returned null");
            }
        } catch (ConfigException e) {
            // The one allowed outcome besides a Config; its line (0 = the whole file) must be in the file.
            int lines = new SourceFile(NAME, text).lineCount();
            if (e.line() < 0 || e.line() > lines) {
                throw new AssertionError("ConfigException at line " + e.line() + " of a " + lines + "-line file: "
                        + e.describe(), e);
            }
            if (e.describe() == null || e.describe().isBlank()) {
                throw new AssertionError("ConfigException without a message", e);
            }
        }
    }
}
