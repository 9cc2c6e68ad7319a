package dev.migrationguard.it;

import java.nio.file.Files;
import java.nio.file.Path;

/** The packaged jar the integration tests run (failsafe passes its path). */
final class Jar {
    private Jar() {
    }

    static Path path() {
        String configured = System.getProperty("migrationGuard.jar");
        Path jar = configured != null ? Path.of(configured) : Path.of("target", "migration-guard.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: integration tests run after `mvn package`");
        }
        return jar.toAbsolutePath();
    }
}
