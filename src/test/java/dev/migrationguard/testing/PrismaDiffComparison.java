package dev.migrationguard.testing;

import dev.migrationguard.rules.Finding;
import dev.migrationguard.schema.SchemaModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts Prisma's own diff ({@code prisma migrate diff --from-migrations ... --to-schema ... --script}, as in a
 * corpus folder's PRISMA-DIFF.sql) and our {@code schema-drift} findings into one form, so that the two can be
 * compared as whole sets: one line per schema element that differs, {@code index x @migration} or
 * {@code column T.c @schema}, where the side is where the finding belongs (the schema element it concerns, or the
 * migration for an object only the migrations have).
 *
 * <p>One Prisma statement is one element; the statements Prisma writes along with a table it creates or drops
 * (its indexes and foreign keys) belong to that table's element, and a DROP and a CREATE of the same index or key
 * (a redefinition) are one element, at the schema.
 */
public final class PrismaDiffComparison {
    private static final String NAME = "(?:\"(?:[^\"]|\"\")+\"|[\\w$]+)";
    private static final String QUALIFIED = "(" + NAME + "(?:\\s*\\.\\s*" + NAME + ")?)";
    private static final Pattern CREATE_TABLE = Pattern.compile("(?is)^CREATE\\s+TABLE\\s+" + QUALIFIED);
    private static final Pattern DROP_TABLE = Pattern.compile("(?is)^DROP\\s+TABLE\\s+" + QUALIFIED);
    private static final Pattern CREATE_INDEX = Pattern.compile(
            "(?is)^CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+(?:CONCURRENTLY\\s+)?" + QUALIFIED + "\\s+ON\\s+" + QUALIFIED);
    private static final Pattern DROP_INDEX = Pattern.compile("(?is)^DROP\\s+INDEX\\s+" + QUALIFIED);
    private static final Pattern RENAME_INDEX = Pattern.compile(
            "(?is)^ALTER\\s+INDEX\\s+" + QUALIFIED + "\\s+RENAME\\s+TO\\s+" + QUALIFIED);
    private static final Pattern ALTER_TABLE = Pattern.compile("(?is)^ALTER\\s+TABLE\\s+(?:ONLY\\s+)?" + QUALIFIED
            + "\\s+(.*)$");
    private static final Pattern CREATE_ENUM = Pattern.compile("(?is)^CREATE\\s+TYPE\\s+" + QUALIFIED
            + "\\s+AS\\s+ENUM\\s*\\((.*)\\)");
    private static final Pattern DROP_TYPE = Pattern.compile("(?is)^DROP\\s+TYPE\\s+" + QUALIFIED);
    private static final Pattern ADD_VALUE = Pattern.compile(
            "(?is)^ALTER\\s+TYPE\\s+" + QUALIFIED + "\\s+ADD\\s+VALUE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?'((?:[^']|'')*)'");
    private static final Pattern RENAME_TYPE = Pattern.compile(
            "(?is)^ALTER\\s+TYPE\\s+" + QUALIFIED + "\\s+RENAME\\s+TO\\s+" + QUALIFIED);
    private static final Pattern STRING = Pattern.compile("'((?:[^']|'')*)'");
    private static final Set<String> NO_ELEMENT = Set.of("BEGIN", "COMMIT");

    private PrismaDiffComparison() {
    }

    /** The elements Prisma's diff names, sorted; {@code replayed} gives the values of enums Prisma recreates. */
    public static List<String> prisma(String diffSql, Optional<SchemaModel> replayed) {
        List<String> statements = statements(diffSql);
        Set<String> createdTables = new TreeSet<>();
        Set<String> droppedTables = new TreeSet<>();
        for (String s : statements) {
            match(CREATE_TABLE, s).ifPresent(m -> createdTables.add(table(m.group(1))));
            match(DROP_TABLE, s).ifPresent(m -> droppedTables.add(table(m.group(1))));
        }
        Map<String, String> out = new LinkedHashMap<>();
        Map<String, List<String>> recreatedEnums = new LinkedHashMap<>();
        for (String s : statements) {
            String upper = s.toUpperCase(Locale.ROOT);
            Matcher m;
            if ((m = match(CREATE_TABLE, s).orElse(null)) != null) {
                put(out, "table " + table(m.group(1)), "schema");
            } else if ((m = match(DROP_TABLE, s).orElse(null)) != null) {
                put(out, "table " + table(m.group(1)), "migration");
            } else if ((m = match(CREATE_INDEX, s).orElse(null)) != null) {
                if (!createdTables.contains(table(m.group(2)))) {
                    put(out, "index " + last(m.group(1)), "schema");
                }
            } else if ((m = match(DROP_INDEX, s).orElse(null)) != null) {
                put(out, "index " + last(m.group(1)), "migration");
            } else if ((m = match(RENAME_INDEX, s).orElse(null)) != null) {
                put(out, "index " + last(m.group(2)), "schema");
            } else if ((m = match(CREATE_ENUM, s).orElse(null)) != null) {
                String name = table(m.group(1));
                if (name.endsWith("_new")) {
                    recreatedEnums.put(name.substring(0, name.length() - 4), strings(m.group(2)));
                } else {
                    put(out, "enum " + name, "schema");
                }
            } else if ((m = match(ADD_VALUE, s).orElse(null)) != null) {
                put(out, "enum value " + table(m.group(1)) + "." + m.group(2).replace("''", "'"), "schema");
            } else if ((m = match(RENAME_TYPE, s).orElse(null)) != null) {
                // Part of an enum's recreation (E -> E_old, E_new -> E), counted from its CREATE TYPE.
            } else if ((m = match(DROP_TYPE, s).orElse(null)) != null) {
                String name = table(m.group(1));
                if (!name.endsWith("_old")) {
                    put(out, "enum " + name, "migration");
                }
            } else if ((m = match(ALTER_TABLE, s).orElse(null)) != null) {
                String table = table(m.group(1));
                for (String action : splitTopLevel(m.group(2))) {
                    alterTableAction(out, table, action.strip(), createdTables, droppedTables,
                            recreatedEnums.isEmpty() ? null : recreatedEnums);
                }
            } else if (!NO_ELEMENT.contains(upper.split("\\s+")[0].replace(";", ""))) {
                put(out, "statement " + upper.split("\\s+")[0] + " " + (upper.split("\\s+").length > 1
                        ? upper.split("\\s+")[1] : ""), "schema");
            }
        }
        for (Map.Entry<String, List<String>> e : recreatedEnums.entrySet()) {
            List<String> before = replayed.flatMap(model -> model.enums().stream()
                    .filter(t -> (t.schema().isEmpty() ? t.name() : t.schema() + "." + t.name()).equals(e.getKey()))
                    .findFirst()).map(SchemaModel.EnumType::values).orElse(List.of());
            for (String value : before) {
                if (!e.getValue().contains(value)) {
                    put(out, "enum value " + e.getKey() + "." + value, "schema");
                }
            }
        }
        return render(out);
    }

    private static void alterTableAction(Map<String, String> out, String table, String action,
            Set<String> createdTables, Set<String> droppedTables, Map<String, List<String>> recreating) {
        String upper = action.toUpperCase(Locale.ROOT);
        Matcher m = Pattern.compile("(?is)^(ADD|DROP|ALTER|RENAME)\\s+(?:(COLUMN|CONSTRAINT)\\s+)?(?:IF\\s+(?:NOT\\s+)?"
                + "EXISTS\\s+)?(" + NAME + ")(.*)$").matcher(action);
        if (!m.matches()) {
            put(out, "table action " + table + " " + upper, "schema");
            return;
        }
        String verb = m.group(1).toUpperCase(Locale.ROOT);
        boolean constraint = "CONSTRAINT".equalsIgnoreCase(m.group(2));
        String name = unquote(m.group(3));
        String rest = m.group(4).toUpperCase(Locale.ROOT);
        if (constraint) {
            boolean primaryKey = rest.contains("PRIMARY KEY") || name.endsWith("_pkey");
            if (verb.equals("RENAME")) {
                Matcher to = Pattern.compile("(?is)^\\s*TO\\s+(" + NAME + ")").matcher(m.group(4));
                String newName = to.find() ? unquote(to.group(1)) : name;
                put(out, primaryKey || newName.endsWith("_pkey") ? "primary key " + table
                        : "foreign key " + table + "." + newName, "schema");
            } else if (primaryKey) {
                put(out, "primary key " + table, "schema");
            } else if (verb.equals("ADD")) {
                if (!createdTables.contains(table)) {
                    put(out, "foreign key " + table + "." + name, "schema");
                }
            } else if (!droppedTables.contains(table)) {
                put(out, "foreign key " + table + "." + name, "migration");
            }
            return;
        }
        if (recreating != null && verb.equals("ALTER") && rest.contains("TYPE")) {
            // The ALTER COLUMN ... TYPE "E_new" of an enum's recreation: part of that enum's element.
            for (String e : recreating.keySet()) {
                if (rest.contains(("\"" + e + "_new\"").toUpperCase(Locale.ROOT))) {
                    return;
                }
            }
        }
        put(out, "column " + table + "." + name, verb.equals("DROP") ? "migration" : "schema");
    }

    /** Our {@code schema-drift} findings in the same form, sorted. */
    public static List<String> ours(List<Finding> findings) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Finding f : findings) {
            if (!f.ruleId().equals("schema-drift")) {
                continue;
            }
            String subject = f.properties().getOrDefault("subject", "unknown " + f.message());
            put(out, subject, f.path().endsWith(".prisma") ? "schema" : "migration");
        }
        return render(out);
    }

    /** Lines of {@code a} not in {@code b}. */
    public static List<String> minus(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.removeAll(b);
        return out;
    }

    private static void put(Map<String, String> out, String subject, String side) {
        String before = out.get(subject);
        // A drop and a create of one element is its redefinition: reported at the schema.
        out.put(subject, before == null || before.equals(side) ? side : "schema");
    }

    private static List<String> render(Map<String, String> elements) {
        TreeSet<String> lines = new TreeSet<>();
        elements.forEach((subject, side) -> lines.add(subject + " @" + side));
        return List.copyOf(lines);
    }

    /** The SQL statements of a diff script, comments removed. */
    static List<String> statements(String sql) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        boolean identifier = false;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (!quoted && !identifier && c == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-') {
                while (i < sql.length() && sql.charAt(i) != '\n') {
                    i++;
                }
                current.append('\n');
                continue;
            }
            if (c == '\'' && !identifier) {
                quoted = !quoted;
            } else if (c == '"' && !quoted) {
                identifier = !identifier;
            }
            if (c == ';' && !quoted && !identifier) {
                if (!current.toString().isBlank()) {
                    out.add(current.toString().strip());
                }
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }

    private static List<String> splitTopLevel(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        boolean identifier = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'' && !identifier) {
                quoted = !quoted;
            } else if (c == '"' && !quoted) {
                identifier = !identifier;
            } else if (!quoted && !identifier) {
                if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    depth--;
                } else if (c == ',' && depth == 0) {
                    parts.add(text.substring(start, i));
                    start = i + 1;
                }
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    private static List<String> strings(String list) {
        List<String> out = new ArrayList<>();
        Matcher m = STRING.matcher(list);
        while (m.find()) {
            out.add(m.group(1).replace("''", "'"));
        }
        return out;
    }

    private static Optional<Matcher> match(Pattern p, String s) {
        Matcher m = p.matcher(s);
        return m.find() ? Optional.of(m) : Optional.empty();
    }

    /** {@code "public"."T"} -> {@code T}; {@code "auth"."T"} -> {@code auth.T}. */
    private static String table(String qualified) {
        List<String> parts = parts(qualified);
        if (parts.size() == 2 && !parts.get(0).equals("public")) {
            return parts.get(0) + "." + parts.get(1);
        }
        return parts.get(parts.size() - 1);
    }

    private static String last(String qualified) {
        List<String> parts = parts(qualified);
        return parts.get(parts.size() - 1);
    }

    private static List<String> parts(String qualified) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile(NAME).matcher(qualified);
        while (m.find()) {
            out.add(unquote(m.group()));
        }
        return out;
    }

    private static String unquote(String name) {
        return name.startsWith("\"") ? name.substring(1, name.length() - 1).replace("\"\"", "\"")
                : name.toLowerCase(Locale.ROOT);
    }
}
