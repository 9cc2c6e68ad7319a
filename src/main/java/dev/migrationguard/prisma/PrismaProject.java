package dev.migrationguard.prisma;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Prisma schema found in a snapshot, with where its migrations live.
 *
 * @param location            the schema file, or the folder of a multi-file schema (relative, with {@code /})
 * @param folder              whether {@code location} is a folder of {@code .prisma} files
 * @param schema              the parsed (and, for a folder, merged) schema
 * @param migrationsDirectory the folder holding its migration folders and {@code migration_lock.toml}
 * @param prismaVersion       the version range of {@code prisma} (else {@code @prisma/client}) in the nearest
 *                            package.json that names one ({@code ^6.19.3}), or null when none does
 */
public record PrismaProject(String location, boolean folder, PrismaSchema schema, String migrationsDirectory,
                            String prismaVersion) {
    private static final Pattern MAJOR = Pattern.compile("^\\s*(?:npm:prisma@)?[\\^~>=v\\s]*(\\d+)");

    public PrismaProject(String location, boolean folder, PrismaSchema schema, String migrationsDirectory) {
        this(location, folder, schema, migrationsDirectory, null);
    }

    /** The major version of Prisma the project uses, when its package.json says ({@code ^6.19.3} is 6). */
    public OptionalInt prismaMajor() {
        if (prismaVersion == null) {
            return OptionalInt.empty();
        }
        Matcher m = MAJOR.matcher(prismaVersion);
        return m.find() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
    }
}
