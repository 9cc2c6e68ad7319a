/**
 * The live database: reads a database's catalog into the same {@link dev.migrationguard.schema.SchemaModel} that
 * the replay of migrations builds, and its {@code _prisma_migrations} rows, over a read-only JDBC connection. Runs
 * only for {@code migration-guard db}; nothing here is loaded by {@code lint}.
 */
package dev.migrationguard.database;
