/*
 * The DDL of migrations, read in depth. The caller splits a file into statements with the lexer first and hands
 * this parser one statement at a time (without its ';'), only when the statement starts like one of the forms
 * below; every other statement is kept whole as "other" without being parsed.
 */
parser grammar MigrationSqlParser;

options { tokenVocab = MigrationSqlLexer; }

ddlStatement
    : ( createTable
      | createIndex
      | createType
      | createSchema
      | createExtension
      | createSequence
      | createView
      | alterTable
      | alterType
      | alterSequence
      | dropStatement
      | truncate
      | commentOn
      | renameTables
      | execProcedure
      ) EOF
    ;

// ---- CREATE TABLE -------------------------------------------------------------------------------------------

createTable
    : CREATE (OR REPLACE)? (GLOBAL | LOCAL)? (TEMP | TEMPORARY | UNLOGGED)? TABLE ifNotExists? qualifiedName
      ( LPAREN (tableElement (COMMA tableElement)*)? RPAREN tableOptions=anyTokens
      | createTableAsOption* AS query=anyTokens
      )
    ;

// PostgreSQL's CREATE TEMP TABLE t ON COMMIT DROP AS SELECT ..., WITH (storage options), TABLESPACE, USING method.
createTableAsOption
    : ON identifier (DROP | identifier identifier?)
    | WITH LPAREN balanced* RPAREN
    | WITHOUT identifier
    | TABLESPACE identifier
    | USING identifier
    ;

tableElement
    : tableConstraint
    | columnDefinition
    ;

columnDefinition
    : identifier dataType? columnOption*
    ;

columnOption
    : (CONSTRAINT identifier)? columnConstraint
    | COLLATE qualifiedName
    | (CHARACTER SET | CHARSET) identifier
    | COMMENT stringLiteral
    | ON UPDATE expression
    | AUTO_INCREMENT
    | AUTOINCREMENT
    | IDENTITY typeArguments?
    | GENERATED (ALWAYS | BY DEFAULT) AS IDENTITY (LPAREN balanced* RPAREN)?
    | GENERATED ALWAYS AS LPAREN balanced* RPAREN (STORED | VIRTUAL)?
    | AS LPAREN balanced* RPAREN (STORED | VIRTUAL)?
    ;

columnConstraint
    : NOT NULL
    | NULL
    | DEFAULT defaultExpression
    | PRIMARY KEY (ASC | DESC)? (CLUSTERED | NONCLUSTERED)?
    | UNIQUE KEY? (CLUSTERED | NONCLUSTERED)?
    | CHECK LPAREN balanced* RPAREN
    | referencesClause
    ;

defaultExpression
    : (NULL | expressionAtom) expressionAtom*
    ;

// ---- Types --------------------------------------------------------------------------------------------------

dataType
    : typeName typeArguments? typeModifier* arraySuffix*
    ;

typeName
    : DOUBLE PRECISION
    | (CHARACTER | CHAR | NCHAR | NATIONAL CHARACTER | NATIONAL CHAR) VARYING?
    | BIT VARYING?
    | qualifiedName
    ;

typeArguments
    : LPAREN typeArgument (COMMA typeArgument)* RPAREN
    ;

typeArgument
    : expressionAtom+
    ;

typeModifier
    : (WITH | WITHOUT) TIME ZONE
    | UNSIGNED
    | SIGNED
    | ZEROFILL
    ;

arraySuffix
    : LBRACKET NUMBER? RBRACKET
    | ARRAY (LBRACKET NUMBER? RBRACKET)?
    ;

// ---- Constraints and indexes inside tables -------------------------------------------------------------------

tableConstraint
    : (CONSTRAINT identifier)? constraintBody
    | (FULLTEXT | SPATIAL)? (INDEX | KEY) identifier? indexColumns indexOption*
    ;

constraintBody
    : PRIMARY KEY (CLUSTERED | NONCLUSTERED)? identifier? indexColumns indexOption* constraintOption*      # primaryKeyConstraint
    | UNIQUE (INDEX | KEY)? (CLUSTERED | NONCLUSTERED)? (NULLS NOT? DISTINCT)? identifier? indexColumns
      indexOption* constraintOption*                                                                   # uniqueConstraint
    | (PRIMARY KEY | UNIQUE) USING INDEX identifier constraintOption*                                   # constraintUsingIndex
    | FOREIGN KEY identifier? columnList referencesClause constraintOption*                             # foreignKeyConstraint
    | CHECK LPAREN balanced* RPAREN constraintOption*                                                   # checkConstraint
    | EXCLUDE anyTokens                                                                                  # excludeConstraint
    | DEFAULT defaultExpression FOR identifier                                                           # defaultConstraint
    ;

referencesClause
    : REFERENCES qualifiedName columnList? referenceOption*
    ;

referenceOption
    : MATCH (FULL | PARTIAL | SIMPLE)
    | ON (DELETE | UPDATE) referentialAction
    | NOT? DEFERRABLE
    | INITIALLY (DEFERRED | IMMEDIATE)
    ;

referentialAction
    : CASCADE
    | RESTRICT
    | SET NULL columnList?
    | SET DEFAULT columnList?
    | NO ACTION
    ;

constraintOption
    : NOT VALID
    | NOT? DEFERRABLE
    | INITIALLY (DEFERRED | IMMEDIATE)
    | NO INHERIT
    | WITH LPAREN balanced* RPAREN
    | USING INDEX TABLESPACE identifier
    | ON identifier
    ;

indexColumns
    : LPAREN indexElement (COMMA indexElement)* RPAREN
    ;

indexElement
    : identifier (LPAREN NUMBER RPAREN)? indexElementOption*     # columnIndexElement
    | indexAtom+                                                   # expressionIndexElement
    ;

indexElementOption
    : ASC
    | DESC
    | NULLS (FIRST | LAST)
    | COLLATE qualifiedName
    | qualifiedName (LPAREN balanced* RPAREN)?
    ;

indexOption
    : USING identifier
    | COMMENT stringLiteral
    | INCLUDE columnList
    | WITH LPAREN balanced* RPAREN
    ;

columnList
    : LPAREN identifier (COMMA identifier)* RPAREN
    ;

// ---- CREATE INDEX -------------------------------------------------------------------------------------------

createIndex
    : CREATE UNIQUE? (CLUSTERED | NONCLUSTERED)? (FULLTEXT | SPATIAL)? INDEX CONCURRENTLY? ifNotExists?
      indexName=qualifiedName? ON ONLY? table=qualifiedName (USING method=identifier)? indexColumns
      (INCLUDE include=columnList)? (NULLS NOT? DISTINCT)? (WITH LPAREN balanced* RPAREN)? (TABLESPACE identifier)?
      (WHERE where=balancedTokens)? trailing=anyTokens
    ;

// ---- Types, schemas, extensions, sequences, views -----------------------------------------------------------

createType
    : CREATE TYPE qualifiedName AS ENUM LPAREN (stringLiteral (COMMA stringLiteral)*)? RPAREN    # createEnumType
    | CREATE TYPE qualifiedName anyTokens                                                           # createOtherType
    ;

alterType
    : ALTER TYPE qualifiedName alterTypeAction
    ;

alterTypeAction
    : ADD VALUE ifNotExists? value=stringLiteral ((BEFORE | AFTER) neighbour=stringLiteral)?   # addEnumValue
    | RENAME VALUE from=stringLiteral TO to=stringLiteral                                       # renameEnumValue
    | RENAME TO identifier                                                                      # renameType
    | DROP VALUE stringLiteral                                                                  # dropEnumValue
    | (OWNER | SET | (ADD | DROP | ALTER | RENAME) IDENTIFIER) anyTokens                           # otherTypeAction
    ;

createSchema
    : CREATE SCHEMA ifNotExists? identifier? (AUTHORIZATION identifier)? anyTokens
    ;

createExtension
    : CREATE EXTENSION ifNotExists? identifier anyTokens
    ;

createSequence
    : CREATE (TEMP | TEMPORARY | UNLOGGED)? SEQUENCE ifNotExists? qualifiedName anyTokens
    ;

alterSequence
    : ALTER SEQUENCE ifExists? qualifiedName anyTokens
    ;

createView
    : CREATE (OR REPLACE)? (TEMP | TEMPORARY)? (MATERIALIZED | RECURSIVE)? VIEW ifNotExists? qualifiedName
      columnList? (WITH LPAREN balanced* RPAREN)? AS anyToken+
    ;

// ---- ALTER TABLE --------------------------------------------------------------------------------------------

alterTable
    : ALTER TABLE ifExists? ONLY? qualifiedName alterTableAction (COMMA alterTableAction)*
    ;

alterTableAction
    : ADD tableConstraint constraintOption*                                        # addConstraint
    | ADD COLUMN? ifNotExists? columnDefinition (COMMA columnDefinition)* columnPosition?   # addColumn
    | DROP CONSTRAINT ifExists? identifier (CASCADE | RESTRICT)?                   # dropConstraint
    | DROP PRIMARY KEY                                                             # dropPrimaryKey
    | DROP FOREIGN KEY identifier                                                  # dropForeignKey
    | DROP (INDEX | KEY) identifier                                                # dropIndexAction
    | DROP CHECK identifier                                                        # dropCheck
    | DROP COLUMN? ifExists? identifier (COMMA identifier)* (CASCADE | RESTRICT)?   # dropColumn
    | ALTER COLUMN? identifier alterColumnAction                                   # alterColumn
    | MODIFY COLUMN? columnDefinition columnPosition?                              # modifyColumn
    | CHANGE COLUMN? identifier columnDefinition columnPosition?                   # changeColumn
    | RENAME CONSTRAINT identifier TO identifier                                   # renameConstraint
    | RENAME (INDEX | KEY) identifier TO identifier                                # renameIndex
    | RENAME COLUMN? identifier TO identifier                                      # renameColumn
    | RENAME (TO | AS)? qualifiedName                                              # renameTable
    | VALIDATE CONSTRAINT identifier                                               # validateConstraint
    | otherActionStart alterAtom*                                                  # otherAlterAction
    ;

// PostgreSQL's other ALTER TABLE actions and MySQL's table options (ENGINE=InnoDB, ROW_FORMAT=DYNAMIC, ...).
otherActionStart
    : ENABLE | DISABLE | OWNER | CLUSTER | REPLICA | ATTACH | DETACH | FORCE | RESET | OF | ALGORITHM | LOCK
    | ENGINE | CONVERT | COMMENT | SET | NO | NOT | INHERIT | DEFAULT | AUTO_INCREMENT | CHARACTER | CHARSET
    | COLLATE | WITH
    | DROP (IDENTITY | DEFAULT)
    | ALTER (INDEX | CONSTRAINT | CHECK)
    | IDENTIFIER EQUALS
    ;

alterColumnAction
    : (SET DATA)? TYPE dataType (COLLATE qualifiedName)? (USING using=alterExpression)?   # setColumnType
    | SET NOT NULL                                                                          # setNotNull
    | DROP NOT NULL                                                                         # dropNotNull
    | SET DEFAULT defaultExpression                                                         # setDefault
    | DROP DEFAULT                                                                          # dropDefault
    | dataType columnOption*                                                                # redefineColumn
    | otherColumnActionStart alterAtom*                                                     # otherColumnAction
    ;

// SET STATISTICS / STORAGE / COMPRESSION / (options), RESET, RESTART, ADD/SET GENERATED, DROP IDENTITY/EXPRESSION.
otherColumnActionStart
    : SET (STATISTICS | STORAGE | COMPRESSION | LPAREN | GENERATED)
    | RESET
    | RESTART
    | ADD GENERATED
    | DROP (IDENTITY | IDENTIFIER)
    ;

alterExpression
    : alterAtom+
    ;

alterAtom
    : LPAREN balanced* RPAREN
    | LBRACKET balanced* RBRACKET
    | ~(LPAREN | RPAREN | LBRACKET | RBRACKET | COMMA)
    ;

columnPosition
    : FIRST
    | AFTER identifier
    ;

// ---- DROP, TRUNCATE, COMMENT, RENAME ------------------------------------------------------------------------

dropStatement
    : DROP TABLE ifExists? qualifiedNameList dropBehavior?                                         # dropTable
    | DROP INDEX CONCURRENTLY? ifExists? qualifiedNameList (ON qualifiedName)? dropBehavior?        # dropIndex
    | DROP TYPE ifExists? qualifiedNameList dropBehavior?                                          # dropType
    | DROP SCHEMA ifExists? qualifiedNameList dropBehavior?                                        # dropSchema
    | DROP EXTENSION ifExists? qualifiedNameList dropBehavior?                                     # dropExtension
    | DROP SEQUENCE ifExists? qualifiedNameList dropBehavior?                                      # dropSequence
    | DROP MATERIALIZED? VIEW ifExists? qualifiedNameList dropBehavior?                            # dropView
    ;

dropBehavior
    : CASCADE
    | RESTRICT
    ;

truncate
    : TRUNCATE TABLE? ONLY? qualifiedNameList truncateOption*
    ;

truncateOption
    : (RESTART | CONTINUE) IDENTITY
    | CASCADE
    | RESTRICT
    ;

commentOn
    : COMMENT ON commentTarget IS (stringLiteral | NULL)
    ;

commentTarget
    : CONSTRAINT identifier ON DOMAIN? qualifiedName
    | MATERIALIZED VIEW qualifiedName
    | objectKind qualifiedName (LPAREN balanced* RPAREN)? (ON qualifiedName)?
    ;

objectKind
    : TABLE | COLUMN | INDEX | TYPE | SCHEMA | VIEW | SEQUENCE | EXTENSION | DOMAIN | FUNCTION | TRIGGER | DATABASE
    | POLICY | ROLE | IDENTIFIER
    ;

renameTables
    : RENAME TABLE renamePair (COMMA renamePair)*
    ;

renamePair
    : qualifiedName TO qualifiedName
    ;

// SQL Server: EXEC sp_rename N'dbo.User.name', N'fullName', N'COLUMN'
execProcedure
    : (EXEC | EXECUTE) qualifiedName (procedureArgument (COMMA procedureArgument)*)?
    ;

procedureArgument
    : (VARIABLE EQUALS)? (stringLiteral | identifier | NUMBER | VARIABLE)
    ;

// ---- Shared pieces ------------------------------------------------------------------------------------------

ifNotExists
    : IF NOT EXISTS
    ;

ifExists
    : IF EXISTS
    ;

qualifiedNameList
    : qualifiedName (COMMA qualifiedName)*
    ;

qualifiedName
    : identifier (DOT identifier)*
    ;

stringLiteral
    : STRING
    | ESCAPE_STRING
    | NATIONAL_STRING
    | DOLLAR_STRING
    ;

// An expression is read as balanced tokens: its text is kept, its structure is not needed by any rule.
expression
    : expressionAtom+
    ;

expressionAtom
    : LPAREN balanced* RPAREN
    | LBRACKET balanced* RBRACKET
    | ~(LPAREN | RPAREN | LBRACKET | RBRACKET | COMMA | NOT | NULL | CONSTRAINT | PRIMARY | UNIQUE | REFERENCES
        | CHECK | DEFAULT | COLLATE | GENERATED | AUTO_INCREMENT | AUTOINCREMENT | ON | COMMENT | IDENTITY | FOR
        | CHARACTER | CHARSET | AS)
    ;

indexAtom
    : LPAREN balanced* RPAREN
    | ~(LPAREN | RPAREN | COMMA)
    ;

balancedTokens
    : balanced+
    ;

balanced
    : LPAREN balanced* RPAREN
    | LBRACKET balanced* RBRACKET
    | ~(LPAREN | RPAREN | LBRACKET | RBRACKET)
    ;

anyTokens
    : anyToken*
    ;

anyToken
    : LPAREN balanced* RPAREN
    | LBRACKET balanced* RBRACKET
    | ~(LPAREN | RPAREN | LBRACKET | RBRACKET)
    ;

identifier
    : IDENTIFIER
    | QUOTED_IDENTIFIER
    | BACKTICK_IDENTIFIER
    | BRACKET_IDENTIFIER
    | nonReservedKeyword
    ;

// Keywords that may also name a table, column, type or index without quotes.
nonReservedKeyword
    : ACTION | AFTER | ALGORITHM | ALWAYS | ATTACH | AUTHORIZATION | AUTOINCREMENT | AUTO_INCREMENT | BEFORE
    | BEGIN | BIT | BY | CASCADE | CATCH | CHANGE | CHAR | CHARSET | CLUSTER | CLUSTERED | COMMENT | COMPRESSION
    | CONCURRENTLY | CONTINUE | CONVERT | DATA | DATABASE | DEFERRED | DELETE | DETACH | DISABLE | DISTINCT
    | DOMAIN | DOUBLE | ENABLE | ENGINE | ENUM | EXCLUDE | EXEC | EXECUTE | EXISTS | EXTENSION | FIRST | FORCE
    | FULL | FULLTEXT | FUNCTION | GENERATED | GLOBAL | GO | IDENTITY | IF | IMMEDIATE | INCLUDE | INDEX | INHERIT
    | KEY | LAST | LOCAL | LOCK | MATCH | MATERIALIZED | MODIFY | NATIONAL | NCHAR | NO | NONCLUSTERED | NULLS
    | OF | OWNER | PARTIAL | POLICY | PRECISION | RECURSIVE | RENAME | REPLACE | REPLICA | RESET | RESTART
    | RESTRICT | ROLE | SCHEMA | SEQUENCE | SET | SIGNED | SIMPLE | SPATIAL | STATISTICS | STORAGE | STORED
    | TABLESPACE | TEMP | TEMPORARY | TIME | TRAN | TRANSACTION | TRIGGER | TRUNCATE | TRY | TYPE | UNLOGGED
    | UNSIGNED | UPDATE | VALID | VALIDATE | VALUE | VARYING | VIEW | VIRTUAL | WITHOUT | ZEROFILL | ZONE
    ;
