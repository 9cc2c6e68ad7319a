package dev.migrationguard.git;

import java.util.Optional;
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
}
