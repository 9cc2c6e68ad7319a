package dev.migrationguard.sql;

/** What a column definition says about NULL. */
public enum Nullability {
    /** {@code NOT NULL} (or a PRIMARY KEY, which implies it). */
    NOT_NULL,
    /** An explicit {@code NULL}. */
    NULL,
    /** Nothing said: nullable in every dialect Prisma writes. */
    UNSPECIFIED;

    public boolean allowsNull() {
        return this != NOT_NULL;
    }
}
