package dev.migrationguard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar keeps parsed migrations in the user's cache folder by default, reports the same on the run that
 * reads them as on the one that parsed them, and writes nothing with {@code MIGRATION_GUARD_CACHE=off}.
 */
class ParseCacheIT {
    private static final Path SAMPLE = Path.of(System.getProperty("user.dir"), "samples", "prisma-unsafe");

    @TempDir
    Path temp;

    private record Run(int code, String out) {
    }

    private Run lint(Path home, Map<String, String> extra) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Jar.path().toString(), "lint", SAMPLE.toString(), "--format", "json", "--all-migrations");
        pb.environment().remove("XDG_CACHE_HOME");
        pb.environment().remove("MIGRATION_GUARD_CACHE_DIR");
        pb.environment().remove("MIGRATION_GUARD_CACHE");
        pb.environment().put("HOME", home.toString());
        pb.environment().putAll(extra);
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(p.waitFor(), out);
    }

    private static List<Path> files(Path root) throws IOException {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(root)) {
            return new ArrayList<>(all.filter(Files::isRegularFile).sorted().toList());
        }
    }

    @Test
    void theSecondRunReadsWhatTheFirstKeptAndReportsTheSame() throws Exception {
        Path home = Files.createDirectories(temp.resolve("home"));
        Run first = lint(home, Map.of());
        Path cache = home.resolve(".cache/migration-guard");
        List<Path> kept = files(cache);
        long parsed;
        try (Stream<Path> files = Files.walk(SAMPLE)) {
            parsed = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql") || n.endsWith(".prisma"))
                    .count();
        }
        // One entry per distinct text parsed (two files of one text share it): the migrations and the schema.
        assertTrue(!kept.isEmpty() && kept.size() <= parsed, kept + " for " + parsed + " SQL and Prisma files");
        assertTrue(kept.stream().anyMatch(p -> p.getFileName().toString().startsWith("prisma")), kept.toString());
        assertTrue(kept.stream().anyMatch(p -> p.getFileName().toString().startsWith("sql")), kept.toString());
        assertTrue(kept.get(0).getParent().getParent().getFileName().toString().startsWith("build-"), kept.toString());
        List<Long> times = new ArrayList<>();
        for (Path p : kept) {
            times.add(Files.getLastModifiedTime(p).toMillis());
        }

        Run second = lint(home, Map.of());
        assertEquals(first.code(), second.code());
        assertEquals(first.out().replaceAll("\"durationMs\" : \\d+", ""),
                second.out().replaceAll("\"durationMs\" : \\d+", ""));
        assertTrue(first.out().contains("\"ruleId\""), first.out());
        assertEquals(kept, files(cache));
        List<Long> after = new ArrayList<>();
        for (Path p : kept) {
            after.add(Files.getLastModifiedTime(p).toMillis());
        }
        assertEquals(times, after, "read, not written again");
    }

    @Test
    void offKeepsNothing() throws Exception {
        Path home = Files.createDirectories(temp.resolve("home-off"));
        Run run = lint(home, Map.of("MIGRATION_GUARD_CACHE", "off"));
        assertTrue(run.out().contains("\"ruleId\""), run.out());
        assertFalse(Files.exists(home.resolve(".cache")));
    }
}
