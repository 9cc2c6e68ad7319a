package dev.migrationguard.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The real migration corpora in {@code ../shared/corpus}, beside the clone. CI always has them, and there a missing
 * corpus fails the run; a developer's clone without them skips the corpus tests with a message instead.
 */
public final class Corpus {
    public static final Path ROOT = Path.of(System.getProperty("user.dir")).resolve("../shared/corpus").normalize();

    private Corpus() {
    }

    /** Call first in a test that reads the corpus. */
    public static void require() {
        if (Files.isDirectory(ROOT)) {
            return;
        }
        String message = "the corpus is not at " + ROOT + " (clone the project with shared/ beside it)";
        if (System.getenv("CI") != null) {
            Assertions.fail(message);
        }
        Assumptions.abort(message + "; corpus tests skipped");
    }
}
