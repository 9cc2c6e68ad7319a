package dev.migrationguard.prisma;

/**
 * One Prisma schema found in a snapshot, with where its migrations live.
 *
 * @param location            the schema file, or the folder of a multi-file schema (relative, with {@code /})
 * @param folder              whether {@code location} is a folder of {@code .prisma} files
 * @param schema              the parsed (and, for a folder, merged) schema
 * @param migrationsDirectory the folder holding its migration folders and {@code migration_lock.toml}
 */
public record PrismaProject(String location, boolean folder, PrismaSchema schema, String migrationsDirectory) {
}
