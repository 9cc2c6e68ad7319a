package dev.migrationguard.rules.sql;

import dev.migrationguard.rules.Findings;
import dev.migrationguard.rules.Inputs;
import dev.migrationguard.rules.Rule;
import dev.migrationguard.rules.RuleContext;
import dev.migrationguard.rules.RuleInputs;
import dev.migrationguard.sql.SqlDialect;
import dev.migrationguard.sql.SqlScript;
import dev.migrationguard.sql.SqlStatement;

/**
 * A BEGIN while the migration's own transaction is still open, or a BEGIN that no COMMIT or ROLLBACK closes.
 * SQL Server is not read: Prisma's own migrations there nest BEGIN TRANSACTION inside BEGIN TRAN by design.
 */
public final class TransactionNesting implements Rule {

    @Override
    public String id() {
        return "transaction-nesting";
    }

    @Override
    public RuleInputs inputs() {
        return RuleInputs.changedFiles(Inputs.MIGRATIONS);
    }

    @Override
    public void check(RuleContext context, Findings findings) {
        for (MigrationScan.ScannedMigration m : MigrationScan.judged(context)) {
            if (m.dialect() == SqlDialect.SQLSERVER) {
                continue;
            }
            SqlScript script = m.script();
            SqlStatement open = null;
            for (SqlStatement statement : script.statements()) {
                TransactionControl control = TransactionControl.of(script, statement);
                if (control == TransactionControl.CLOSE) {
                    open = null;
                } else if (control == TransactionControl.OPEN) {
                    if (open != null) {
                        int outer = script.file().line(open.span().start());
                        m.at(findings, statement.span())
                                .message("BEGIN opens a transaction inside the one opened at line " + outer + ": "
                                        + nestedEffect(m.dialect()))
                                .fix("Keep one BEGIN ... COMMIT per migration (or none: Prisma applies the file as "
                                        + "one unit on PostgreSQL already); remove the inner BEGIN or COMMIT the "
                                        + "outer transaction before it.")
                                .key("nested " + script.text(statement.span()))
                                .report();
                    }
                    open = statement;
                }
            }
            if (open != null) {
                m.at(findings, open.span())
                        .message("This BEGIN is never committed: the transaction is still open after the "
                                + "migration's last statement, so its changes hold their locks and are rolled back "
                                + "when Prisma's connection closes, while the migration may be recorded as applied.")
                        .fix("End the transaction with COMMIT; after the migration's last statement, or remove the "
                                + "BEGIN.")
                        .key("unclosed " + script.text(open.span()))
                        .report();
            }
        }
    }

    private static String nestedEffect(SqlDialect dialect) {
        return switch (dialect) {
            case MYSQL -> "MySQL commits the open transaction when a new one begins, so the statements before it can "
                    + "no longer be rolled back together with the rest.";
            case SQLITE -> "SQLite refuses it (cannot start a transaction within a transaction) and the migration "
                    + "fails.";
            default -> "PostgreSQL ignores it with a warning, and the first COMMIT ends both, so what follows runs "
                    + "outside any transaction and a failure there leaves the migration half applied.";
        };
    }
}
