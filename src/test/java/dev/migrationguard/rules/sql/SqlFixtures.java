package dev.migrationguard.rules.sql;

import dev.migrationguard.testing.InMemorySnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Small Prisma projects under {@code src/test/resources/sql-fixtures/<dialect>/}, one per dialect Prisma writes,
 * with the SQL Prisma generates for common changes and {@code -- expect: rule-id} markers on the lines each SQL
 * rule must flag. Every other line must stay silent.
 */
final class SqlFixtures {
    static final List<String> DIALECTS = List.of("postgresql", "mysql", "sqlite", "sqlserver", "cockroachdb");

    private SqlFixtures() {
    }

    static InMemorySnapshot load(String dialect) {
        URL url = SqlFixtures.class.getResource("/sql-fixtures/" + dialect);
        if (url == null) {
            throw new IllegalArgumentException("no fixture " + dialect);
        }
        try {
            Path root = Path.of(url.toURI());
            InMemorySnapshot snapshot = new InMemorySnapshot();
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    snapshot.put(root.relativize(file).toString().replace('\\', '/'),
                            Files.readString(file, StandardCharsets.UTF_8));
                }
            }
            return snapshot;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
