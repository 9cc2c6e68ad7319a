package dev.migrationguard.sql;

/** The kinds of table constraints (and MySQL's inline index definitions, which sit in the same place). */
public enum ConstraintKind {
    PRIMARY_KEY,
    FOREIGN_KEY,
    UNIQUE,
    CHECK,
    /** MySQL {@code INDEX name (cols)} / {@code KEY} / {@code FULLTEXT INDEX} inside CREATE or ALTER TABLE. */
    INDEX,
    /** PostgreSQL {@code EXCLUDE USING gist (...)}. */
    EXCLUDE,
    /** SQL Server {@code CONSTRAINT name DEFAULT value FOR column}. */
    DEFAULT
}
