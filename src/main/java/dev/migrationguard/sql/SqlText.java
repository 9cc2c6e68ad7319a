package dev.migrationguard.sql;

/**
 * A piece of SQL kept as written (a default value, a CHECK or WHERE expression, a USING clause).
 *
 * @param text the source text, whitespace and comments included
 * @param span where it is
 */
public record SqlText(String text, Span span) {

    @Override
    public String toString() {
        return text;
    }
}
