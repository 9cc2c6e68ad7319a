package dev.migrationguard.sql;

/** What an ALTER TYPE does. */
public sealed interface AlterTypeAction {

    Span span();

    /** ADD VALUE 'v' [BEFORE|AFTER 'w']; {@code neighbour} is {@code null} without BEFORE/AFTER. */
    record AddValue(Span span, String value, boolean ifNotExists, String neighbour, boolean before)
            implements AlterTypeAction {
    }

    record RenameValue(Span span, String from, String to) implements AlterTypeAction {
    }

    /** RENAME TO new_name. */
    record Rename(Span span, Identifier to) implements AlterTypeAction {
    }

    /** CockroachDB's DROP VALUE 'v'. */
    record DropValue(Span span, String value) implements AlterTypeAction {
    }

    /** OWNER TO, SET SCHEMA, ADD ATTRIBUTE and the rest. */
    record Other(Span span, String text) implements AlterTypeAction {
    }
}
