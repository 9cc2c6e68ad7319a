package dev.migrationguard.sql;

/**
 * A name as the database sees it: quotes removed ({@code "x"}, {@code `x`}, {@code [x]}, doubled quotes undone);
 * unquoted names fold to lower case in the PostgreSQL family, as PostgreSQL does.
 *
 * @param name   the normalised name
 * @param quoted whether the source quoted it
 * @param span   where the name is written, quotes included
 */
public record Identifier(String name, boolean quoted, Span span) {

    @Override
    public String toString() {
        return name;
    }
}
