package dev.migrationguard.sql;

import java.util.List;

/**
 * One statement of a migration, with exact source positions. Statements the grammar reads in depth are the DDL
 * that changes a schema; everything else (functions, triggers, INSERT/UPDATE/DELETE, PRAGMA,
 * transaction control, SQL Server batches) is an {@link Other}. Every {@code span} runs from the first token to
 * the last one, without the terminating {@code ;}.
 */
public sealed interface SqlStatement {

    Span span();

    /** CREATE TABLE; {@code options} is what follows the closing parenthesis (MySQL table options, WITHOUT ROWID). */
    record CreateTable(Span span, QualifiedName table, boolean ifNotExists, boolean temporary,
                       List<ColumnDefinition> columns, List<TableConstraint> constraints, String options)
            implements SqlStatement {
        public CreateTable {
            columns = List.copyOf(columns);
            constraints = List.copyOf(constraints);
        }
    }

    /** ALTER TABLE with its comma-separated actions (one or more). */
    record AlterTable(Span span, QualifiedName table, boolean ifExists, List<AlterTableAction> actions)
            implements SqlStatement {
        public AlterTable {
            actions = List.copyOf(actions);
        }
    }

    /** DROP TABLE; the span starts at DROP. */
    record DropTable(Span span, List<QualifiedName> tables, boolean ifExists, boolean cascade)
            implements SqlStatement {
        public DropTable {
            tables = List.copyOf(tables);
        }
    }

    /**
     * CREATE INDEX.
     *
     * @param name     the index name, or {@code null} (PostgreSQL may generate one)
     * @param elements the indexed columns or expressions
     * @param method   the USING method ("gin", "btree"), or {@code null}
     * @param where    the predicate of a partial index, or {@code null}
     * @param include  INCLUDE columns
     */
    record CreateIndex(Span span, boolean unique, boolean concurrently, boolean ifNotExists, QualifiedName name,
                       QualifiedName table, List<IndexElement> elements, String method, SqlText where,
                       List<Identifier> include) implements SqlStatement {
        public CreateIndex {
            elements = List.copyOf(elements);
            include = List.copyOf(include);
        }
    }

    /**
     * One element of an index: a column (with its options) or an expression.
     *
     * @param column the column when the element is a plain column, else {@code null}
     * @param text   the element as written
     */
    record IndexElement(Identifier column, String text, Span span) {
    }

    /** DROP INDEX; {@code table} is set for MySQL and SQL Server's {@code DROP INDEX x ON t}. */
    record DropIndex(Span span, List<QualifiedName> names, boolean concurrently, boolean ifExists,
                     QualifiedName table) implements SqlStatement {
        public DropIndex {
            names = List.copyOf(names);
        }
    }

    /** CREATE TYPE ... AS ENUM (values). */
    record CreateEnum(Span span, QualifiedName name, List<String> values, List<Span> valueSpans)
            implements SqlStatement {
        public CreateEnum {
            values = List.copyOf(values);
            valueSpans = List.copyOf(valueSpans);
        }
    }

    /** Any other CREATE TYPE (composite, range, base). */
    record CreateType(Span span, QualifiedName name) implements SqlStatement {
    }

    /** ALTER TYPE. */
    record AlterType(Span span, QualifiedName name, AlterTypeAction action) implements SqlStatement {
    }

    record DropType(Span span, List<QualifiedName> names, boolean ifExists, boolean cascade) implements SqlStatement {
        public DropType {
            names = List.copyOf(names);
        }
    }

    /** CREATE SCHEMA; {@code name} is {@code null} for {@code CREATE SCHEMA AUTHORIZATION role}. */
    record CreateSchema(Span span, Identifier name, boolean ifNotExists) implements SqlStatement {
    }

    record DropSchema(Span span, List<QualifiedName> names, boolean ifExists, boolean cascade)
            implements SqlStatement {
        public DropSchema {
            names = List.copyOf(names);
        }
    }

    record CreateExtension(Span span, Identifier name, boolean ifNotExists) implements SqlStatement {
    }

    record DropExtension(Span span, List<QualifiedName> names, boolean ifExists) implements SqlStatement {
        public DropExtension {
            names = List.copyOf(names);
        }
    }

    record CreateSequence(Span span, QualifiedName name, boolean ifNotExists) implements SqlStatement {
    }

    record AlterSequence(Span span, QualifiedName name) implements SqlStatement {
    }

    record DropSequence(Span span, List<QualifiedName> names, boolean ifExists) implements SqlStatement {
        public DropSequence {
            names = List.copyOf(names);
        }
    }

    /** CREATE [OR REPLACE] [MATERIALIZED] VIEW; {@code query} is the text after AS. */
    record CreateView(Span span, QualifiedName name, boolean orReplace, boolean materialized, SqlText query)
            implements SqlStatement {
    }

    record DropView(Span span, List<QualifiedName> names, boolean materialized, boolean ifExists)
            implements SqlStatement {
        public DropView {
            names = List.copyOf(names);
        }
    }

    record Truncate(Span span, List<QualifiedName> tables, boolean cascade) implements SqlStatement {
        public Truncate {
            tables = List.copyOf(tables);
        }
    }

    /**
     * COMMENT ON.
     *
     * @param objectKind what is commented, upper case ("TABLE", "COLUMN", ...)
     * @param target     the commented object's name parts as written, unquoted
     * @param comment    the comment's text, or {@code null} for {@code IS NULL}
     */
    record CommentOn(Span span, String objectKind, List<String> target, String comment) implements SqlStatement {
        public CommentOn {
            target = List.copyOf(target);
        }
    }

    /**
     * A table rename outside ALTER TABLE: MySQL {@code RENAME TABLE a TO b} (one record per pair) or SQL Server
     * {@code EXEC sp_rename 'dbo.a', 'b'}.
     */
    record RenameTable(Span span, QualifiedName from, QualifiedName to) implements SqlStatement {
    }

    /**
     * A PostgreSQL {@code DO} block whose PL/pgSQL body was read. The script lists the block and then, right after it,
     * each SQL statement of its body in order ({@code statements}, with spans into the file: the statements of nested
     * blocks, IF branches and loops, and the text of {@code EXECUTE 'literal'}), so a rule or the replay that walks
     * {@link SqlScript#statements()} reads them like any other statement and needs to know nothing of blocks. An
     * {@code EXECUTE} of a computed string is an {@link Other} with keyword "EXECUTE". A block whose body is not
     * read stays an {@link Other} with keyword "DO".
     *
     * @param conditional the spans of the statements that may not run or whose failure is caught: under IF, CASE or
     *                    a loop, or in a block with an EXCEPTION handler (see {@link #isConditional})
     */
    record DoBlock(Span span, List<SqlStatement> statements, List<Span> conditional) implements SqlStatement {
        public DoBlock {
            statements = List.copyOf(statements);
            conditional = List.copyOf(conditional);
        }

        /** Whether {@code inner}, one of {@link #statements()}, may not run or has its failure caught. */
        public boolean isConditional(SqlStatement inner) {
            return conditional.contains(inner.span());
        }
    }

    /**
     * Any statement not read in depth, kept whole.
     *
     * @param keyword the leading words in upper case, e.g. "INSERT", "CREATE FUNCTION", "DO", "BEGIN"
     */
    record Other(Span span, String keyword) implements SqlStatement {
    }
}
