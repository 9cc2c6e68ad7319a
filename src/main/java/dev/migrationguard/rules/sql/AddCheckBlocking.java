package dev.migrationguard.rules.sql;

import dev.migrationguard.rules.Findings;
import dev.migrationguard.rules.Inputs;
import dev.migrationguard.rules.Rule;
import dev.migrationguard.rules.RuleContext;
import dev.migrationguard.rules.RuleInputs;
import dev.migrationguard.sql.AlterTableAction;
import dev.migrationguard.sql.ConstraintKind;
import dev.migrationguard.sql.SqlDialect;
import dev.migrationguard.sql.TableConstraint;

/** PostgreSQL ADD CONSTRAINT ... CHECK without NOT VALID on a table this migration did not create. */
public final class AddCheckBlocking implements Rule {

    @Override
    public String id() {
        return "add-check-blocking";
    }

    @Override
    public RuleInputs inputs() {
        return RuleInputs.changedFiles(Inputs.MIGRATIONS);
    }

    @Override
    public void check(RuleContext context, Findings findings) {
        for (MigrationScan.ScannedMigration m : MigrationScan.judged(context)) {
            if (m.dialect() != SqlDialect.POSTGRESQL) {
                continue;
            }
            m.forEachAlterOfExistingTable((alter, action) -> {
                if (action instanceof AlterTableAction.AddConstraint add
                        && add.constraint().kind() == ConstraintKind.CHECK && !add.constraint().notValid()) {
                    TableConstraint c = add.constraint();
                    String name = c.name() == null ? "" : " \"" + c.name().name() + "\"";
                    m.at(findings, add.span())
                            .message("ADD CONSTRAINT" + name + " CHECK checks every row of existing table "
                                    + DestructiveDrop.quoted(alter.table()) + " under an ACCESS EXCLUSIVE lock: "
                                    + "reads and writes wait for the scan, and one bad row fails the migration.")
                            .fix("Add it with NOT VALID (new and updated rows are checked at once, no scan), then "
                                    + "ALTER TABLE ... VALIDATE CONSTRAINT" + name + " in a later migration, which "
                                    + "scans without blocking writes.")
                            .key(alter.table().name() + " " + (c.name() == null ? c.span().toString() : c.name().name()))
                            .report();
                }
            });
        }
    }
}
