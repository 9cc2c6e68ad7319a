// The Prisma schema language: top-level blocks, fields with their types and attributes, block attributes and
// the expressions used as attribute and property values.
parser grammar PrismaSchemaParser;

options { tokenVocab = PrismaSchemaLexer; }

schema
    : block* EOF
    ;

block
    : modelBlock
    | enumBlock
    | configBlock
    ;

// `model`, `view` and composite `type` share one shape: fields and block attributes.
modelBlock
    : kind=(MODEL | VIEW | TYPE) name=identifier LBRACE modelMember* RBRACE
    ;

modelMember
    : fieldDeclaration
    | blockAttribute
    ;

enumBlock
    : ENUM name=identifier LBRACE enumMember* RBRACE
    ;

enumMember
    : enumValue
    | blockAttribute
    ;

enumValue
    : name=identifier fieldAttribute*
    ;

configBlock
    : kind=(GENERATOR | DATASOURCE) name=identifier LBRACE property* RBRACE
    ;

property
    : name=identifier EQUALS value=expression
    ;

fieldDeclaration
    : name=identifier fieldType fieldAttribute*
    ;

// `String`, `Int?`, `Tag[]`, `Unsupported("tsvector")?`
fieldType
    : typeName=identifier (LPAREN unsupported=STRING RPAREN)? (optional=QUESTION | list=LBRACKET RBRACKET)?
    ;

fieldAttribute
    : AT attributeName arguments?
    ;

blockAttribute
    : AT_AT attributeName arguments?
    ;

// `id`, `db.VarChar`
attributeName
    : identifier (DOT identifier)*
    ;

arguments
    : LPAREN (argument (COMMA argument)* COMMA?)? RPAREN
    ;

argument
    : (name=identifier COLON)? value=expression
    ;

expression
    : functionCall            # callExpression
    | arrayLiteral            # arrayExpression
    | STRING                  # stringExpression
    | NUMBER                  # numberExpression
    | identifier (DOT identifier)* # referenceExpression
    ;

// `now()`, `dbgenerated("gen_random_uuid()")`, `env("DATABASE_URL")`, `email(ops: raw("gin_trgm_ops"))`
functionCall
    : name=identifier arguments
    ;

arrayLiteral
    : LBRACKET (expression (COMMA expression)* COMMA?)? RBRACKET
    ;

// Keywords are ordinary names inside blocks: a field may be called `type` or `model`.
identifier
    : IDENT
    | MODEL
    | ENUM
    | VIEW
    | TYPE
    | GENERATOR
    | DATASOURCE
    ;
