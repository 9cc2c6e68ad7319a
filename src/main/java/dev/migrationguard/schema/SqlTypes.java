package dev.migrationguard.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Normal forms of column types and default expressions, so that a type written by Prisma's mapping and one read
 * from a migration compare equal when the database would treat them alike ({@code INT4} and {@code integer},
 * {@code TIMESTAMP(3) WITHOUT TIME ZONE} and {@code timestamp(3)}, {@code 'x'::text} and {@code 'x'}).
 */
public final class SqlTypes {
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern SPACE_AROUND_PUNCTUATION = Pattern.compile("\\s*([(),])\\s*");
    private static final Pattern NOW = Pattern.compile(
            "current_timestamp(\\(\\d*\\))?|now\\(\\)|localtimestamp|getdate\\(\\)|sysdatetime\\(\\)");
    private static final Pattern CAST = Pattern.compile(
            "::\\s*(?:\"[^\"]*\"(?:\\.\"[^\"]*\")?|[a-z_][a-z0-9_]*(?:\\s+(?:with|without|varying|precision|time|zone)\\b)*)"
                    + "(?:\\s*\\([^)]*\\))?(?:\\s*\\[\\])*",
            Pattern.CASE_INSENSITIVE);

    private static final Map<String, String> POSTGRES = Map.ofEntries(
            Map.entry("int", "integer"), Map.entry("int4", "integer"), Map.entry("serial", "integer"),
            Map.entry("serial4", "integer"), Map.entry("int8", "bigint"), Map.entry("bigserial", "bigint"),
            Map.entry("serial8", "bigint"), Map.entry("int2", "smallint"), Map.entry("smallserial", "smallint"),
            Map.entry("serial2", "smallint"), Map.entry("float8", "double precision"),
            Map.entry("float", "double precision"), Map.entry("float4", "real"), Map.entry("numeric", "decimal"),
            Map.entry("bool", "boolean"), Map.entry("character varying", "varchar"), Map.entry("character", "char"),
            Map.entry("bpchar", "char"), Map.entry("bit varying", "varbit"));
    private static final Map<String, String> COCKROACH = Map.ofEntries(
            Map.entry("text", "string"), Map.entry("varchar", "string"), Map.entry("character varying", "string"),
            Map.entry("integer", "int4"), Map.entry("int", "int8"), Map.entry("bigint", "int8"),
            Map.entry("int64", "int8"), Map.entry("serial", "int8"), Map.entry("smallint", "int2"),
            Map.entry("double precision", "float8"), Map.entry("float", "float8"), Map.entry("real", "float4"),
            Map.entry("numeric", "decimal"), Map.entry("boolean", "bool"), Map.entry("json", "jsonb"),
            Map.entry("bytea", "bytes"), Map.entry("character", "char"));
    private static final Map<String, String> MYSQL = Map.ofEntries(
            Map.entry("integer", "int"), Map.entry("bool", "tinyint(1)"), Map.entry("boolean", "tinyint(1)"),
            Map.entry("double precision", "double"), Map.entry("real", "double"), Map.entry("numeric", "decimal"),
            Map.entry("character varying", "varchar"), Map.entry("character", "char"));
    private static final Map<String, String> SQLITE = Map.ofEntries(Map.entry("int", "integer"));
    private static final Map<String, String> SQLSERVER = Map.ofEntries(
            Map.entry("integer", "int"), Map.entry("numeric", "decimal"), Map.entry("double precision", "float(53)"),
            Map.entry("character varying", "varchar"), Map.entry("character", "char"));

    private SqlTypes() {
    }

    /** The normal form of a column type as written in SQL or produced by the Prisma mapping. */
    public static String normaliseType(String written, DatabaseProvider provider) {
        String text = written.strip();
        StringBuilder arraySuffix = new StringBuilder();
        while (text.endsWith("[]")) {
            arraySuffix.append("[]");
            text = text.substring(0, text.length() - 2).strip();
        }
        if (text.toLowerCase(Locale.ROOT).endsWith(" array")) {
            arraySuffix.append("[]");
            text = text.substring(0, text.length() - 6).strip();
        }
        if (isQuoted(text)) {
            // A quoted type is a user type (an enum): its name is case-sensitive; a schema qualifier is dropped.
            int dot = lastDotOutsideQuotes(text);
            String last = dot < 0 ? text : text.substring(dot + 1).strip();
            return unquote(last) + arraySuffix;
        }
        String lower = SPACE_AROUND_PUNCTUATION.matcher(SPACES.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" "))
                .replaceAll("$1");
        String name = lower;
        String args = null;
        String suffix = "";
        int open = lower.indexOf('(');
        int close = lower.lastIndexOf(')');
        if (open > 0 && close > open) {
            name = lower.substring(0, open).strip();
            args = lower.substring(open + 1, close);
            suffix = lower.substring(close + 1).strip();
        } else {
            for (String s : new String[] {" without time zone", " with time zone", " unsigned"}) {
                if (name.endsWith(s)) {
                    name = name.substring(0, name.length() - s.length()).strip();
                    suffix = s.strip();
                }
            }
        }
        if (name.contains(".")) {
            name = name.substring(name.lastIndexOf('.') + 1);
        }
        if (suffix.equals("without time zone")) {
            suffix = "";
        } else if (suffix.equals("with time zone") || name.endsWith(" with time zone")) {
            name = name.replace(" with time zone", "") + "tz";
            suffix = "";
        }
        name = name.replace(" without time zone", "");
        String mapped = switch (provider) {
            case POSTGRESQL -> POSTGRES.getOrDefault(name, name);
            case COCKROACHDB -> COCKROACH.getOrDefault(name, name);
            case MYSQL -> MYSQL.getOrDefault(name, name);
            case SQLITE -> SQLITE.getOrDefault(name, name);
            case SQLSERVER -> SQLSERVER.getOrDefault(name, name);
        };
        if (mapped.contains("(")) {
            return mapped + (suffix.isEmpty() ? "" : " " + suffix) + arraySuffix;
        }
        args = defaultArguments(mapped, args, provider);
        String result = mapped + (args == null ? "" : "(" + args + ")") + (suffix.isEmpty() ? "" : " " + suffix);
        return result + arraySuffix;
    }

    /** Fills in the precision the database assumes, and drops MySQL's integer display widths. */
    private static String defaultArguments(String name, String args, DatabaseProvider provider) {
        switch (provider) {
            case POSTGRESQL, COCKROACHDB -> {
                if (args == null && (name.equals("timestamp") || name.equals("timestamptz") || name.equals("time")
                        || name.equals("timetz"))) {
                    return "6";
                }
                if (args == null && name.equals("char")) {
                    return "1";
                }
            }
            case MYSQL -> {
                if (name.equals("int") || name.equals("bigint") || name.equals("smallint")
                        || name.equals("mediumint") || (name.equals("tinyint") && !"1".equals(args))) {
                    return null;
                }
                if (args == null && (name.equals("datetime") || name.equals("timestamp") || name.equals("time"))) {
                    return "0";
                }
                if (args == null && name.equals("char")) {
                    return "1";
                }
            }
            case SQLSERVER -> {
                if (name.equals("float") && args == null) {
                    return "53";
                }
                if (args == null && name.equals("datetime2")) {
                    return "7";
                }
            }
            default -> {
                return args;
            }
        }
        return args;
    }

    /**
     * The normal form of a default expression: casts dropped, keywords lower-cased outside string literals,
     * {@code CURRENT_TIMESTAMP} variants as {@code now()}, sequences as {@code autoincrement()}.
     */
    public static String normaliseDefault(String expression) {
        if (expression == null) {
            return null;
        }
        String text = expression.strip();
        while (text.startsWith("(") && text.endsWith(")") && balanced(text.substring(1, text.length() - 1))) {
            text = text.substring(1, text.length() - 1).strip();
        }
        if (text.contains("::")) {
            text = CAST.matcher(text).replaceAll("");
        }
        StringBuilder out = new StringBuilder();
        boolean inString = false;
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                out.append(c);
                if (c == '\'') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                        out.append('\'');
                        i++;
                    } else {
                        inString = false;
                    }
                }
                continue;
            }
            if (Character.isWhitespace(c)) {
                pendingSpace = true;
                continue;
            }
            if ((c == 'e' || c == 'E') && i + 1 < text.length() && text.charAt(i + 1) == '\''
                    && (i == 0 || !(Character.isLetterOrDigit(text.charAt(i - 1)) || text.charAt(i - 1) == '_'))) {
                // PostgreSQL's escape string E'...' (old Prisma versions wrote every string default so): its value
                // as a standard string literal.
                if (pendingSpace && out.length() > 0 && "([,".indexOf(out.charAt(out.length() - 1)) < 0) {
                    out.append(' ');
                }
                pendingSpace = false;
                i = escapeString(text, i + 2, out);
                continue;
            }
            if (pendingSpace && out.length() > 0 && "(),[]".indexOf(c) < 0
                    && "([,".indexOf(out.charAt(out.length() - 1)) < 0) {
                out.append(' ');
            }
            pendingSpace = false;
            if (c == '\'') {
                inString = true;
                out.append(c);
            } else {
                out.append(Character.toLowerCase(c));
            }
        }
        String result = out.toString();
        if (NOW.matcher(result).matches()) {
            return "now()";
        }
        if (result.startsWith("nextval(") || result.equals("unique_rowid()") || result.equals("autoincrement()")) {
            return "autoincrement()";
        }
        return result;
    }

    /**
     * Appends the standard literal of the escape string whose body starts at {@code from} (after {@code E'}), and
     * returns the index of its closing quote.
     */
    private static int escapeString(String text, int from, StringBuilder out) {
        StringBuilder value = new StringBuilder();
        int i = from;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\'' && i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                value.append('\'');
                i += 2;
            } else if (c == '\'') {
                break;
            } else if (c == '\\' && i + 1 < text.length()) {
                char n = text.charAt(i + 1);
                i += 2;
                switch (n) {
                    case 'b' -> value.append('\b');
                    case 'f' -> value.append('\f');
                    case 'n' -> value.append('\n');
                    case 'r' -> value.append('\r');
                    case 't' -> value.append('\t');
                    case 'x' -> {
                        int end = i;
                        while (end < text.length() && end < i + 2 && Character.digit(text.charAt(end), 16) >= 0) {
                            end++;
                        }
                        if (end > i) {
                            value.append((char) Integer.parseInt(text.substring(i, end), 16));
                            i = end;
                        } else {
                            value.append('x');
                        }
                    }
                    case 'u', 'U' -> {
                        int digits = n == 'u' ? 4 : 8;
                        if (i + digits <= text.length() && text.substring(i, i + digits).chars()
                                .allMatch(d -> Character.digit(d, 16) >= 0)) {
                            value.appendCodePoint(Integer.parseInt(text.substring(i, i + digits), 16));
                            i += digits;
                        } else {
                            value.append(n);
                        }
                    }
                    default -> {
                        if (n >= '0' && n <= '7') {
                            int end = i;
                            while (end < text.length() && end < i + 2 && text.charAt(end) >= '0'
                                    && text.charAt(end) <= '7') {
                                end++;
                            }
                            value.append((char) Integer.parseInt(n + text.substring(i, end), 8));
                            i = end;
                        } else {
                            value.append(n);
                        }
                    }
                }
            } else {
                value.append(c);
                i++;
            }
        }
        out.append('\'').append(value.toString().replace("'", "''")).append('\'');
        return i;
    }

    /**
     * The normal form of an array column's default: PostgreSQL's array literal {@code '{a,b}'} and the constructor
     * {@code ARRAY['a','b']} (the form Prisma writes) are the same value, so both become
     * {@code array['a','b']}. Anything else is returned as it is.
     */
    public static String normaliseArrayDefault(String normalised) {
        if (normalised == null) {
            return null;
        }
        if (normalised.startsWith("'{") && normalised.endsWith("}'") && normalised.length() >= 4) {
            List<String> values = arrayLiteralValues(normalised.substring(2, normalised.length() - 2)
                    .replace("''", "'"));
            return values == null ? normalised : render(values);
        }
        if (normalised.startsWith("array[") && normalised.endsWith("]")) {
            List<String> values = new ArrayList<>();
            for (String element : splitTopLevel(normalised.substring(6, normalised.length() - 1))) {
                String e = element.strip();
                if (e.isEmpty()) {
                    continue;
                }
                if (e.length() >= 2 && e.startsWith("'") && e.endsWith("'")) {
                    values.add(e.substring(1, e.length() - 1).replace("''", "'"));
                } else if (e.contains("(") || e.contains("'")) {
                    return normalised;
                } else {
                    values.add(e);
                }
            }
            return render(values);
        }
        return normalised;
    }

    private static String render(List<String> values) {
        return "array[" + String.join(",", values.stream().map(v -> "'" + v.replace("'", "''") + "'").toList())
                + "]";
    }

    /** The elements of a one-dimensional array literal's body, or null when it is not one. */
    private static List<String> arrayLiteralValues(String body) {
        List<String> values = new ArrayList<>();
        if (body.isBlank()) {
            return values;
        }
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (quoted) {
                if (c == '\\' && i + 1 < body.length()) {
                    current.append(body.charAt(++i));
                } else if (c == '"') {
                    quoted = false;
                } else {
                    current.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                wasQuoted = true;
            } else if (c == '{' || c == '}') {
                return null;
            } else if (c == ',') {
                values.add(wasQuoted ? current.toString() : current.toString().strip());
                current.setLength(0);
                wasQuoted = false;
            } else {
                current.append(c);
            }
        }
        values.add(wasQuoted ? current.toString() : current.toString().strip());
        return values;
    }

    private static List<String> splitTopLevel(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean inString = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                inString = !inString;
            } else if (!inString && (c == '(' || c == '[')) {
                depth++;
            } else if (!inString && (c == ')' || c == ']')) {
                depth--;
            } else if (!inString && depth == 0 && c == ',') {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    private static boolean balanced(String text) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                inString = !inString;
            } else if (!inString && c == '(') {
                depth++;
            } else if (!inString && c == ')') {
                if (--depth < 0) {
                    return false;
                }
            }
        }
        return depth == 0;
    }

    private static boolean isQuoted(String text) {
        return text.startsWith("\"") || text.startsWith("`") || text.startsWith("[");
    }

    private static int lastDotOutsideQuotes(String text) {
        boolean quoted = false;
        int last = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '`') {
                quoted = !quoted;
            } else if (c == '[') {
                quoted = true;
            } else if (c == ']') {
                quoted = false;
            } else if (c == '.' && !quoted) {
                last = i;
            }
        }
        return last;
    }

    /** An identifier without its quotes ({@code "x"}, {@code `x`}, {@code [x]}); doubled quotes undone. */
    public static String unquote(String identifier) {
        String t = identifier.strip();
        if (t.length() >= 2) {
            char first = t.charAt(0);
            char last = t.charAt(t.length() - 1);
            if ((first == '"' && last == '"') || (first == '`' && last == '`')) {
                return t.substring(1, t.length() - 1).replace(String.valueOf(first) + first, String.valueOf(first));
            }
            if (first == '[' && last == ']') {
                return t.substring(1, t.length() - 1);
            }
        }
        return t;
    }
}
