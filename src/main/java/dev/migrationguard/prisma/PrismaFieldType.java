package dev.migrationguard.prisma;

/**
 * The type of a field: {@code String}, {@code Int?}, {@code Tag[]}, {@code Unsupported("tsvector")?}.
 *
 * @param name        the scalar, enum, model or composite type name ({@code Unsupported} for the legacy type)
 * @param unsupported the native type named by {@code Unsupported("...")}, or null
 * @param optional    written with {@code ?}
 * @param list        written with {@code []}
 */
public record PrismaFieldType(String name, String unsupported, boolean optional, boolean list, int start, int end) {
}
