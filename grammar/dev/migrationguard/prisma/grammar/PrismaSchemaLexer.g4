// Tokens of the Prisma schema language. Newlines are insignificant to the parser (a field is always
// `name type attributes*`), so whitespace is skipped; comments stay on side channels for doc-comment lookup.
lexer grammar PrismaSchemaLexer;

channels { COMMENTS, DOC_COMMENTS }

DOC_COMMENT  : '///' ~[\r\n]* -> channel(DOC_COMMENTS);
LINE_COMMENT : '//' ~[\r\n]* -> channel(COMMENTS);
// Block comments (accepted by Prisma's schema parser since Prisma 6); they do not nest.
BLOCK_COMMENT : '/*' .*? '*/' -> channel(COMMENTS);
WS           : [ \t\r\n\f\u00A0\uFEFF]+ -> skip;

MODEL      : 'model';
ENUM       : 'enum';
VIEW       : 'view';
TYPE       : 'type';
GENERATOR  : 'generator';
DATASOURCE : 'datasource';

AT_AT    : '@@';
AT       : '@';
LBRACE   : '{';
RBRACE   : '}';
LPAREN   : '(';
RPAREN   : ')';
LBRACKET : '[';
RBRACKET : ']';
EQUALS   : '=';
COLON    : ':';
COMMA    : ',';
DOT      : '.';
QUESTION : '?';

STRING : '"' ( ~["\\\r\n] | '\\' ~[\r\n] )* '"';
NUMBER : '-'? [0-9]+ ( '.' [0-9]+ )? ( [eE] [+-]? [0-9]+ )?;
IDENT  : [a-zA-Z_] [a-zA-Z0-9_\-]*;

// An unterminated string or a stray character becomes a token the parser rejects at its exact position.
UNTERMINATED_STRING : '"' ( ~["\\\r\n] | '\\' ~[\r\n] )*;
BAD_CHAR            : .;
