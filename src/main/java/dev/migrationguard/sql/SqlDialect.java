package dev.migrationguard.sql;

import java.util.Locale;
import java.util.Optional;

/** The SQL dialects Prisma Migrate writes, named after Prisma's datasource providers. */
public enum SqlDialect {
    POSTGRESQL,
    COCKROACHDB,
    MYSQL,
    SQLITE,
    SQLSERVER;

    /**
     * The dialect of a Prisma {@code provider} value ("postgresql", "postgres", "cockroachdb", "mysql", "sqlite",
     * "sqlserver"), or empty for anything else (MongoDB has no SQL migrations).
     */
    public static Optional<SqlDialect> fromProvider(String provider) {
        if (provider == null) {
            return Optional.empty();
        }
        return switch (provider.strip().toLowerCase(Locale.ROOT)) {
            case "postgresql", "postgres" -> Optional.of(POSTGRESQL);
            case "cockroachdb" -> Optional.of(COCKROACHDB);
            case "mysql" -> Optional.of(MYSQL);
            case "sqlite" -> Optional.of(SQLITE);
            case "sqlserver" -> Optional.of(SQLSERVER);
            default -> Optional.empty();
        };
    }

    /** PostgreSQL and CockroachDB share the PostgreSQL syntax and its locking behaviour. */
    public boolean isPostgresFamily() {
        return this == POSTGRESQL || this == COCKROACHDB;
    }

    /** Whether unquoted identifiers fold to lower case (PostgreSQL semantics). */
    boolean foldsUnquotedToLowerCase() {
        return isPostgresFamily();
    }

    /** The product name for messages. */
    public String displayName() {
        return switch (this) {
            case POSTGRESQL -> "PostgreSQL";
            case COCKROACHDB -> "CockroachDB";
            case MYSQL -> "MySQL";
            case SQLITE -> "SQLite";
            case SQLSERVER -> "SQL Server";
        };
    }

    /** The Prisma provider name. */
    public String provider() {
        return name().toLowerCase(Locale.ROOT);
    }
}
