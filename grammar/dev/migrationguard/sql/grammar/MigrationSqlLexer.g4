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
     * The rule matched up to the first closing mark; with nesting, reads on until every opened comment is closed.
     * Done here rather than with a recursive rule, which costs the lexer exponential time on deep nesting.
     */
    private void finishBlockComment() {
        if (!nestedComments) {
            skip();
            return;
        }
        // Rescan from just after the opening mark: the first closing mark may have closed an inner comment.
        _input.seek(_tokenStartCharIndex + 2);
        int depth = 1;
        while (depth > 0) {
            int c = _input.LA(1);
            if (c == org.antlr.v4.runtime.IntStream.EOF) {
                setType(UNTERMINATED_COMMENT);
                return;
            }
            if (c == '/' && _input.LA(2) == '*') {
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

tokens { UNTERMINATED_DOLLAR_STRING, UNTERMINATED_COMMENT }

// Whitespace and comments are skipped, not kept on a hidden channel: half the tokens of a migration are
// whitespace, and nothing downstream needs them (positions come from the source text).
WS            : [ \t\r\n\f\u000B\u00A0\u2028\u2029\uFEFF]+ -> skip;
LINE_COMMENT  : '--' ~[\r\n]* -> skip;
HASH_COMMENT  : '#' ~[\r\n]* {hashComments}? -> skip;
BLOCK_COMMENT : '/*' .*? '*/' { finishBlockComment(); };
UNCLOSED_COMMENT : '/*' -> type(UNTERMINATED_COMMENT);

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

// Literals. A MySQL string may escape its quote with a backslash; the longer match wins over STRING.
ESCAPE_STRING : 'E\'' ( '\\' . | '\'\'' | ~['\\] )* '\'';
NATIONAL_STRING : 'N\'' ( '\'\'' | ~'\'' )* '\'';
BACKSLASH_STRING : '\'' ( '\\' . | '\'\'' | ~['\\] )* '\'' {backslashEscapes}? -> type(STRING);
STRING        : '\'' ( '\'\'' | ~'\'' )* '\'';
UNTERMINATED_STRING : '\'' ( '\'\'' | ~'\'' )* EOF;
DOLLAR_STRING : '$' ( [a-z_\u0080-\uFFFF] [a-z_0-9\u0080-\uFFFF]* )? '$' {dollarQuotes}? { readDollarBody(); };
QUOTED_IDENTIFIER   : '"' ( '""' | ~'"' )* '"';
BACKTICK_IDENTIFIER : '`' ( '``' | ~'`' )* '`';
BRACKET_IDENTIFIER  : '[' ( ']]' | ~']' )* ']' {bracketIdentifiers}?;
UNTERMINATED_QUOTE  : ( '"' ( '""' | ~'"' )* | '`' ( '``' | ~'`' )* ) EOF;

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
OPERATOR : [+*<>~!@#%^&|?:\\{}]+ | '-' | '/';

ERROR_CHAR : .;
