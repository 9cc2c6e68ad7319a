package dev.migrationguard.sql;

/** Where a migrations folder's dialect came from, most trusted first. */
public enum DialectSource {
    /** {@code provider} in migration_lock.toml. */
    LOCK_FILE,
    /** {@code provider} of the datasource in the schema.prisma beside the folder. */
    DATASOURCE,
    /** Guessed from the SQL itself (backticks, brackets, PRAGMA). */
    DETECTED,
    /** Nothing said: PostgreSQL, the most common provider. */
    DEFAULT
}
