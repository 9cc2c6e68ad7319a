package dev.migrationguard.sql;

import static dev.migrationguard.sql.grammar.MigrationSqlLexer.*;

import dev.migrationguard.sql.grammar.MigrationSqlLexer;
import dev.migrationguard.sql.grammar.MigrationSqlParser;
import dev.migrationguard.workspace.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.WritableToken;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Parses a migration SQL file: lexes it once, splits it into statements, then parses each DDL statement on its
 * own (SLL prediction first, full LL only when SLL fails). Never throws on bad input: what cannot be read becomes
 * a {@link SqlProblem} at the first bad token, and parsing goes on with the next statement.
 */
public final class SqlParser {

    /** Parentheses nested deeper than this in one DDL statement are reported instead of parsed. */
    static final int MAX_NESTING = 500;

    private SqlParser() {
    }

    public static SqlScript parse(SourceFile file, SqlDialect dialect) {
        try {
            return parseStatements(file, dialect);
        } catch (StackOverflowError e) {
            // Only pathological input (comments nested thousands deep) gets here: report it, never crash.
            return new SqlScript(file, dialect, List.of(), List.of(new SqlProblem(new Span(0, 0),
                    "the file nests comments or parentheses too deeply to be read")));
        }
    }

    private static SqlScript parseStatements(SourceFile file, SqlDialect dialect) {
        MigrationSqlLexer lexer = new MigrationSqlLexer(new Utf16CharStream(file.text(), file.path()));
        lexer.removeErrorListeners();
        lexer.configure(dialect == SqlDialect.SQLSERVER, dialect == SqlDialect.MYSQL, dialect.isPostgresFamily(),
                dialect == SqlDialect.MYSQL);
        List<Token> all = lex(lexer, file.text().length());
        List<SqlStatement> statements = new ArrayList<>();
        List<SqlProblem> problems = new ArrayList<>();
        MigrationSqlParser parser = new MigrationSqlParser(null);
        parser.removeErrorListeners();
        StatementBuilder builder = new StatementBuilder(file.text(), dialect);
        for (StatementSplitter.Chunk chunk : StatementSplitter.split(all, dialect, file.text())) {
            // An array, not the list: read token by token below, and C1 code calls a List slowly.
            Token[] tokens = chunk.tokens().toArray(new Token[0]);
            Token bad = firstUnreadableToken(tokens);
            if (bad != null) {
                problems.add(new SqlProblem(span(bad), describeUnreadable(bad)));
                statements.add(new SqlStatement.Other(chunk.span(), keyword(chunk)));
                continue;
            }
            if (!isDeepStatement(chunk)) {
                statements.add(new SqlStatement.Other(chunk.span(), keyword(chunk)));
                continue;
            }
            Token tooDeep = tooDeepToken(tokens);
            if (tooDeep != null) {
                problems.add(new SqlProblem(span(tooDeep), "the " + keyword(chunk) + " statement nests parentheses"
                        + " deeper than " + MAX_NESTING + " levels; it is not read"));
                statements.add(new SqlStatement.Other(chunk.span(), keyword(chunk)));
                continue;
            }
            MigrationSqlParser.DdlStatementContext tree;
            try {
                tree = parseChunk(parser, tokens, chunk, problems);
            } catch (StackOverflowError e) {
                // A safety net for nesting the depth check does not count; the statement is reported, not fatal.
                parser = new MigrationSqlParser(null);
                parser.removeErrorListeners();
                problems.add(new SqlProblem(span(chunk.first()), "the " + keyword(chunk)
                        + " statement is nested too deeply to read"));
                statements.add(new SqlStatement.Other(chunk.span(), keyword(chunk)));
                continue;
            }
            if (tree == null) {
                statements.add(new SqlStatement.Other(chunk.span(), keyword(chunk)));
            } else {
                builder.build(tree, chunk.span(), statements);
            }
        }
        return new SqlScript(file, dialect, statements, problems);
    }

    /** Every token of the file up to and including EOF (what {@code CommonTokenStream.fill()} gave, without its buffer). */
    private static List<Token> lex(MigrationSqlLexer lexer, int length) {
        List<Token> tokens = new ArrayList<>(Math.max(16, length / 8));
        Token token;
        do {
            token = lexer.nextToken();
            ((WritableToken) token).setTokenIndex(tokens.size());
            tokens.add(token);
        } while (token.getType() != Token.EOF);
        return tokens;
    }

    private static MigrationSqlParser.DdlStatementContext parseChunk(MigrationSqlParser parser, Token[] chunkTokens,
                                                                     StatementSplitter.Chunk chunk,
                                                                     List<SqlProblem> problems) {
        ChunkTokenStream tokens = new ChunkTokenStream(chunkTokens);
        parser.setTokenStream(tokens);
        parser.setErrorHandler(new BailErrorStrategy());
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        try {
            return parser.ddlStatement();
        } catch (ParseCancellationException sllFailed) {
            tokens.seek(0);
            parser.setTokenStream(tokens);
            parser.setErrorHandler(new DefaultErrorStrategy());
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            FirstError listener = new FirstError();
            parser.addErrorListener(listener);
            try {
                MigrationSqlParser.DdlStatementContext tree = parser.ddlStatement();
                if (listener.token == null) {
                    return tree;
                }
                problems.add(problemAt(listener.token, chunk));
                return null;
            } finally {
                parser.removeErrorListeners();
            }
        }
    }

    /** Remembers the first syntax error of a statement. */
    private static final class FirstError extends BaseErrorListener {
        Token token;

        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
                                String msg, RecognitionException e) {
            if (token == null && offendingSymbol instanceof Token t) {
                token = t;
            }
        }
    }

    private static SqlProblem problemAt(Token token, StatementSplitter.Chunk chunk) {
        String statement = keyword(chunk);
        if (token.getType() == Token.EOF) {
            Token last = chunk.last();
            int end = last.getStopIndex() + 1;
            return new SqlProblem(new Span(end, end), "the " + statement + " statement ends before it is complete");
        }
        return new SqlProblem(span(token),
                "unexpected " + describe(token) + " in the " + statement + " statement");
    }

    private static Span span(Token token) {
        return new Span(token.getStartIndex(), token.getStopIndex() + 1);
    }

    private static String describe(Token token) {
        String text = token.getText();
        if (text.length() > 40) {
            text = text.substring(0, 37) + "...";
        }
        return "'" + text.replace("\n", " ") + "'";
    }

    /**
     * The token where a statement's parentheses or brackets pass {@link #MAX_NESTING} levels, or {@code null}. The
     * grammar recurses once per level; deeper statements would overflow the stack (a CHECK of 5,000 nested
     * parentheses did).
     */
    private static Token tooDeepToken(Token[] tokens) {
        int depth = 0;
        for (Token t : tokens) {
            int type = t.getType();
            if (type == LPAREN || type == LBRACKET) {
                if (++depth > MAX_NESTING) {
                    return t;
                }
            } else if ((type == RPAREN || type == RBRACKET) && depth > 0) {
                depth--;
            }
        }
        return null;
    }

    private static Token firstUnreadableToken(Token[] tokens) {
        for (Token t : tokens) {
            int type = t.getType();
            if (type == ERROR_CHAR || type == UNTERMINATED_STRING || type == UNTERMINATED_QUOTE
                    || type == UNTERMINATED_DOLLAR_STRING || type == UNTERMINATED_COMMENT) {
                return t;
            }
        }
        return null;
    }

    private static String describeUnreadable(Token token) {
        return switch (token.getType()) {
            case UNTERMINATED_STRING -> "string literal is not closed before the end of the file";
            case UNTERMINATED_QUOTE -> "quoted name is not closed before the end of the file";
            case UNTERMINATED_COMMENT -> "block comment is not closed before the end of the file";
            case UNTERMINATED_DOLLAR_STRING -> "dollar-quoted string " + dollarTag(token)
                    + " is not closed before the end of the file";
            default -> "unexpected character " + describe(token);
        };
    }

    private static String dollarTag(Token token) {
        String text = token.getText();
        int end = text.indexOf('$', 1);
        return end > 0 ? text.substring(0, end + 1) : "$$";
    }

    /** Whether a statement starts like one of the DDL forms the grammar reads in depth. */
    static boolean isDeepStatement(StatementSplitter.Chunk chunk) {
        List<Token> t = chunk.tokens();
        int head = t.get(0).getType();
        int i = 1;
        switch (head) {
            case CREATE -> {
                if (typeAt(t, i) == OR && typeAt(t, i + 1) == REPLACE) {
                    i += 2;
                }
                while (oneOf(typeAt(t, i), GLOBAL, LOCAL, TEMP, TEMPORARY, UNLOGGED, UNIQUE, CLUSTERED,
                        NONCLUSTERED, FULLTEXT, SPATIAL, MATERIALIZED, RECURSIVE)) {
                    i++;
                }
                return oneOf(typeAt(t, i), TABLE, INDEX, TYPE, SCHEMA, EXTENSION, SEQUENCE, VIEW);
            }
            case ALTER -> {
                return oneOf(typeAt(t, i), TABLE, TYPE, SEQUENCE);
            }
            case DROP -> {
                if (typeAt(t, i) == MATERIALIZED) {
                    return typeAt(t, i + 1) == VIEW;
                }
                return oneOf(typeAt(t, i), TABLE, INDEX, TYPE, SCHEMA, EXTENSION, SEQUENCE, VIEW);
            }
            case TRUNCATE -> {
                return true;
            }
            case COMMENT -> {
                return typeAt(t, i) == ON;
            }
            case RENAME -> {
                return typeAt(t, i) == TABLE;
            }
            case EXEC, EXECUTE -> {
                int j = i;
                while (j + 1 < t.size() && t.get(j + 1).getType() == DOT) {
                    j += 2;
                }
                return j < t.size() && t.get(j).getText().equalsIgnoreCase("sp_rename");
            }
            default -> {
                return false;
            }
        }
    }

    private static int typeAt(List<Token> tokens, int i) {
        return i < tokens.size() ? tokens.get(i).getType() : Token.EOF;
    }

    private static boolean oneOf(int type, int... types) {
        for (int candidate : types) {
            if (type == candidate) {
                return true;
            }
        }
        return false;
    }

    /** The leading words of a statement for messages and {@link SqlStatement.Other#keyword()}. */
    static String keyword(StatementSplitter.Chunk chunk) {
        List<Token> t = chunk.tokens();
        String first = t.get(0).getText().toUpperCase(Locale.ROOT);
        int head = t.get(0).getType();
        if ((head == CREATE || head == ALTER || head == DROP || head == BEGIN || head == END) && t.size() > 1) {
            int i = 1;
            if (typeAt(t, i) == OR && t.size() > i + 2) {
                i += 2;
            }
            Token second = t.get(i);
            if (second.getType() != IDENTIFIER || head == CREATE || head == DROP || head == ALTER) {
                return first + " " + second.getText().toUpperCase(Locale.ROOT);
            }
        }
        return first;
    }
}
