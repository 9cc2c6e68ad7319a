package dev.migrationguard.sql;

import dev.migrationguard.workspace.SourceFile;
import java.util.List;
import java.util.Optional;

/**
 * A parsed SQL file: its statements in order, and what could not be read. A statement with a problem is still
 * listed, as {@link SqlStatement.Other}, so later statements keep their places. The statements inside a read DO
 * block follow the block itself (see {@link SqlStatement.DoBlock}).
 */
public record SqlScript(SourceFile file, SqlDialect dialect, List<SqlStatement> statements, List<SqlProblem> problems) {

    public SqlScript {
        statements = List.copyOf(statements);
        problems = List.copyOf(problems);
    }

    /**
     * The DO block whose body holds {@code statement} (one of {@link #statements()}), or empty for a statement
     * written at the top level of the file.
     */
    public Optional<SqlStatement.DoBlock> enclosingBlock(SqlStatement statement) {
        for (SqlStatement s : statements) {
            if (s instanceof SqlStatement.DoBlock block && block != statement
                    && block.span().contains(statement.span().start()) && block.statements().contains(statement)) {
                return Optional.of(block);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether {@code statement} may not run, or its failure is caught, because it sits in a DO block under IF, CASE,
     * a loop or an EXCEPTION handler.
     */
    public boolean isConditional(SqlStatement statement) {
        return enclosingBlock(statement).map(b -> b.isConditional(statement)).orElse(false);
    }

    /** The source text of a span of this file. */
    public String text(Span span) {
        return file.text().substring(span.start(), span.end());
    }
}
