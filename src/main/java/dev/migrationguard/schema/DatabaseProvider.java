package dev.migrationguard.schema;

import java.util.Locale;
import java.util.Optional;

/** The relational databases Prisma Migrate supports, with the limits that shape default names. */
public enum DatabaseProvider {
    POSTGRESQL("postgresql", 63),
    COCKROACHDB("cockroachdb", 63),
    MYSQL("mysql", 64),
    SQLITE("sqlite", Integer.MAX_VALUE),
    SQLSERVER("sqlserver", 128);

    private final String prismaName;
    private final int identifierLimit;

    DatabaseProvider(String prismaName, int identifierLimit) {
        this.prismaName = prismaName;
        this.identifierLimit = identifierLimit;
    }

    /** The name in a datasource's {@code provider} and in {@code migration_lock.toml}. */
    public String prismaName() {
        return prismaName;
    }

    /** The longest identifier the database accepts; Prisma truncates default constraint names to fit. */
    public int identifierLimit() {
        return identifierLimit;
    }

    public static Optional<DatabaseProvider> fromPrisma(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.equals("postgres")) {
            n = "postgresql";
        }
        for (DatabaseProvider p : values()) {
            if (p.prismaName.equals(n)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Whether enums are types of their own (PostgreSQL, CockroachDB) rather than inline column types. */
    public boolean namedEnums() {
        return this == POSTGRESQL || this == COCKROACHDB;
    }
}
