package dev.migrationguard.code;

import dev.migrationguard.workspace.SourceFile;

/**
 * SQL that application code hands to a database at run time.
 *
 * @param file  the source file
 * @param start offset of the SQL's literal (or of the call when the SQL comes from a constant)
 * @param end   offset after it
 * @param sql   the SQL text as far as it is known in the file: literals joined, constants resolved,
 *              interpolations replaced by a placeholder
 * @param api   the call that runs it, as written ({@code prisma.$executeRawUnsafe}, {@code jdbcTemplate.execute})
 */
public record EmbeddedSql(SourceFile file, int start, int end, String sql, String api) {
}
