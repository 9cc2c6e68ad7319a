package dev.migrationguard.sql;

import static dev.migrationguard.sql.grammar.MigrationSqlLexer.*;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;

/**
 * Cuts a file's tokens into statements before any parsing, so one unreadable statement never hides the next.
 * A statement ends at a {@code ;} (strings, quoted names, dollar-quoted bodies and comments are single tokens, so
 * their semicolons never count), at a SQL Server {@code GO} alone on its line, and around SQL Server's
 * {@code BEGIN TRY / END TRY / BEGIN CATCH / END CATCH}. Inside the BEGIN ... END body of a trigger, procedure
 * or function the semicolons of the inner statements do not end the outer one.
 */
final class StatementSplitter {

    /** A statement's tokens on the default channel, without its terminating {@code ;}. */
    record Chunk(List<Token> tokens) {
        Token first() {
            return tokens.get(0);
        }

        Token last() {
            return tokens.get(tokens.size() - 1);
        }

        Span span() {
            return new Span(first().getStartIndex(), last().getStopIndex() + 1);
        }
    }

    private StatementSplitter() {
    }

    static List<Chunk> split(List<? extends Token> tokens, SqlDialect dialect, String text) {
        // An array and a concrete ArrayList: this loop runs once per token, and C1 code calls a List slowly.
        Token[] all = tokens.toArray(new Token[0]);
        List<Chunk> chunks = new ArrayList<>();
        ArrayList<Token> current = new ArrayList<>();
        boolean body = false;
        int depth = 0;
        boolean sqlServer = dialect == SqlDialect.SQLSERVER;
        int n = all.length;
        for (int i = 0; i < n; i++) {
            Token t = all[i];
            int type = t.getType();
            if (type == Token.EOF) {
                break;
            }
            if (t.getChannel() != Token.DEFAULT_CHANNEL) {
                continue;
            }
            if (type == SEMI && depth == 0) {
                flush(chunks, current);
                current = new ArrayList<>();
                body = false;
                continue;
            }
            if (sqlServer && type == GO && aloneOnLine(all, i, text)) {
                flush(chunks, current);
                current = new ArrayList<>();
                body = false;
                depth = 0;
                if (i + 1 < n && all[i + 1].getType() == NUMBER
                        && !lineBreakBetween(text, t.getStopIndex() + 1, all[i + 1].getStartIndex())) {
                    i++;
                }
                continue;
            }
            if (sqlServer && depth == 0 && (type == BEGIN || type == END)) {
                int nextIndex = nextDefaultIndex(all, i);
                Token next = nextIndex < 0 ? null : all[nextIndex];
                if (next != null && (next.getType() == TRY || next.getType() == CATCH)) {
                    flush(chunks, current);
                    current = new ArrayList<>();
                    current.add(t);
                    current.add(next);
                    flush(chunks, current);
                    current = new ArrayList<>();
                    body = false;
                    i = nextIndex;
                    continue;
                }
            }
            current.add(t);
            if (!body && current.size() <= 8 && startsRoutine(current, type)) {
                body = true;
            }
            if (body) {
                depth = trackBlocks(all, i, type, depth);
            }
        }
        flush(chunks, current);
        return chunks;
    }

    private static void flush(List<Chunk> chunks, List<Token> tokens) {
        if (!tokens.isEmpty()) {
            chunks.add(new Chunk(List.copyOf(tokens)));
        }
    }

    /** CREATE/ALTER ... TRIGGER, PROCEDURE, FUNCTION or EVENT: the statements whose bodies may hold semicolons. */
    private static boolean startsRoutine(List<Token> current, int type) {
        int head = current.get(0).getType();
        if (head != CREATE && head != ALTER) {
            return false;
        }
        return type == TRIGGER || type == FUNCTION
                || type == IDENTIFIER && isWord(current.get(current.size() - 1), "PROCEDURE", "PROC", "EVENT");
    }

    private static int trackBlocks(Token[] all, int i, int type, int depth) {
        if (type == BEGIN) {
            Token next = nextDefault(all, i);
            if (next == null || next.getType() == SEMI || next.getType() == TRAN || next.getType() == TRANSACTION
                    || isWord(next, "WORK", "DEFERRED", "IMMEDIATE", "EXCLUSIVE")) {
                return depth;
            }
            return depth + 1;
        }
        if (type == CASE) {
            Token previous = previousDefault(all, i);
            return previous != null && previous.getType() == END ? depth : depth + 1;
        }
        if (type == END) {
            Token next = nextDefault(all, i);
            if (next != null && (next.getType() == IF || isWord(next, "LOOP", "WHILE", "REPEAT", "FOR"))) {
                return depth;
            }
            return Math.max(0, depth - 1);
        }
        return depth;
    }

    private static boolean isWord(Token token, String... words) {
        String text = token.getText();
        for (String w : words) {
            if (w.equalsIgnoreCase(text)) {
                return true;
            }
        }
        return false;
    }

    private static Token nextDefault(Token[] all, int i) {
        int j = nextDefaultIndex(all, i);
        return j < 0 ? null : all[j];
    }

    private static int nextDefaultIndex(Token[] all, int i) {
        for (int j = i + 1; j < all.length; j++) {
            Token t = all[j];
            if (t.getType() == Token.EOF) {
                return -1;
            }
            if (t.getChannel() == Token.DEFAULT_CHANNEL) {
                return j;
            }
        }
        return -1;
    }

    private static Token previousDefault(Token[] all, int i) {
        for (int j = i - 1; j >= 0; j--) {
            Token t = all[j];
            if (t.getChannel() == Token.DEFAULT_CHANNEL) {
                return t;
            }
        }
        return null;
    }

    /** GO is a batch separator only when nothing but whitespace and comments shares its line. */
    private static boolean aloneOnLine(Token[] all, int i, String text) {
        Token go = all[i];
        if (i > 0 && !lineBreakBetween(text, all[i - 1].getStopIndex() + 1, go.getStartIndex())) {
            return false;
        }
        Token next = i + 1 < all.length ? all[i + 1] : null;
        if (next == null || next.getType() == Token.EOF
                || lineBreakBetween(text, go.getStopIndex() + 1, next.getStartIndex())) {
            return true;
        }
        // GO 5 repeats the batch: still a separator when the count ends the line.
        Token after = i + 2 < all.length ? all[i + 2] : null;
        return next.getType() == NUMBER && (after == null || after.getType() == Token.EOF
                || lineBreakBetween(text, next.getStopIndex() + 1, after.getStartIndex()));
    }

    private static boolean lineBreakBetween(String text, int from, int to) {
        for (int k = Math.max(0, from); k < Math.min(to, text.length()); k++) {
            char c = text.charAt(k);
            if (c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }
}
