package dev.migrationguard.git;

import dev.migrationguard.workspace.ModelKey;
import dev.migrationguard.workspace.Snapshot;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Prisma migration file found by its path alone: {@code <dir>/migrations/<name>/migration.sql} at any depth.
 * Prisma applies the folders of one migrations directory in name order.
 *
 * @param migrationsDir the migrations directory, e.g. {@code prisma/migrations}
 * @param name          the migration folder's name, e.g. {@code 20240101120000_init}
 */
public record MigrationPath(String migrationsDir, String name) {
    private static final Pattern MIGRATION_SQL = Pattern.compile("^((?:.*/)?migrations)/([^/]+)/migration\\.sql$");

    /** Per migrations directory, the names of its migration folders (those holding a migration.sql), sorted. */
    public static final ModelKey<Map<String, NavigableSet<String>>> FOLDERS = ModelKey.of("migration folders by path",
            MigrationPath::folders);

    public static Optional<MigrationPath> parse(String path) {
        if (path == null || !path.endsWith("/migration.sql")) {
            return Optional.empty();
        }
        Matcher m = MIGRATION_SQL.matcher(path);
        return m.matches() ? Optional.of(new MigrationPath(m.group(1), m.group(2))) : Optional.empty();
    }

    /** The migration folder, e.g. {@code prisma/migrations/20240101120000_init}. */
    public String folder() {
        return migrationsDir + "/" + name;
    }

    /** The path of its migration.sql. */
    public String sqlPath() {
        return folder() + "/migration.sql";
    }

    private static Map<String, NavigableSet<String>> folders(Snapshot snapshot) {
        Map<String, NavigableSet<String>> out = new HashMap<>();
        for (String path : snapshot.paths()) {
            parse(path).ifPresent(m -> out.computeIfAbsent(m.migrationsDir(), d -> new TreeSet<>()).add(m.name()));
        }
        out.replaceAll((dir, names) -> Collections.unmodifiableNavigableSet(names));
        return Collections.unmodifiableMap(out);
    }
}
