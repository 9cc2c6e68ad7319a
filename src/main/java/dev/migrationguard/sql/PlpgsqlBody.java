package dev.migrationguard.sql;

import static dev.migrationguard.sql.grammar.MigrationSqlLexer.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.antlr.v4.runtime.Token;

/**
 * The structure of a PL/pgSQL block ({@code [DECLARE ...] BEGIN ... [EXCEPTION WHEN ... THEN ...] END}), read from
 * its tokens far enough to find the SQL statements it runs: the statements of the block and of nested blocks, IF,
 * CASE and loops, and {@code EXECUTE 'literal'}. PL/pgSQL's own statements (assignments, PERFORM, RAISE, RETURN,
 * cursor and transaction control) change no schema and are left out. A body whose structure it does not
 * recognise gives {@code null}: the caller keeps the whole block as one unread statement.
 */
final class PlpgsqlBody {
    /** One SQL statement of the body. */
    sealed interface Piece {
        /** Whether it may not run, or its error is caught: under IF, CASE or a loop, or in a block with EXCEPTION. */
        boolean conditional();
    }

    /** A statement written in the body; {@code tokens} without its {@code ;}. */
    record Sql(List<Token> tokens, boolean conditional) implements Piece {
    }

    /** {@code EXECUTE 'literal'}: the statement is the literal's text. */
    record Execute(Token literal, boolean conditional) implements Piece {
    }

    /** {@code EXECUTE} of a computed string, whose statement is unknown; {@code tokens} without its {@code ;}. */
    record Dynamic(List<Token> tokens, boolean conditional) implements Piece {
    }

    /** Words that start a statement of PL/pgSQL itself rather than SQL, among those SQL also starts with. */
    private static final Set<String> PLPGSQL_ONLY = Set.of("FETCH", "MOVE", "CLOSE", "COMMIT", "ROLLBACK", "DECLARE",
            "BEGIN", "END", "EXECUTE", "DO", "CALL", "RESET");

    private static final class Unreadable extends RuntimeException {
        Unreadable() {
            super(null, null, false, false);
        }
    }

    private final List<Token> tokens;
    private final List<Piece> pieces = new ArrayList<>();
    private int i;

    private PlpgsqlBody(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** The SQL statements of a body's tokens (default channel, without EOF) in order, or {@code null}. */
    static List<Piece> read(List<Token> tokens) {
        PlpgsqlBody body = new PlpgsqlBody(tokens);
        try {
            body.block(false);
            if (body.at(SEMI)) {
                body.i++;
            }
            return body.i == tokens.size() ? body.pieces : null;
        } catch (Unreadable e) {
            return null;
        }
    }

    private void block(boolean conditional) {
        label();
        if (word("DECLARE")) {
            while (!at(BEGIN)) {
                next();
            }
        }
        expect(BEGIN);
        int first = pieces.size();
        statements(conditional, "END", "EXCEPTION");
        if (word("EXCEPTION")) {
            i++;
            // An error in the block is caught: none of its statements stops the migration.
            for (int p = first; p < pieces.size(); p++) {
                pieces.set(p, asConditional(pieces.get(p)));
            }
            while (word("WHEN")) {
                skipTo("THEN");
                i++;
                statements(true, "WHEN", "END");
            }
        }
        expect(END);
        if (at(IDENTIFIER) && !at(SEMI)) {
            i++;
        }
    }

    private static Piece asConditional(Piece piece) {
        if (piece instanceof Sql s) {
            return new Sql(s.tokens(), true);
        }
        if (piece instanceof Execute e) {
            return new Execute(e.literal(), true);
        }
        Dynamic d = (Dynamic) piece;
        return new Dynamic(d.tokens(), true);
    }

    private void statements(boolean conditional, String... stops) {
        while (true) {
            if (i >= tokens.size()) {
                throw new Unreadable();
            }
            for (String stop : stops) {
                if (word(stop)) {
                    return;
                }
            }
            statement(conditional);
        }
    }

    private void statement(boolean conditional) {
        label();
        if (at(BEGIN) || word("DECLARE")) {
            block(conditional);
            expect(SEMI);
        } else if (at(IF)) {
            i++;
            skipTo("THEN");
            i++;
            while (true) {
                statements(true, "ELSIF", "ELSEIF", "ELSE", "END");
                if (word("ELSIF") || word("ELSEIF")) {
                    skipTo("THEN");
                    i++;
                } else if (word("ELSE")) {
                    i++;
                } else {
                    break;
                }
            }
            expect(END);
            expect(IF);
            expect(SEMI);
        } else if (at(CASE)) {
            skipTo("WHEN");
            while (word("WHEN")) {
                skipTo("THEN");
                i++;
                statements(true, "WHEN", "ELSE", "END");
            }
            if (word("ELSE")) {
                i++;
                statements(true, "END");
            }
            expect(END);
            expect(CASE);
            expect(SEMI);
        } else if (word("LOOP") || word("WHILE") || at(FOR) || word("FOREACH")) {
            skipTo("LOOP");
            i++;
            statements(true, "END");
            expect(END);
            if (!word("LOOP")) {
                throw new Unreadable();
            }
            i++;
            if (at(IDENTIFIER) && !word("LOOP")) {
                i++;
            }
            expect(SEMI);
        } else if (at(EXECUTE)) {
            int start = i;
            i++;
            Token literal = i < tokens.size() ? tokens.get(i) : null;
            List<Token> statement = untilSemicolon(start);
            boolean plain = literal != null && isStringLiteral(literal) && (statement.size() == 2
                    || word(statement.get(2), "INTO") || word(statement.get(2), "USING"));
            pieces.add(plain ? new Execute(literal, conditional) : new Dynamic(statement, conditional));
        } else {
            List<Token> statement = untilSemicolon(i);
            String first = statement.get(0).getText().toUpperCase(Locale.ROOT);
            if (SqlCommands.startsCommand(SqlDialect.POSTGRESQL, first) && !PLPGSQL_ONLY.contains(first)) {
                pieces.add(new Sql(statement, conditional));
            }
        }
    }

    /** The tokens from {@code start} up to the next {@code ;} outside parentheses, which is consumed. */
    private List<Token> untilSemicolon(int start) {
        i = start;
        int depth = 0;
        while (true) {
            if (i >= tokens.size()) {
                throw new Unreadable();
            }
            int type = tokens.get(i).getType();
            if (type == LPAREN || type == LBRACKET) {
                depth++;
            } else if ((type == RPAREN || type == RBRACKET) && depth > 0) {
                depth--;
            } else if (type == SEMI && depth == 0) {
                break;
            }
            i++;
        }
        if (i == start) {
            i++;
            throw new Unreadable();
        }
        List<Token> statement = List.copyOf(tokens.subList(start, i));
        i++;
        return statement;
    }

    /** Moves to the next {@code word} outside parentheses (the end of a condition or a loop header). */
    private void skipTo(String word) {
        int depth = 0;
        while (true) {
            if (i >= tokens.size() || at(SEMI) && depth == 0) {
                throw new Unreadable();
            }
            int type = tokens.get(i).getType();
            if (type == LPAREN || type == LBRACKET) {
                depth++;
            } else if ((type == RPAREN || type == RBRACKET) && depth > 0) {
                depth--;
            } else if (depth == 0 && word(word)) {
                return;
            }
            i++;
        }
    }

    /** Skips a {@code <<label>>}. */
    private void label() {
        if (i + 2 < tokens.size() && tokens.get(i).getText().equals("<<") && tokens.get(i + 2).getText().equals(">>")) {
            i += 3;
        }
    }

    private void next() {
        if (++i >= tokens.size()) {
            throw new Unreadable();
        }
    }

    private void expect(int type) {
        if (!at(type)) {
            throw new Unreadable();
        }
        i++;
    }

    private boolean at(int type) {
        return i < tokens.size() && tokens.get(i).getType() == type;
    }

    private boolean word(String word) {
        return i < tokens.size() && word(tokens.get(i), word);
    }

    private static boolean word(Token token, String word) {
        return token.getText().equalsIgnoreCase(word);
    }

    static boolean isStringLiteral(Token token) {
        int type = token.getType();
        return type == STRING || type == ESCAPE_STRING || type == DOLLAR_STRING;
    }
}
