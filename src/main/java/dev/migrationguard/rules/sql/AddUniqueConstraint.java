package dev.migrationguard.rules.sql;

import dev.migrationguard.rules.Findings;
import dev.migrationguard.rules.Inputs;
import dev.migrationguard.rules.Rule;
import dev.migrationguard.rules.RuleContext;
import dev.migrationguard.rules.RuleInputs;
import dev.migrationguard.sql.AlterTableAction;
import dev.migrationguard.sql.ConstraintKind;
import dev.migrationguard.sql.QualifiedName;
import dev.migrationguard.sql.Span;
import dev.migrationguard.sql.SqlStatement;
import dev.migrationguard.sql.TableConstraint;
import java.util.List;

/**
 * A unique index, unique constraint or primary key added to an existing table: the migration fails on the first
 * duplicate the existing rows hold. {@code UNIQUE USING INDEX} (an index that already exists) is left alone.
 */
public final class AddUniqueConstraint implements Rule {

    @Override
    public String id() {
        return "add-unique-constraint";
    }

    @Override
    public RuleInputs inputs() {
        return RuleInputs.changedFiles(Inputs.MIGRATIONS);
    }

    @Override
    public void check(RuleContext context, Findings findings) {
        for (MigrationScan.ScannedMigration m : MigrationScan.judged(context)) {
            m.forEachStatement((statement, newTables) -> {
                if (statement instanceof SqlStatement.CreateIndex index && index.unique()
                        && !newTables.contains(index.table())) {
                    List<String> keys = index.elements().stream().map(SqlStatement.IndexElement::text).toList();
                    report(m, findings, index.span(), "unique index", index.name() == null ? null
                            : index.name().name(), index.table(), keys);
                } else if (statement instanceof SqlStatement.AlterTable alter && !newTables.contains(alter.table())) {
                    for (AlterTableAction action : alter.actions()) {
                        if (action instanceof AlterTableAction.AddConstraint add && isUniqueness(add.constraint())) {
                            TableConstraint c = add.constraint();
                            report(m, findings, add.span(), c.kind() == ConstraintKind.PRIMARY_KEY ? "primary key"
                                    : "unique constraint", c.name() == null ? null : c.name().name(), alter.table(),
                                    c.elements());
                        }
                    }
                }
            });
        }
    }

    private static boolean isUniqueness(TableConstraint c) {
        return (c.kind() == ConstraintKind.UNIQUE || c.kind() == ConstraintKind.PRIMARY_KEY) && c.usingIndex() == null;
    }

    private static void report(MigrationScan.ScannedMigration m, Findings findings, Span span, String what,
                               String name, QualifiedName table, List<String> keys) {
        String keyList = String.join(", ", keys);
        m.at(findings, span)
                .message("Adding " + what + (name == null ? "" : " \"" + name + "\"") + " to existing table "
                        + DestructiveDrop.quoted(table) + " fails if its rows already hold duplicate ("
                        + keyList + ") values" + (what.equals("primary key") ? " or NULLs." : "."))
                .fix("Find and resolve duplicates first (SELECT " + keyList + ", count(*) FROM "
                        + SqlQuoting.quote(table, m.dialect()) + " GROUP BY " + keyList
                        + " HAVING count(*) > 1) and keep the code from writing new ones; on PostgreSQL build the "
                        + "index with CREATE UNIQUE INDEX CONCURRENTLY and attach it with ADD CONSTRAINT ... UNIQUE "
                        + "USING INDEX.")
                .key(table.name() + " " + (name == null ? keyList : name))
                .report();
    }
}
