package dev.migrationguard.prisma;

import dev.migrationguard.workspace.SourceFile;

/**
 * Something in a schema file the parser could not read: a syntax error at {@code [start, end)}.
 *
 * @param message what was wrong, in one sentence
 */
public record PrismaProblem(SourceFile file, int start, int end, String message) {
}
