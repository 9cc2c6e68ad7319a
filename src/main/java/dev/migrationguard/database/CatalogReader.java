package dev.migrationguard.database;

import dev.migrationguard.schema.SchemaModel;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Reads one kind of database's catalog and migrations table, with catalog queries only. */
sealed interface CatalogReader permits PostgresCatalog, MysqlCatalog, SqliteCatalog {

    /** Seconds any one query may take before the driver cancels it. */
    int QUERY_TIMEOUT_SECONDS = 30;

    /**
     * The tables, enums, keys and indexes of the database. {@code schema} (PostgreSQL: the schema Prisma uses,
     * {@code public} by default) is written as {@code ""}, as the replay writes the default schema; other schemas
     * keep their names. Prisma's own {@code _prisma_migrations} table is left out.
     */
    SchemaModel schema(Connection connection, String schema) throws SQLException;

    /** The rows of {@code _prisma_migrations} in the order Prisma started them, or empty when there is no such table. */
    Optional<List<MigrationRecord>> migrations(Connection connection, String schema) throws SQLException;

    /** The name of Prisma's tracking table. */
    String MIGRATIONS_TABLE = "_prisma_migrations";
}
