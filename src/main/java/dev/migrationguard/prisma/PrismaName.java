package dev.migrationguard.prisma;

/**
 * A name as written in a schema file, with the offsets of its characters {@code [start, end)}.
 *
 * @param text  the name
 * @param start offset of its first character
 * @param end   offset just after its last character
 */
public record PrismaName(String text, int start, int end) {
}
