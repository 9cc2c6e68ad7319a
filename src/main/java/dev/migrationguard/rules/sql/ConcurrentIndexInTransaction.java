package dev.migrationguard.rules.sql;

import dev.migrationguard.prisma.PrismaVersion;
import dev.migrationguard.rules.Findings;
import dev.migrationguard.rules.Inputs;
import dev.migrationguard.rules.Rule;
import dev.migrationguard.rules.RuleContext;
import dev.migrationguard.rules.RuleInputs;
import dev.migrationguard.sql.SqlDialect;
import dev.migrationguard.sql.SqlScript;
import dev.migrationguard.sql.SqlStatement;
import java.util.List;
import java.util.Optional;

/**
 * PostgreSQL CREATE or DROP INDEX CONCURRENTLY where it cannot run: inside the migration's own BEGIN ... COMMIT, or
 * beside other statements when the project's Prisma sends the whole file as one query (an implicit transaction).
 */
public final class ConcurrentIndexInTransaction implements Rule {
    /** The first Prisma that splits a migration into statements and runs CREATE INDEX CONCURRENTLY on its own. */
    private static final int SPLIT_MAJOR = 7;
    private static final int SPLIT_MINOR = 4;

    @Override
    public String id() {
        return "concurrent-index-in-transaction";
    }

    @Override
    public RuleInputs inputs() {
        // The Prisma version in package.json decides what a migration's statements do.
        return RuleInputs.changedFiles((path, change) -> Inputs.MIGRATIONS.test(path, change)
                || path.equals("package.json") || path.endsWith("/package.json"));
    }

    @Override
    public void check(RuleContext context, Findings findings) {
        for (MigrationScan.ScannedMigration m : MigrationScan.judged(context)) {
            if (m.dialect() != SqlDialect.POSTGRESQL) {
                continue;
            }
            SqlScript script = m.script();
            List<SqlStatement> statements = script.statements();
            if (statements.stream().noneMatch(ConcurrentIndexInTransaction::isConcurrent)) {
                continue;
            }
            Optional<PrismaVersion> version = PrismaVersion.near(context.snapshot(), m.set().parentFolder());
            boolean dropConcurrently = statements.stream()
                    .anyMatch(s -> s instanceof SqlStatement.DropIndex d && d.concurrently());
            int openedAt = -1;
            for (SqlStatement statement : statements) {
                TransactionControl control = TransactionControl.of(script, statement);
                if (control == TransactionControl.OPEN) {
                    openedAt = statement.span().start();
                    continue;
                }
                if (control == TransactionControl.CLOSE) {
                    openedAt = -1;
                    continue;
                }
                if (!isConcurrent(statement)) {
                    continue;
                }
                String what = statement instanceof SqlStatement.CreateIndex ? "CREATE INDEX CONCURRENTLY"
                        : "DROP INDEX CONCURRENTLY";
                String message;
                if (openedAt >= 0) {
                    message = what + " runs inside the transaction the migration opens at line "
                            + script.file().line(openedAt) + ", where PostgreSQL refuses it (SQLSTATE 25001) and "
                            + "Prisma stops the deploy with P3018.";
                } else if (statements.size() == 1) {
                    continue;
                } else if (version.isPresent() && version.get().atLeast(SPLIT_MAJOR, SPLIT_MINOR)
                        && !dropConcurrently) {
                    continue;
                } else if (version.isPresent() && version.get().atLeast(SPLIT_MAJOR, SPLIT_MINOR)) {
                    message = what + " shares the migration with " + (statements.size() - 1) + " other statement"
                            + (statements.size() > 2 ? "s" : "") + ": " + version.get().describe() + " runs each "
                            + "statement on its own since 7.4, but not a file that holds DROP INDEX CONCURRENTLY, "
                            + "which it sends as one query that PostgreSQL runs as one transaction (SQLSTATE 25001, "
                            + "P3018).";
                } else {
                    message = what + " shares the migration with " + (statements.size() - 1) + " other statement"
                            + (statements.size() > 2 ? "s" : "") + ": " + version.map(PrismaVersion::describe)
                            .map(v -> v + " sends")
                            .orElse("no package.json names the Prisma version, and Prisma before 7.4 sends")
                            + " the file as one query, which PostgreSQL runs as one transaction, so the statement "
                            + "fails (SQLSTATE 25001) and the deploy stops with P3018.";
                }
                m.at(findings, statement.span())
                        .message(message)
                        .fix("Put the statement in a migration of its own that holds only it, with no BEGIN or "
                                + "COMMIT (prisma migrate dev --create-only, then move it there)"
                                + (statement instanceof SqlStatement.CreateIndex
                                ? "; from Prisma 7.4 on, CREATE INDEX CONCURRENTLY may also share a migration with "
                                + "other statements outside BEGIN ... COMMIT." : "."))
                        .key(script.text(statement.span()).replaceAll("\\s+", " "))
                        .report();
            }
        }
    }

    private static boolean isConcurrent(SqlStatement statement) {
        return (statement instanceof SqlStatement.CreateIndex c && c.concurrently())
                || (statement instanceof SqlStatement.DropIndex d && d.concurrently());
    }
}
