package dev.migrationguard.sql;

import java.util.List;

/**
 * A constraint in CREATE TABLE or ALTER TABLE ADD.
 *
 * @param name       the constraint (or index) name, or {@code null}
 * @param kind       what it is
 * @param columns    the constrained columns: key columns, or the column of a SQL Server default; expressions
 *                   that are not plain columns are left out
 * @param elements   the texts of the key or index elements as written ({@code "email"}, {@code lower("x")})
 * @param references the target of a foreign key, else {@code null}
 * @param expression the CHECK expression or the SQL Server default value, else {@code null}
 * @param usingIndex the index named by {@code UNIQUE USING INDEX idx}, else {@code null}
 * @param notValid   {@code NOT VALID}: existing rows are not checked now
 * @param span       the whole constraint, from CONSTRAINT (or the first keyword)
 */
public record TableConstraint(
        Identifier name,
        ConstraintKind kind,
        List<Identifier> columns,
        List<String> elements,
        ForeignKeyReference references,
        SqlText expression,
        Identifier usingIndex,
        boolean notValid,
        Span span) {

    public TableConstraint {
        columns = List.copyOf(columns);
        elements = List.copyOf(elements);
    }
}
