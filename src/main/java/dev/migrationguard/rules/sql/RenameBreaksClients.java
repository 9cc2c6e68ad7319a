package dev.migrationguard.rules.sql;

import dev.migrationguard.rules.Findings;
import dev.migrationguard.rules.Inputs;
import dev.migrationguard.rules.Rule;
import dev.migrationguard.rules.RuleContext;
import dev.migrationguard.rules.RuleInputs;
import dev.migrationguard.sql.AlterTableAction;
import dev.migrationguard.sql.SqlStatement;

/**
 * RENAME of a table or column that running code uses. The rename of a table created in the same migration (the
 * last step of SQLite's and SQL Server's table redefinition) is not one.
 */
public final class RenameBreaksClients implements Rule {

    @Override
    public String id() {
        return "rename-breaks-clients";
    }

    @Override
    public RuleInputs inputs() {
        return RuleInputs.changedFiles(Inputs.MIGRATIONS);
    }

    @Override
    public void check(RuleContext context, Findings findings) {
        for (MigrationScan.ScannedMigration m : MigrationScan.judged(context)) {
            m.forEachStatement((statement, newTables) -> {
                if (statement instanceof SqlStatement.RenameTable rename && !newTables.contains(rename.from())) {
                    reportTable(m, findings, rename.span(), rename.from().display(), rename.to().display());
                } else if (statement instanceof SqlStatement.AlterTable alter && !newTables.contains(alter.table())) {
                    for (AlterTableAction action : alter.actions()) {
                        if (action instanceof AlterTableAction.RenameColumn rename) {
                            m.at(findings, rename.span())
                                    .message("Renaming column \"" + rename.from().name() + "\" of "
                                            + DestructiveDrop.quoted(alter.table()) + " to \"" + rename.to().name()
                                            + "\" breaks every running client that still uses the old name.")
                                    .fix("Expand and contract: add the new column, write both, backfill, move reads, "
                                            + "and drop the old column in a later release; or map the new field name "
                                            + "to the old column with @map(\"" + rename.from().name() + "\").")
                                    .key(alter.table().name() + "." + rename.from().name() + "->" + rename.to().name())
                                    .report();
                        } else if (action instanceof AlterTableAction.RenameTable rename) {
                            reportTable(m, findings, rename.span(), alter.table().display(), rename.to().display());
                        }
                    }
                }
            });
        }
    }

    private static void reportTable(MigrationScan.ScannedMigration m, Findings findings,
                                    dev.migrationguard.sql.Span span, String from, String to) {
        m.at(findings, span)
                .message("Renaming table \"" + from + "\" to \"" + to + "\" breaks every running client that still "
                        + "uses the old name.")
                .fix("Keep the table name and map the new model name to it with @@map(\"" + from + "\"), or create "
                        + "a view with the old name for the time the old code still runs.")
                .key(from + "->" + to)
                .report();
    }
}
