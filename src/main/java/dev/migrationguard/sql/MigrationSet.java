package dev.migrationguard.sql;

import java.util.List;

/**
 * One Prisma migrations folder (a repository may hold several, e.g. one per app of a monorepo).
 *
 * @param folder        the folder path relative to the repository root, e.g. {@code packages/db/prisma/migrations}
 * @param lockFile      its migration_lock.toml, or {@code null} when there is none
 * @param dialect       the SQL dialect its migrations are written in
 * @param dialectSource how the dialect was decided
 * @param migrations    its migrations in the order Prisma applies them (folder name order)
 */
public record MigrationSet(String folder, LockFile lockFile, SqlDialect dialect, DialectSource dialectSource,
                           List<Migration> migrations) {

    public MigrationSet {
        migrations = List.copyOf(migrations);
    }

    /** The folder that holds the migrations folder (usually {@code prisma/}), or "" at the repository root. */
    public String parentFolder() {
        int slash = folder.lastIndexOf('/');
        return slash < 0 ? "" : folder.substring(0, slash);
    }
}
