package dev.migrationguard.rules.migrations;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A migration folder name split into its ordering prefix and its descriptive part:
 * {@code 20240101120000_add_quest} is prefix {@code 20240101120000} and description {@code add_quest}.
 *
 * @param name        the whole folder name
 * @param prefix      the leading digits, or "" when the name has none
 * @param description what follows the prefix and its separator
 */
record MigrationName(String name, String prefix, String description) {
    private static final Pattern SNAKE_CASE = Pattern.compile("[a-z0-9]+(_[a-z0-9]+)*");
    private static final Pattern SPLIT = Pattern.compile("^(\\d*)[_\\-. ]?(.*)$", Pattern.DOTALL);
    private static final Pattern WORD_BOUNDARY = Pattern.compile("[_\\-. ]+|(?<=[a-z])(?=[A-Z])");

    static MigrationName parse(String name) {
        Matcher m = SPLIT.matcher(name);
        if (!m.matches()) {
            return new MigrationName(name, "", name);
        }
        return new MigrationName(name, m.group(1), m.group(2));
    }

    /** The descriptive part's words, lower case: snake case, kebab case and camel case all split. */
    List<String> words() {
        List<String> out = new ArrayList<>();
        for (String w : WORD_BOUNDARY.split(description)) {
            if (!w.isEmpty()) {
                out.add(w.toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    /** Prisma writes the descriptive part in snake case: lower-case letters, digits and underscores. */
    boolean snakeCase() {
        return SNAKE_CASE.matcher(description).matches();
    }
}
