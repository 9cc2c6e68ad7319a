package dev.migrationguard.schema;

/**
 * One way the schema Prisma expects differs from the schema the migrations build.
 *
 * @param kind    what differs
 * @param object  the table or enum type concerned, as the database names it (for matching unmodelled statements)
 * @param message one sentence saying what differs and where
 * @param fix     what to run or write instead
 * @param origin  where to report it: the Prisma declaration, or the migration statement for objects only the
 *                migrations have
 * @param key     a stable identity (kind and object names) for fingerprints
 * @param subject the schema element concerned, as the database names it: {@code table T}, {@code column T.c},
 *                {@code primary key T}, {@code index name}, {@code foreign key T.name}, {@code enum E},
 *                {@code enum value E.v} (a schema other than the default one prefixes the table or enum:
 *                {@code auth.T})
 */
public record Difference(Kind kind, String object, String message, String fix, Origin origin, String key,
                         String subject) {

    /** A difference without a subject of its own: the object's. */
    public Difference(Kind kind, String object, String message, String fix, Origin origin, String key) {
        this(kind, object, message, fix, origin, key, object);
    }

    public enum Kind {
        TABLE_MISSING, TABLE_EXTRA,
        COLUMN_MISSING, COLUMN_EXTRA, COLUMN_TYPE, COLUMN_NULLABILITY, COLUMN_DEFAULT,
        ENUM_MISSING, ENUM_EXTRA, ENUM_VALUE_MISSING, ENUM_VALUE_EXTRA,
        PRIMARY_KEY,
        INDEX_MISSING, INDEX_EXTRA, INDEX_NAME, INDEX_TYPE,
        FOREIGN_KEY_MISSING, FOREIGN_KEY_EXTRA, FOREIGN_KEY_DIFFERENT
    }
}
