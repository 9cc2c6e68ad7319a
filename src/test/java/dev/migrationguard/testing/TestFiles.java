package dev.migrationguard.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writing the files of a test's folder. */
public final class TestFiles {
    private TestFiles() {
    }

    /** Writes {@code content} to {@code path} under {@code root}, creating the folders on the way. */
    public static void write(Path root, String path, String content) throws IOException {
        Path p = root.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }
}
