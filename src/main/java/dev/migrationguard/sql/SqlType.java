package dev.migrationguard.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * A column's data type as written: {@code VARCHAR(191)}, {@code TIMESTAMP(3) WITHOUT TIME ZONE}, {@code TEXT[]},
 * {@code "public"."Role"}, {@code ENUM('A','B')}, {@code NVARCHAR(MAX)}.
 *
 * @param schema          schema of a user-defined type, or {@code null}
 * @param name            the type name, normalised like an identifier; multi-word names keep single spaces
 *                        ("double precision", "character varying")
 * @param arguments       the texts of the arguments inside the parentheses
 * @param modifiers       trailing words such as "without time zone" or "unsigned", lower case
 * @param arrayDimensions how many {@code []} (or {@code ARRAY}) follow
 * @param text            the source text of the whole type
 * @param span            where the type is written
 */
public record SqlType(String schema, String name, List<String> arguments, List<String> modifiers,
                      int arrayDimensions, String text, Span span) {

    public SqlType {
        arguments = List.copyOf(arguments);
        modifiers = List.copyOf(modifiers);
    }

    /** Whether this is MySQL's inline {@code ENUM(...)} type. */
    public boolean isInlineEnum() {
        return name.equalsIgnoreCase("enum") && schema == null;
    }

    /** The values of an inline {@code ENUM('A','B')}, unquoted; empty for other types. */
    public List<String> enumValues() {
        if (!isInlineEnum()) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (String argument : arguments) {
            values.add(SqlLiterals.unquoteString(argument.strip()));
        }
        return values;
    }

    /** The type without whitespace differences and in lower case, for comparing two declarations. */
    public String normalized() {
        return text.replaceAll("\\s+", " ").replaceAll("\\s*([(),\\[\\]])\\s*", "$1").strip().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String toString() {
        return text;
    }
}
