package dev.migrationguard.sql;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A statement that changes rows rather than the schema (INSERT, UPDATE, DELETE, MERGE, also after a WITH), read
 * from a statement the grammar keeps whole ({@link SqlStatement.Other}): which table it writes and which names it
 * mentions.
 *
 * @param kind      what it does
 * @param table     the table it writes
 * @param fromQuery an INSERT that takes its rows from a SELECT (a copy or a backfill), not from VALUES
 * @param plainCopy an INSERT INTO t (a, b) SELECT a, b FROM u: the same columns read as written, which is the copy
 *                  step Prisma writes when it redefines a table (SQLite, SQL Server), left as generated
 * @param names     every identifier the statement mentions, normalised like {@link Identifier}
 * @param span      the whole statement
 */
public record DataChange(Kind kind, QualifiedName table, boolean fromQuery, boolean plainCopy, Set<String> names,
                         Span span) {

    public enum Kind { INSERT, UPDATE, DELETE, MERGE }

    public DataChange {
        names = Set.copyOf(names);
    }

    /** Whether the statement mentions a name anywhere (its target, a column it sets, a table it reads). */
    public boolean mentions(String name) {
        return names.contains(name);
    }

    /** The data change a statement makes, if it is one. */
    public static Optional<DataChange> of(SqlScript script, SqlStatement statement) {
        if (!(statement instanceof SqlStatement.Other other)) {
            return Optional.empty();
        }
        String head = other.keyword();
        if (!head.equals("INSERT") && !head.equals("UPDATE") && !head.equals("DELETE") && !head.equals("MERGE")
                && !head.equals("WITH") && !head.equals("REPLACE")) {
            return Optional.empty();
        }
        List<Token> tokens = tokens(script.text(other.span()), other.span().start(), script.dialect());
        return read(tokens, other.span());
    }

    private record Token(String text, boolean word, boolean quoted, int start, int end) {
        boolean is(String keyword) {
            return word && !quoted && text.equalsIgnoreCase(keyword);
        }

        boolean isName() {
            return word;
        }
    }

    private static Optional<DataChange> read(List<Token> tokens, Span span) {
        int i = 0;
        if (!tokens.isEmpty() && tokens.get(0).is("WITH")) {
            int depth = 0;
            i = -1;
            for (int k = 1; k < tokens.size(); k++) {
                Token t = tokens.get(k);
                depth += t.text.equals("(") ? 1 : t.text.equals(")") ? -1 : 0;
                if (depth == 0 && (t.is("INSERT") || t.is("UPDATE") || t.is("DELETE") || t.is("MERGE"))) {
                    i = k;
                    break;
                }
            }
            if (i < 0) {
                return Optional.empty();
            }
        }
        if (i >= tokens.size()) {
            return Optional.empty();
        }
        Token verb = tokens.get(i);
        Kind kind;
        int at;
        if (verb.is("INSERT") || verb.is("REPLACE")) {
            kind = Kind.INSERT;
            at = after(tokens, i, "INTO", 6);
        } else if (verb.is("UPDATE")) {
            kind = Kind.UPDATE;
            at = i + 1;
            while (at < tokens.size() && (tokens.get(at).is("ONLY") || tokens.get(at).is("LOW_PRIORITY")
                    || tokens.get(at).is("IGNORE") || tokens.get(at).is("OR"))) {
                at++;
            }
        } else if (verb.is("DELETE")) {
            kind = Kind.DELETE;
            int from = after(tokens, i, "FROM", 4);
            at = from < 0 ? i + 1 : from;
            if (at < tokens.size() && tokens.get(at).is("ONLY")) {
                at++;
            }
        } else if (verb.is("MERGE")) {
            kind = Kind.MERGE;
            at = after(tokens, i, "INTO", 2);
        } else {
            return Optional.empty();
        }
        if (at < 0 || at >= tokens.size() || !tokens.get(at).isName()) {
            return Optional.empty();
        }
        List<Token> parts = new ArrayList<>(List.of(tokens.get(at)));
        int k = at + 1;
        while (k + 1 < tokens.size() && tokens.get(k).text.equals(".") && tokens.get(k + 1).isName()) {
            parts.add(tokens.get(k + 1));
            k += 2;
        }
        Token last = parts.get(parts.size() - 1);
        String schema = parts.size() > 1 ? parts.get(parts.size() - 2).text : null;
        QualifiedName table = new QualifiedName(schema, last.text, new Span(parts.get(0).start, last.end));
        boolean fromQuery = false;
        if (kind == Kind.INSERT) {
            int depth = 0;
            boolean values = false;
            for (int m = k; m < tokens.size(); m++) {
                Token t = tokens.get(m);
                depth += t.text.equals("(") ? 1 : t.text.equals(")") ? -1 : 0;
                if (depth == 0 && (t.is("VALUES") || t.is("DEFAULT"))) {
                    values = true;
                    break;
                }
                if (t.is("SELECT")) {
                    fromQuery = true;
                    break;
                }
            }
            fromQuery &= !values;
        }
        boolean plainCopy = fromQuery && plainCopy(tokens, k);
        Set<String> names = new HashSet<>();
        for (Token t : tokens) {
            if (t.word) {
                names.add(t.text);
            }
        }
        return Optional.of(new DataChange(kind, table, fromQuery, plainCopy, names, span));
    }

    /** Whether the tokens from {@code k} read {@code (a, b) SELECT a, b FROM name} and nothing more. */
    private static boolean plainCopy(List<Token> tokens, int k) {
        if (k >= tokens.size() || !tokens.get(k).text.equals("(")) {
            return false;
        }
        List<String> written = new ArrayList<>();
        int m = k + 1;
        while (m < tokens.size() && !tokens.get(m).text.equals(")")) {
            Token t = tokens.get(m);
            if (t.word) {
                written.add(t.text);
            } else if (!t.text.equals(",")) {
                return false;
            }
            m++;
        }
        if (m + 1 >= tokens.size() || !tokens.get(m + 1).is("SELECT")) {
            return false;
        }
        List<String> read = new ArrayList<>();
        m += 2;
        while (m < tokens.size() && !tokens.get(m).is("FROM")) {
            Token t = tokens.get(m);
            if (t.word && !t.quoted && !written.contains(t.text)) {
                return false;
            }
            if (t.word) {
                read.add(t.text);
            } else if (!t.text.equals(",")) {
                return false;
            }
            m++;
        }
        if (!read.equals(written) || m >= tokens.size()) {
            return false;
        }
        m++;
        if (m >= tokens.size() || !tokens.get(m).word) {
            return false;
        }
        m++;
        while (m + 1 < tokens.size() && tokens.get(m).text.equals(".") && tokens.get(m + 1).word) {
            m += 2;
        }
        // SQL Server's copy reads WITH (holdlock tablockx).
        return m == tokens.size() || tokens.get(m).is("WITH");
    }

    /** The index after {@code keyword} among the next {@code within} tokens after {@code from}, or -1. */
    private static int after(List<Token> tokens, int from, String keyword, int within) {
        for (int k = from + 1; k < tokens.size() && k <= from + within; k++) {
            if (tokens.get(k).is(keyword)) {
                return k + 1;
            }
        }
        return -1;
    }

    /** Words, quoted names and single punctuation; comments, strings and dollar-quoted bodies skipped. */
    private static List<Token> tokens(String text, int base, SqlDialect dialect) {
        List<Token> out = new ArrayList<>();
        boolean fold = dialect.isPostgresFamily();
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && text.charAt(i + 1) == '-') {
                while (i < n && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '#' && dialect == SqlDialect.MYSQL) {
                while (i < n && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '\'') {
                i = closing(text, i, '\'');
            } else if (c == '$' && dialect.isPostgresFamily() && dollarTag(text, i) != null) {
                String tag = dollarTag(text, i);
                int end = text.indexOf(tag, i + tag.length());
                i = end < 0 ? n : end + tag.length();
            } else if (c == '"' || c == '`' || (c == '[' && dialect == SqlDialect.SQLSERVER)) {
                char close = c == '[' ? ']' : c;
                int end = closing(text, i, close);
                String name = text.substring(i + 1, Math.max(i + 1, end - 1)).replace("" + close + close, "" + close);
                out.add(new Token(name, true, true, base + i, base + end));
                i = end;
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_'
                        || text.charAt(i) == '$')) {
                    i++;
                }
                String word = text.substring(start, i);
                out.add(new Token(fold ? word.toLowerCase(Locale.ROOT) : word, true, false, base + start, base + i));
            } else {
                out.add(new Token(String.valueOf(c), false, false, base + i, base + i + 1));
                i++;
            }
        }
        return out;
    }

    /** The index after the quote that closes the one at {@code open} (a doubled quote does not close). */
    private static int closing(String text, int open, char close) {
        int i = open + 1;
        while (i < text.length()) {
            if (text.charAt(i) == close) {
                if (close != ']' && i + 1 < text.length() && text.charAt(i + 1) == close) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return text.length();
    }

    private static String dollarTag(String text, int at) {
        int i = at + 1;
        while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
            i++;
        }
        return i < text.length() && text.charAt(i) == '$' ? text.substring(at, i + 1) : null;
    }
}
