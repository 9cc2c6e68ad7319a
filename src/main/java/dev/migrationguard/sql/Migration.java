package dev.migrationguard.sql;

import dev.migrationguard.workspace.Snapshot;
import java.util.Optional;

/**
 * One Prisma migration: a folder {@code <migrations>/<name>/} with its {@code migration.sql}.
 *
 * @param name    the folder name, e.g. {@code 20240101120000_add_user}
 * @param folder  the folder's path relative to the repository root
 * @param sqlPath the path of its migration.sql
 * @param dialect the dialect of the set it belongs to
 */
public record Migration(String name, String folder, String sqlPath, SqlDialect dialect) {

    /** The parsed migration.sql, parsed once per snapshot; empty when the file cannot be read as text. */
    public Optional<SqlScript> script(Snapshot snapshot) {
        return snapshot.model(SqlScripts.KEY).script(sqlPath, dialect);
    }
}
