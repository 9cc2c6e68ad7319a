package dev.migrationguard.sql;

import dev.migrationguard.workspace.SourceFile;
import java.util.List;

/**
 * A parsed SQL file: its statements in order, and what could not be read. A statement with a problem is still
 * listed, as {@link SqlStatement.Other}, so later statements keep their places.
 */
public record SqlScript(SourceFile file, SqlDialect dialect, List<SqlStatement> statements, List<SqlProblem> problems) {

    public SqlScript {
        statements = List.copyOf(statements);
        problems = List.copyOf(problems);
    }

    /** The source text of a span of this file. */
    public String text(Span span) {
        return file.text().substring(span.start(), span.end());
    }
}
