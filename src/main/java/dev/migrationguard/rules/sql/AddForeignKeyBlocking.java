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

/** PostgreSQL ADD FOREIGN KEY without NOT VALID on an existing table: every row is checked while writes wait. */
public final class AddForeignKeyBlocking implements Rule {

    @Override
    public String id() {
        return "add-foreign-key-blocking";
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
                if (!(action instanceof AlterTableAction.AddConstraint add)) {
                    return;
                }
                TableConstraint fk = add.constraint();
                if (fk.kind() != ConstraintKind.FOREIGN_KEY || fk.notValid()) {
                    return;
                }
                String table = SqlQuoting.quote(alter.table(), m.dialect());
                String name = fk.name() == null ? "<name>" : SqlQuoting.quote(fk.name().name(), m.dialect());
                m.at(findings, add.span())
                        .message("Adding foreign key" + (fk.name() == null ? "" : " \"" + fk.name().name() + "\"")
                                + " to existing table " + DestructiveDrop.quoted(alter.table())
                                + " checks every row while writes to it and to "
                                + DestructiveDrop.quoted(fk.references().table()) + " wait.")
                        .fix("Add it with NOT VALID (the constraint then holds for new rows at once), and run "
                                + "ALTER TABLE " + table + " VALIDATE CONSTRAINT " + name
                                + "; in a later migration: validation does not block writes.")
                        .key(alter.table().name() + " " + (fk.name() == null ? fk.elements() : fk.name().name()))
                        .report();
            });
        }
    }
}
