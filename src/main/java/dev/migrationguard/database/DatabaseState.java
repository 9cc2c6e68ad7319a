package dev.migrationguard.database;

import dev.migrationguard.schema.SchemaModel;
import dev.migrationguard.workspace.ModelKey;
import java.util.List;
import java.util.Optional;

/**
 * What {@code migration-guard db} read from a live database, for the rules to compare with the migrations folder.
 *
 * @param url              the database, for messages (its password never shown)
 * @param schema           the schema Prisma uses there (PostgreSQL), or the database's name
 * @param migrationsFolder the migrations folder it is checked against, relative to the repository root
 * @param catalog          its tables, enums, keys and indexes, the default schema written as {@code ""}
 * @param history          the rows of {@code _prisma_migrations}, or empty when the database has no such table
 */
public record DatabaseState(DatabaseUrl url, String schema, String migrationsFolder, SchemaModel catalog,
                            Optional<List<MigrationRecord>> history) {

    /**
     * The database under check. A snapshot of files alone has none (so {@code lint} never reports a database
     * finding); {@link SnapshotWithDatabase} gives the one {@code db} connected to.
     */
    public static final ModelKey<Optional<DatabaseState>> KEY = ModelKey.of("live-database", snapshot -> Optional.empty());

    /** The rows for one migration, in the order Prisma started them. */
    public List<MigrationRecord> records(String migrationName) {
        return history.orElse(List.of()).stream().filter(r -> r.migrationName().equals(migrationName)).toList();
    }

    /** Whether the database has this migration applied (a finished row not rolled back). */
    public boolean applied(String migrationName) {
        return records(migrationName).stream().anyMatch(MigrationRecord::applied);
    }
}
