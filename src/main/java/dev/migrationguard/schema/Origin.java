package dev.migrationguard.schema;

import dev.migrationguard.workspace.SourceFile;

/**
 * Where a schema object was declared: a model, field or enum name in a Prisma schema, or a statement in a
 * migration. Findings about the object point here.
 *
 * @param element how messages name the declaration: {@code model Quest}, {@code field Quest.title},
 *                {@code enum Status}, {@code migration 20240101000000_init}
 */
public record Origin(SourceFile file, int start, int end, String element) {
}
