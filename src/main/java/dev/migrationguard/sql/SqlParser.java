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
        List<Token> all = lex(lexer(file.text(), file.path(), 0, file.text().length(), dialect), file.text().length());
        Reader reader = new Reader(file.text(), file.path(), dialect);
        List<SqlStatement> statements = new ArrayList<>();
        for (StatementSplitter.Chunk chunk : StatementSplitter.split(all, dialect, file.text())) {
            reader.read(chunk, statements, true);
        }
        return new SqlScript(file, dialect, statements, reader.problems);
    }

    /** A lexer for {@code text[from, to)} in a dialect; token offsets are offsets into {@code text}. */
    private static MigrationSqlLexer lexer(String text, String name, int from, int to, SqlDialect dialect) {
        MigrationSqlLexer lexer = new MigrationSqlLexer(new Utf16CharStream(text, name, from, to));
        lexer.removeErrorListeners();
        lexer.configure(dialect == SqlDialect.SQLSERVER, dialect == SqlDialect.MYSQL, dialect.isPostgresFamily(),
                dialect == SqlDialect.MYSQL);
        return lexer;
    }

    /** Reads the statements of one text (a file, or the unescaped text of an EXECUTE literal). */
    private static final class Reader {
        private final String text;
        private final String name;
        private final SqlDialect dialect;
        private final StatementBuilder builder;
        private final List<SqlProblem> problems = new ArrayList<>();
        private MigrationSqlParser parser = newParser();

        Reader(String text, String name, SqlDialect dialect) {
            this.text = text;
            this.name = name;
            this.dialect = dialect;
            this.builder = new StatementBuilder(text, dialect);
        }

        private static MigrationSqlParser newParser() {
            MigrationSqlParser parser = new MigrationSqlParser(null);
            parser.removeErrorListeners();
            return parser;
        }

        /**
         * Adds the statement(s) of one chunk to {@code out}. {@code topLevel} is false inside a PL/pgSQL body, where
         * {@code SELECT ... INTO} sets variables instead of creating a table.
         */
        void read(StatementSplitter.Chunk chunk, List<SqlStatement> out, boolean topLevel) {
            // An array, not the list: read token by token below, and C1 code calls a List slowly.
            Token[] tokens = chunk.tokens().toArray(new Token[0]);
            Token bad = firstUnreadableToken(tokens);
            if (bad != null) {
                problems.add(new SqlProblem(unreadableSpan(bad), describeUnreadable(bad)));
                out.add(new SqlStatement.Other(chunk.span(), keyword(chunk)));
                return;
            }
            if (!SqlCommands.startsCommand(dialect, chunk.first().getText())) {
                problems.add(new SqlProblem(span(chunk.first()), describe(chunk.first()) + " starts no "
                        + dialect.displayName() + " statement, so the database rejects it"));
                out.add(new SqlStatement.Other(chunk.span(), keyword(chunk)));
                return;
            }
            if (topLevel && dialect.isPostgresFamily() && isWord(chunk.first(), "DO")) {
                SqlStatement.DoBlock block = doBlock(chunk);
                if (block != null) {
                    out.add(block);
                    out.addAll(block.statements());
                    return;
                }
            }
            if (topLevel && dialect.isPostgresFamily()) {
                SqlStatement.CreateTable selectInto = selectInto(chunk);
                if (selectInto != null) {
                    out.add(selectInto);
                    return;
                }
            }
            if (!isDeepStatement(chunk)) {
                out.add(new SqlStatement.Other(chunk.span(), keyword(chunk)));
                return;
            }
            Token tooDeep = tooDeepToken(tokens);
            if (tooDeep != null) {
                problems.add(new SqlProblem(span(tooDeep), "the " + keyword(chunk) + " statement nests parentheses"
                        + " deeper than " + MAX_NESTING + " levels; it is not read"));
                out.add(new SqlStatement.Other(chunk.span(), keyword(chunk)));
                return;
            }
            MigrationSqlParser.DdlStatementContext tree;
            try {
                tree = parseChunk(parser, tokens, chunk, problems);
            } catch (StackOverflowError e) {
                // A safety net for nesting the depth check does not count; the statement is reported, not fatal.
                parser = newParser();
                problems.add(new SqlProblem(span(chunk.first()), "the " + keyword(chunk)
                        + " statement is nested too deeply to read"));
                out.add(new SqlStatement.Other(chunk.span(), keyword(chunk)));
                return;
            }
            if (tree == null) {
                out.add(new SqlStatement.Other(chunk.span(), keyword(chunk)));
            } else {
                builder.build(tree, chunk.span(), out);
            }
        }

        /**
         * {@code DO [LANGUAGE plpgsql] $$ body $$ [LANGUAGE plpgsql]} with the SQL statements of its body, or
         * {@code null} when the body is in another language or not read (the block then stays one unread statement).
         */
        private SqlStatement.DoBlock doBlock(StatementSplitter.Chunk chunk) {
            List<Token> t = chunk.tokens();
            Token body = null;
            for (int i = 1; i < t.size(); i++) {
                Token token = t.get(i);
                if (isWord(token, "LANGUAGE") && i + 1 < t.size()) {
                    String language = SqlLiterals.identifierName(t.get(i + 1).getText(), true);
                    if (!language.equals("plpgsql") && !SqlLiterals.unquoteString(t.get(i + 1).getText())
                            .equalsIgnoreCase("plpgsql")) {
                        return null;
                    }
                    i++;
                } else if (body == null && PlpgsqlBody.isStringLiteral(token)) {
                    body = token;
                } else {
                    return null;
                }
            }
            if (body == null || body.getType() != DOLLAR_STRING) {
                return null;
            }
            int tag = body.getText().indexOf('$', 1) + 1;
            int from = body.getStartIndex() + tag;
            int to = body.getStopIndex() + 1 - tag;
            List<PlpgsqlBody.Piece> pieces = PlpgsqlBody.read(defaultTokens(lex(lexer(text, name, from, to,
                    dialect), to - from)));
            if (pieces == null) {
                return null;
            }
            List<SqlStatement> inner = new ArrayList<>();
            List<Span> conditional = new ArrayList<>();
            for (PlpgsqlBody.Piece piece : pieces) {
                int before = inner.size();
                if (piece instanceof PlpgsqlBody.Sql sql) {
                    read(new StatementSplitter.Chunk(sql.tokens()), inner, false);
                } else if (piece instanceof PlpgsqlBody.Execute execute) {
                    readLiteral(execute.literal(), inner);
                } else {
                    StatementSplitter.Chunk dynamic = new StatementSplitter.Chunk(((PlpgsqlBody.Dynamic) piece).tokens());
                    inner.add(new SqlStatement.Other(dynamic.span(), "EXECUTE"));
                }
                if (piece.conditional()) {
                    for (int k = before; k < inner.size(); k++) {
                        conditional.add(inner.get(k).span());
                    }
                }
            }
            return new SqlStatement.DoBlock(chunk.span(), inner, conditional);
        }

        /** The statements of an EXECUTE literal, with spans into this text. */
        private void readLiteral(Token literal, List<SqlStatement> out) {
            String raw = literal.getText();
            int open;
            int close;
            if (literal.getType() == DOLLAR_STRING) {
                open = raw.indexOf('$', 1) + 1;
                close = open;
            } else {
                open = literal.getType() == ESCAPE_STRING ? 2 : 1;
                close = 1;
            }
            int from = literal.getStartIndex() + open;
            int to = literal.getStopIndex() + 1 - close;
            String content = text.substring(from, to);
            boolean verbatim = literal.getType() == DOLLAR_STRING
                    || content.indexOf('\'') < 0 && (literal.getType() != ESCAPE_STRING || content.indexOf('\\') < 0);
            if (verbatim) {
                List<Token> tokens = lex(lexer(text, name, from, to, dialect), to - from);
                for (StatementSplitter.Chunk chunk : StatementSplitter.split(tokens, dialect, text)) {
                    read(chunk, out, false);
                }
                return;
            }
            // Quotes are doubled (or escaped) in the literal: read its value, then move every span back into the file.
            int[] offsets = new int[content.length() + 1];
            String value = SqlLiterals.unescapeWithOffsets(content, from, literal.getType() == ESCAPE_STRING, offsets);
            Reader inner = new Reader(value, name, dialect);
            List<SqlStatement> statements = new ArrayList<>();
            List<Token> tokens = lex(lexer(value, name, 0, value.length(), dialect), value.length());
            for (StatementSplitter.Chunk chunk : StatementSplitter.split(tokens, dialect, value)) {
                inner.read(chunk, statements, false);
            }
            for (SqlStatement statement : statements) {
                out.add(SpanRemap.remap(statement, offsets));
            }
            for (SqlProblem problem : inner.problems) {
                problems.add(SpanRemap.remap(problem, offsets));
            }
        }

        /**
         * PostgreSQL's {@code SELECT ... INTO [TEMP | UNLOGGED] [TABLE] name FROM ...}, which creates a table, as a
         * CREATE TABLE without columns (as CREATE TABLE ... AS); {@code null} for any other statement.
         */
        private SqlStatement.CreateTable selectInto(StatementSplitter.Chunk chunk) {
            List<Token> t = chunk.tokens();
            int head = t.get(0).getType();
            if (head != WITH && !isWord(t.get(0), "SELECT")) {
                return null;
            }
            int depth = 0;
            boolean select = false;
            for (int i = 0; i < t.size(); i++) {
                Token token = t.get(i);
                int type = token.getType();
                if (type == LPAREN || type == LBRACKET) {
                    depth++;
                } else if ((type == RPAREN || type == RBRACKET) && depth > 0) {
                    depth--;
                } else if (depth == 0 && (isWord(token, "INSERT") || type == UPDATE || type == DELETE
                        || isWord(token, "MERGE"))) {
                    return null;
                } else if (depth == 0 && isWord(token, "SELECT")) {
                    select = true;
                } else if (depth == 0 && select && isWord(token, "INTO")) {
                    int j = i + 1;
                    boolean temporary = false;
                    while (j < t.size() && (t.get(j).getType() == TEMP || t.get(j).getType() == TEMPORARY
                            || t.get(j).getType() == UNLOGGED || t.get(j).getType() == LOCAL
                            || t.get(j).getType() == GLOBAL)) {
                        temporary |= t.get(j).getType() == TEMP || t.get(j).getType() == TEMPORARY;
                        j++;
                    }
                    if (j < t.size() && t.get(j).getType() == TABLE) {
                        j++;
                    }
                    QualifiedName table = qualifiedName(t, j);
                    return table == null ? null : new SqlStatement.CreateTable(chunk.span(), table, false, temporary,
                            List.of(), List.of(), "");
                }
            }
            return null;
        }

        /** A name of one or two parts at {@code t[j]}, or {@code null}. */
        private QualifiedName qualifiedName(List<Token> t, int j) {
            if (j >= t.size() || !isName(t.get(j))) {
                return null;
            }
            Token last = t.get(j);
            Token schema = null;
            if (j + 2 < t.size() && t.get(j + 1).getType() == DOT && isName(t.get(j + 2))) {
                schema = last;
                last = t.get(j + 2);
            }
            boolean fold = dialect.foldsUnquotedToLowerCase();
            Token first = schema == null ? last : schema;
            return new QualifiedName(schema == null ? null : SqlLiterals.identifierName(schema.getText(), fold),
                    SqlLiterals.identifierName(last.getText(), fold),
                    new Span(first.getStartIndex(), last.getStopIndex() + 1));
        }

        private static boolean isName(Token token) {
            int type = token.getType();
            return type == IDENTIFIER || type == QUOTED_IDENTIFIER;
        }
    }

    private static boolean isWord(Token token, String word) {
        return token.getText().equalsIgnoreCase(word);
    }

    /** The tokens the parser reads: without EOF (comments and whitespace are skipped by the lexer). */
    private static List<Token> defaultTokens(List<Token> tokens) {
        List<Token> out = new ArrayList<>(tokens.size());
        for (Token token : tokens) {
            if (token.getType() != Token.EOF && token.getChannel() == Token.DEFAULT_CHANNEL) {
                out.add(token);
            }
        }
        return out;
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

    /** An unclosed comment runs to the end of the file; the problem points at its opening mark. */
    private static Span unreadableSpan(Token token) {
        Span whole = span(token);
        return token.getType() == UNTERMINATED_COMMENT
                ? new Span(whole.start(), Math.min(whole.end(), whole.start() + 2)) : whole;
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
