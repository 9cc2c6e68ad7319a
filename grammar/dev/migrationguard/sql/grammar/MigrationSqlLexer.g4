/*
 * Tokens of migration SQL in every dialect Prisma writes (PostgreSQL, CockroachDB, MySQL, SQLite, SQL Server).
 * Dialect differences are switched by predicates set through configure(): bracket identifiers (SQL Server),
 * backslash escapes in strings and '#' comments (MySQL), dollar quoting (PostgreSQL family). The predicates sit at
 * the right edge of their rules: a predicate at the left edge is evaluated at every token start, which stops the
 * lexer from caching its start state and makes it about fifty times slower.
 * The lexer never fails: a character it cannot read becomes an ERROR_CHAR token that the parser reports.
 */
lexer grammar MigrationSqlLexer;

options { caseInsensitive = true; }

@members {
    private boolean bracketIdentifiers;
    private boolean backslashEscapes;
    private boolean dollarQuotes = true;
    private boolean hashComments;
    private boolean nestedComments = true;

    /** Switches the dialect-dependent token rules. */
    public void configure(boolean bracketIdentifiers, boolean backslashEscapes, boolean dollarQuotes, boolean hashComments) {
        this.bracketIdentifiers = bracketIdentifiers;
        this.backslashEscapes = backslashEscapes;
        this.dollarQuotes = dollarQuotes;
        this.hashComments = hashComments;
        // MySQL and SQLite end a comment at the first */; PostgreSQL and SQL Server nest them.
        this.nestedComments = !backslashEscapes && !hashComments && (dollarQuotes || bracketIdentifiers);
    }

    /**
     * After the opening mark, reads up to the closing one; with nesting, on until every opened comment is closed.
     * An unclosed comment runs to the end of the file, as the database reads it. Done here rather than with a
     * recursive rule (exponential on deep nesting) or {@code .*?} (quadratic on many unclosed openings).
     */
    private void finishBlockComment() {
        int depth = 1;
        while (depth > 0) {
            int c = _input.LA(1);
            if (c == org.antlr.v4.runtime.IntStream.EOF) {
                setType(UNTERMINATED_COMMENT);
                return;
            }
            if (c == '/' && _input.LA(2) == '*' && nestedComments) {
                depth++;
                getInterpreter().consume(_input);
            } else if (c == '*' && _input.LA(2) == '/') {
                depth--;
                getInterpreter().consume(_input);
            }
            getInterpreter().consume(_input);
        }
        skip();
    }

    /** Where a scan for a closing ']' reached the end of the file: no bracket identifier opens at or after it. */
    private int unclosedBracketFrom = Integer.MAX_VALUE;

    /**
     * After the opening quote of a string or quoted name was matched, reads up to and including its closing quote
     * (a doubled quote stands for one; with {@code backslash}, a backslash escapes the next character). Without a
     * closing quote the token runs to the end of the file as {@code unterminated}, as the database reads it. Done
     * here rather than with alternatives in the rule: the lexer tried each alternative up to the end of the file
     * at every quote, which made {@code '\'\'\'...} quadratic (400 KB took 79 s).
     */
    private void readQuoted(int quote, boolean backslash, int unterminated) {
        while (true) {
            int c = _input.LA(1);
            if (c == org.antlr.v4.runtime.IntStream.EOF) {
                setType(unterminated);
                return;
            }
            getInterpreter().consume(_input);
            if (c == '\\' && backslash) {
                if (_input.LA(1) != org.antlr.v4.runtime.IntStream.EOF) {
                    getInterpreter().consume(_input);
                }
            } else if (c == quote) {
                if (_input.LA(1) != quote) {
                    return;
                }
                getInterpreter().consume(_input);
            }
        }
    }

    /**
     * SQL Server's [name] (with ]] for ]): reads up to the closing bracket, or stays a lone '[' when there is none.
     * A scan that found none is remembered, so a file of unclosed brackets is read in linear time.
     */
    private void readBracketBody() {
        if (!bracketIdentifiers || _tokenStartCharIndex >= unclosedBracketFrom) {
            setType(LBRACKET);
            return;
        }
        int k = 1;
        while (true) {
            int c = _input.LA(k);
            if (c == org.antlr.v4.runtime.IntStream.EOF) {
                unclosedBracketFrom = _tokenStartCharIndex;
                setType(LBRACKET);
                return;
            }
            if (c == ']') {
                if (_input.LA(k + 1) == ']') {
                    k += 2;
                    continue;
                }
                break;
            }
            k++;
        }
        for (int i = 0; i < k; i++) {
            getInterpreter().consume(_input);
        }
    }

    /** A MySQL '#' comment to the end of the line; elsewhere '#' starts an operator ({@code #>>}, {@code #-}). */
    private void readHash() {
        if (hashComments) {
            for (int c = _input.LA(1); c != org.antlr.v4.runtime.IntStream.EOF && c != '\n' && c != '\r';
                    c = _input.LA(1)) {
                getInterpreter().consume(_input);
            }
            skip();
            return;
        }
        while ("+*<>~!@#%^&|?:\\{}".indexOf(_input.LA(1)) >= 0 && _input.LA(1) >= 0) {
            getInterpreter().consume(_input);
        }
        setType(OPERATOR);
    }

    /** After an opening dollar tag was matched, reads up to and including the same closing tag (or to the end). */
    private void readDollarBody() {
        String tag = getText();
        int n = tag.length();
        while (true) {
            int c = _input.LA(1);
            if (c == org.antlr.v4.runtime.IntStream.EOF) {
                setType(UNTERMINATED_DOLLAR_STRING);
                return;
            }
            if (c == '$') {
                boolean closes = true;
                for (int i = 1; i < n; i++) {
                    if (_input.LA(i + 1) != tag.charAt(i)) {
                        closes = false;
                        break;
                    }
                }
                if (closes) {
                    for (int i = 0; i < n; i++) {
                        getInterpreter().consume(_input);
                    }
                    return;
                }
            }
            getInterpreter().consume(_input);
        }
    }
}

tokens { UNTERMINATED_DOLLAR_STRING, UNTERMINATED_COMMENT, UNTERMINATED_STRING, UNTERMINATED_QUOTE }

// Whitespace and comments are skipped, not kept on a hidden channel: half the tokens of a migration are
// whitespace, and nothing downstream needs them (positions come from the source text).
WS            : [ \t\r\n\f\u000B\u00A0\u2028\u2029\uFEFF]+ -> skip;
LINE_COMMENT  : '--' ~[\r\n]* -> skip;
// '#' is read by an action, not a predicate: a predicate keeps the lexer from caching its states (every '#' cost
// twenty times a plain token), and one at the end of the line made each '#' of a long line rescan the line.
HASH_COMMENT  : '#' { readHash(); };
BLOCK_COMMENT : '/*' { finishBlockComment(); };

// Keywords (kept in sync with the identifier rules of the parser).
ACTION: 'ACTION'; ADD: 'ADD'; ALGORITHM: 'ALGORITHM'; ATTACH: 'ATTACH'; CLUSTER: 'CLUSTER'; CONVERT: 'CONVERT';
DETACH: 'DETACH'; DISABLE: 'DISABLE'; ENABLE: 'ENABLE'; ENGINE: 'ENGINE'; FORCE: 'FORCE'; LOCK: 'LOCK'; OF: 'OF';
OWNER: 'OWNER'; REPLICA: 'REPLICA'; RESET: 'RESET'; STATISTICS: 'STATISTICS'; STORAGE: 'STORAGE';
COMPRESSION: 'COMPRESSION'; AFTER: 'AFTER'; ALTER: 'ALTER'; ALWAYS: 'ALWAYS'; ARRAY: 'ARRAY'; AS: 'AS';
ASC: 'ASC'; AUTHORIZATION: 'AUTHORIZATION'; AUTO_INCREMENT: 'AUTO_INCREMENT'; AUTOINCREMENT: 'AUTOINCREMENT';
BEFORE: 'BEFORE'; BEGIN: 'BEGIN'; BIT: 'BIT'; BY: 'BY'; CASCADE: 'CASCADE'; CASE: 'CASE'; CATCH: 'CATCH';
CHANGE: 'CHANGE'; CHAR: 'CHAR'; CHARACTER: 'CHARACTER'; CHARSET: 'CHARSET'; CHECK: 'CHECK';
CLUSTERED: 'CLUSTERED'; COLLATE: 'COLLATE'; COLUMN: 'COLUMN'; COMMENT: 'COMMENT'; CONCURRENTLY: 'CONCURRENTLY';
CONSTRAINT: 'CONSTRAINT'; CONTINUE: 'CONTINUE'; CREATE: 'CREATE'; DATA: 'DATA'; DATABASE: 'DATABASE';
DEFAULT: 'DEFAULT'; DEFERRABLE: 'DEFERRABLE'; DEFERRED: 'DEFERRED'; DELETE: 'DELETE'; DESC: 'DESC';
DISTINCT: 'DISTINCT'; DOMAIN: 'DOMAIN'; DOUBLE: 'DOUBLE'; DROP: 'DROP'; END: 'END'; ENUM: 'ENUM';
EXCLUDE: 'EXCLUDE'; EXEC: 'EXEC'; EXECUTE: 'EXECUTE'; EXISTS: 'EXISTS'; EXTENSION: 'EXTENSION';
FIRST: 'FIRST'; FOR: 'FOR'; FOREIGN: 'FOREIGN'; FULL: 'FULL'; FULLTEXT: 'FULLTEXT'; FUNCTION: 'FUNCTION';
GENERATED: 'GENERATED'; GLOBAL: 'GLOBAL'; GO: 'GO'; IDENTITY: 'IDENTITY'; IF: 'IF'; IMMEDIATE: 'IMMEDIATE';
INCLUDE: 'INCLUDE'; INDEX: 'INDEX'; INHERIT: 'INHERIT'; INITIALLY: 'INITIALLY'; IS: 'IS'; KEY: 'KEY';
LAST: 'LAST'; LOCAL: 'LOCAL'; MATCH: 'MATCH'; MATERIALIZED: 'MATERIALIZED'; MODIFY: 'MODIFY';
NATIONAL: 'NATIONAL'; NCHAR: 'NCHAR'; NO: 'NO'; NONCLUSTERED: 'NONCLUSTERED'; NOT: 'NOT'; NULL: 'NULL';
NULLS: 'NULLS'; ON: 'ON'; ONLY: 'ONLY'; OR: 'OR'; PARTIAL: 'PARTIAL'; POLICY: 'POLICY';
PRECISION: 'PRECISION'; PRIMARY: 'PRIMARY'; RECURSIVE: 'RECURSIVE'; REFERENCES: 'REFERENCES';
RENAME: 'RENAME'; REPLACE: 'REPLACE'; RESTART: 'RESTART'; RESTRICT: 'RESTRICT'; ROLE: 'ROLE';
SCHEMA: 'SCHEMA'; SEQUENCE: 'SEQUENCE'; SET: 'SET'; SIGNED: 'SIGNED'; SIMPLE: 'SIMPLE'; SPATIAL: 'SPATIAL';
STORED: 'STORED'; TABLE: 'TABLE'; TABLESPACE: 'TABLESPACE'; TEMP: 'TEMP'; TEMPORARY: 'TEMPORARY';
TIME: 'TIME'; TO: 'TO'; TRAN: 'TRAN'; TRANSACTION: 'TRANSACTION'; TRIGGER: 'TRIGGER'; TRUNCATE: 'TRUNCATE';
TRY: 'TRY'; TYPE: 'TYPE'; UNIQUE: 'UNIQUE'; UNLOGGED: 'UNLOGGED'; UNSIGNED: 'UNSIGNED'; UPDATE: 'UPDATE';
USING: 'USING'; VALID: 'VALID'; VALIDATE: 'VALIDATE'; VALUE: 'VALUE'; VARYING: 'VARYING'; VIEW: 'VIEW';
VIRTUAL: 'VIRTUAL'; WHERE: 'WHERE'; WITH: 'WITH'; WITHOUT: 'WITHOUT'; ZEROFILL: 'ZEROFILL'; ZONE: 'ZONE';

// Literals: the opening quote is matched here, the body read by readQuoted (MySQL strings escape with a backslash,
// PostgreSQL's E'...' too). Unclosed ones become UNTERMINATED_STRING and UNTERMINATED_QUOTE.
ESCAPE_STRING : 'E\'' { readQuoted('\'', true, UNTERMINATED_STRING); };
NATIONAL_STRING : 'N\'' { readQuoted('\'', backslashEscapes, UNTERMINATED_STRING); };
STRING        : '\'' { readQuoted('\'', backslashEscapes, UNTERMINATED_STRING); };
DOLLAR_STRING : '$' ( [a-z_\u0080-\uFFFF] [a-z_0-9\u0080-\uFFFF]* )? '$' {dollarQuotes}? { readDollarBody(); };
QUOTED_IDENTIFIER   : '"' { readQuoted('"', false, UNTERMINATED_QUOTE); };
BACKTICK_IDENTIFIER : '`' { readQuoted('`', false, UNTERMINATED_QUOTE); };
BRACKET_IDENTIFIER  : '[' { readBracketBody(); };

NUMBER   : ( [0-9]+ ( '.' [0-9]* )? | '.' [0-9]+ ) ( 'E' [+-]? [0-9]+ )?;
PARAMETER: '$' [0-9]+;
VARIABLE : '@' '@'? [a-z_0-9$#.]+;
IDENTIFIER : [a-z_\u0080-\uFFFF] [a-z_0-9$#\u0080-\uFFFF]*;

LPAREN   : '(';
RPAREN   : ')';
LBRACKET : '[';
RBRACKET : ']';
COMMA    : ',';
SEMI     : ';';
DOT      : '.';
EQUALS   : '=';
// '-' and '/' stand alone so that an operator never swallows the start of a comment (--, /*).
OPERATOR : [+*<>~!@%^&|?:\\{}]+ | '-' | '/';

ERROR_CHAR : .;
