package dev.migrationguard.schema;

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
