package dev.migrationguard.sql;

import java.util.List;

/**
 * One column as CREATE TABLE, ADD COLUMN, MODIFY or ALTER COLUMN (SQL Server) define it.
 *
 * @param name          the column name
 * @param type          the data type, or {@code null} when omitted (SQLite allows that)
 * @param nullability   what the definition says about NULL
 * @param defaultValue  the DEFAULT expression, or {@code null}
 * @param primaryKey    an inline PRIMARY KEY
 * @param unique        an inline UNIQUE
 * @param references    an inline REFERENCES clause, or {@code null}
 * @param checks        inline CHECK expressions
 * @param autoIncrement AUTO_INCREMENT, AUTOINCREMENT, IDENTITY or GENERATED ... AS IDENTITY
 * @param generated     the expression of a generated (computed) column, or {@code null}
 * @param collation     the COLLATE name, or {@code null}
 * @param span          the whole definition
 */
public record ColumnDefinition(
        Identifier name,
        SqlType type,
        Nullability nullability,
        SqlText defaultValue,
        boolean primaryKey,
        boolean unique,
        ForeignKeyReference references,
        List<SqlText> checks,
        boolean autoIncrement,
        SqlText generated,
        String collation,
        Span span) {

    public ColumnDefinition {
        checks = List.copyOf(checks);
    }

    /** NOT NULL, said or implied by PRIMARY KEY. */
    public boolean notNull() {
        return nullability == Nullability.NOT_NULL || primaryKey;
    }

    /** Whether the database fills the column for existing rows: a default, an identity or a generated value. */
    public boolean hasValueForExistingRows() {
        return defaultValue != null || autoIncrement || generated != null;
    }
}
