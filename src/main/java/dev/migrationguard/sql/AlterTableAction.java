package dev.migrationguard.sql;

/** One action of an ALTER TABLE. Every {@code span} starts at the action's first keyword (ADD, DROP, ALTER, ...). */
public sealed interface AlterTableAction {

    Span span();

    /** ADD [COLUMN]. */
    record AddColumn(Span span, ColumnDefinition column, boolean ifNotExists) implements AlterTableAction {
    }

    /** DROP [COLUMN]. */
    record DropColumn(Span span, Identifier column, boolean ifExists, boolean cascade) implements AlterTableAction {
    }

    /** RENAME [COLUMN] a TO b, also MySQL's CHANGE a b (when the names differ) and SQL Server sp_rename. */
    record RenameColumn(Span span, Identifier from, Identifier to) implements AlterTableAction {
    }

    /**
     * A column's type changed: PostgreSQL {@code ALTER COLUMN x [SET DATA] TYPE t [USING e]}, or a full
     * redefinition (MySQL MODIFY/CHANGE, SQL Server ALTER COLUMN), which also carries nullability and default.
     *
     * @param definition the new full definition for MySQL and SQL Server, {@code null} for PostgreSQL
     * @param using      PostgreSQL's USING expression, or {@code null}
     */
    record AlterColumnType(Span span, Identifier column, SqlType type, ColumnDefinition definition, SqlText using)
            implements AlterTableAction {
    }

    record SetNotNull(Span span, Identifier column) implements AlterTableAction {
    }

    record DropNotNull(Span span, Identifier column) implements AlterTableAction {
    }

    record SetDefault(Span span, Identifier column, SqlText value) implements AlterTableAction {
    }

    record DropDefault(Span span, Identifier column) implements AlterTableAction {
    }

    /** ADD [CONSTRAINT name] ...; the constraint's own {@code notValid} says NOT VALID. */
    record AddConstraint(Span span, TableConstraint constraint) implements AlterTableAction {
    }

    /**
     * DROP CONSTRAINT name, and MySQL's DROP PRIMARY KEY / FOREIGN KEY / INDEX / CHECK.
     *
     * @param name the constraint name, {@code null} for DROP PRIMARY KEY
     * @param kind what MySQL's syntax says it is, or {@code null} for a plain DROP CONSTRAINT
     */
    record DropConstraint(Span span, Identifier name, ConstraintKind kind, boolean ifExists)
            implements AlterTableAction {
    }

    record ValidateConstraint(Span span, Identifier name) implements AlterTableAction {
    }

    record RenameConstraint(Span span, Identifier from, Identifier to, boolean index) implements AlterTableAction {
    }

    /** RENAME TO new_name. */
    record RenameTable(Span span, QualifiedName to) implements AlterTableAction {
    }

    /** Anything else (OWNER TO, ENABLE ROW LEVEL SECURITY, SET (...), ALTER COLUMN x SET STATISTICS, ...). */
    record Other(Span span, String text) implements AlterTableAction {
    }
}
