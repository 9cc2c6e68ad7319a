package dev.migrationguard.sql;

/**
 * Something in a SQL file the grammar cannot read: one per unreadable statement, at its first bad token.
 *
 * @param span    the offending token
 * @param message what is wrong, in one sentence
 */
public record SqlProblem(Span span, String message) {
}
