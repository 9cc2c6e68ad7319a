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

    static List<Chunk> split(List<? extends Token> all, SqlDialect dialect) {
        List<Chunk> chunks = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        boolean body = false;
        int depth = 0;
        boolean sqlServer = dialect == SqlDialect.SQLSERVER;
        int n = all.size();
        for (int i = 0; i < n; i++) {
            Token t = all.get(i);
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
            if (sqlServer && type == GO && aloneOnLine(all, i)) {
                flush(chunks, current);
                current = new ArrayList<>();
                body = false;
                depth = 0;
                continue;
            }
            if (sqlServer && depth == 0 && (type == BEGIN || type == END)) {
                int nextIndex = nextDefaultIndex(all, i);
                Token next = nextIndex < 0 ? null : all.get(nextIndex);
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

    private static int trackBlocks(List<? extends Token> all, int i, int type, int depth) {
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

    private static Token nextDefault(List<? extends Token> all, int i) {
        int j = nextDefaultIndex(all, i);
        return j < 0 ? null : all.get(j);
    }

    private static int nextDefaultIndex(List<? extends Token> all, int i) {
        for (int j = i + 1; j < all.size(); j++) {
            Token t = all.get(j);
            if (t.getType() == Token.EOF) {
                return -1;
            }
            if (t.getChannel() == Token.DEFAULT_CHANNEL) {
                return j;
            }
        }
        return -1;
    }

    private static Token previousDefault(List<? extends Token> all, int i) {
        for (int j = i - 1; j >= 0; j--) {
            Token t = all.get(j);
            if (t.getChannel() == Token.DEFAULT_CHANNEL) {
                return t;
            }
        }
        return null;
    }

    /** GO is a batch separator only when nothing but whitespace and comments shares its line. */
    private static boolean aloneOnLine(List<? extends Token> all, int i) {
        for (int j = i - 1; j >= 0; j--) {
            Token t = all.get(j);
            if (t.getType() == WS && t.getText().indexOf('\n') >= 0 || t.getType() == LINE_COMMENT) {
                break;
            }
            if (t.getChannel() == Token.DEFAULT_CHANNEL) {
                return false;
            }
            if (t.getText().indexOf('\n') >= 0) {
                break;
            }
        }
        for (int j = i + 1; j < all.size(); j++) {
            Token t = all.get(j);
            if (t.getType() == Token.EOF || t.getType() == LINE_COMMENT) {
                return true;
            }
            if (t.getChannel() == Token.DEFAULT_CHANNEL) {
                return t.getType() == NUMBER && isLineEndAfter(all, j);
            }
            if (t.getText().indexOf('\n') >= 0) {
                return true;
            }
        }
        return true;
    }

    private static boolean isLineEndAfter(List<? extends Token> all, int j) {
        Token next = j + 1 < all.size() ? all.get(j + 1) : null;
        return next == null || next.getType() == Token.EOF || next.getText().indexOf('\n') >= 0;
    }
}
