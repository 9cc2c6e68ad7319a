package dev.migrationguard.rules.sql;

import dev.migrationguard.rules.Findings;
import dev.migrationguard.rules.Inputs;
import dev.migrationguard.rules.Rule;
import dev.migrationguard.rules.RuleContext;
import dev.migrationguard.rules.RuleInputs;
import dev.migrationguard.sql.AlterTableAction;
import dev.migrationguard.sql.SqlStatement;

/**
 * Making an existing column NOT NULL: PostgreSQL's SET NOT NULL, and MySQL's MODIFY / SQL Server's ALTER COLUMN of
 * a column the earlier migrations left nullable. The database checks every row under a lock and fails on a NULL.
 */
public final class SetNotNull implements Rule {

    @Override
    public String id() {
        return "set-not-null";
    }

    @Override
    public RuleInputs inputs() {
        return RuleInputs.changedFiles(Inputs.MIGRATIONS);
    }

    @Override
    public void check(RuleContext context, Findings findings) {
        for (MigrationScan.ScannedMigration m : MigrationScan.judged(context)) {
            m.replay((statement, newTables, schema) -> {
                if (!(statement instanceof SqlStatement.AlterTable alter) || newTables.contains(alter.table())) {
                    return;
                }
                String table = DestructiveDrop.quoted(alter.table());
                for (AlterTableAction action : alter.actions()) {
                    if (action instanceof AlterTableAction.SetNotNull set
                            && !schema.provenNotNull(alter.table(), set.column().name())) {
                        String column = set.column().name();
                        m.at(findings, set.span())
                                .message("SET NOT NULL on \"" + column + "\" scans all of " + table + " under an "
                                        + "ACCESS EXCLUSIVE lock, and fails if any row holds NULL.")
                                .fix("Backfill the NULLs first; then add CHECK (\"" + column + "\" IS NOT NULL) NOT "
                                        + "VALID, VALIDATE it in a later migration, and only then SET NOT NULL "
                                        + "(PostgreSQL 12+ uses the valid check instead of scanning).")
                                .key(alter.table().name() + "." + column)
                                .report();
                    } else if (action instanceof AlterTableAction.AlterColumnType change
                            && change.definition() != null && change.definition().notNull()) {
                        String column = change.column().name();
                        boolean wasNullable = schema.column(alter.table(), column)
                                .map(c -> !c.notNull()).orElse(false);
                        if (wasNullable) {
                            m.at(findings, change.span())
                                    .message("Column \"" + column + "\" of " + table + " becomes NOT NULL: "
                                            + m.dialect().displayName() + " checks every row under a lock and the "
                                            + "migration fails if any row holds NULL.")
                                    .fix("Update the rows that hold NULL to a real value in an earlier migration, "
                                            + "then make the column NOT NULL.")
                                    .key(alter.table().name() + "." + column)
                                    .report();
                        }
                    }
                }
            });
        }
    }
}
