package dev.migrationguard.rules.sql;

import dev.migrationguard.rules.Findings;
import dev.migrationguard.rules.Rule;
import dev.migrationguard.rules.RuleContext;
import dev.migrationguard.sql.AlterTableAction;
import dev.migrationguard.sql.QualifiedName;
import dev.migrationguard.sql.SqlStatement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A migration that drops a column of a table and adds another to it: how Prisma writes a renamed field, losing
 * the column's data. Reported on the added column, with the RENAME COLUMN that keeps the data.
 */
public final class DropAndAddColumn implements Rule {

    @Override
    public String id() {
        return "drop-and-add-column";
    }

    private record Dropped(String column, ReplayedSchema.Column before) {
    }

    private record Added(QualifiedName table, AlterTableAction.AddColumn action) {
    }

    @Override
    public void check(RuleContext context, Findings findings) {
        for (MigrationScan.ScannedMigration m : MigrationScan.of(context.snapshot())) {
            Map<String, List<Dropped>> dropped = new LinkedHashMap<>();
            List<Added> added = new ArrayList<>();
            m.replay((statement, newTables, schema) -> {
                if (!(statement instanceof SqlStatement.AlterTable alter) || newTables.contains(alter.table())) {
                    return;
                }
                for (AlterTableAction action : alter.actions()) {
                    if (action instanceof AlterTableAction.DropColumn drop
                            && !addedHere(added, alter.table().name(), drop.column().name())) {
                        dropped.computeIfAbsent(alter.table().name(), k -> new ArrayList<>()).add(new Dropped(
                                drop.column().name(), schema.column(alter.table(), drop.column().name()).orElse(null)));
                    } else if (action instanceof AlterTableAction.AddColumn add) {
                        added.add(new Added(alter.table(), add));
                    }
                }
            });
            for (Added add : added) {
                List<Dropped> candidates = dropped.getOrDefault(add.table().name(), List.of());
                if (candidates.isEmpty()) {
                    continue;
                }
                Dropped partner = partner(candidates, add);
                candidates.remove(partner);
                String newName = add.action().column().name().name();
                if (partner.column().equals(newName)) {
                    reportRecreated(m, findings, add);
                    continue;
                }
                m.at(findings, add.action().span())
                        .message("Column \"" + newName + "\" is added to " + DestructiveDrop.quoted(add.table())
                                + " in the migration that drops \"" + partner.column() + "\": if this is a rename, "
                                + "the data in \"" + partner.column() + "\" is lost.")
                        .fix("To keep the data, replace the DROP COLUMN and ADD COLUMN with "
                                + SqlQuoting.renameColumn(add.table(), partner.column(), newName, m.dialect()))
                        .key(add.table().name() + "." + partner.column() + "->" + newName)
                        .report();
            }
        }
    }

    private static boolean addedHere(List<Added> added, String table, String column) {
        return added.stream().anyMatch(a -> a.table().name().equals(table)
                && a.action().column().name().name().equals(column));
    }

    /** Prisma's "the column would be dropped and recreated" for a type change without a cast. */
    private static void reportRecreated(MigrationScan.ScannedMigration m, Findings findings, Added add) {
        String column = add.action().column().name().name();
        String type = add.action().column().type() == null ? "<type>" : add.action().column().type().text();
        m.at(findings, add.action().span())
                .message("Column \"" + column + "\" of " + DestructiveDrop.quoted(add.table())
                        + " is dropped and added again: every value in it is lost.")
                .fix("To keep the data, convert the column in place: ALTER TABLE "
                        + SqlQuoting.quote(add.table(), m.dialect()) + " ALTER COLUMN "
                        + SqlQuoting.quote(column, m.dialect()) + " TYPE " + type + " USING <conversion>;")
                .key(add.table().name() + "." + column + " recreated")
                .report();
    }

    /** The dropped column most likely renamed to the added one: the same name, the same type, else the first. */
    private static Dropped partner(List<Dropped> candidates, Added add) {
        String name = add.action().column().name().name();
        for (Dropped d : candidates) {
            if (d.column().equals(name)) {
                return d;
            }
        }
        var type = add.action().column().type();
        if (type != null) {
            for (Dropped d : candidates) {
                if (d.before() != null && d.before().type() != null
                        && d.before().type().normalized().equals(type.normalized())) {
                    return d;
                }
            }
        }
        return candidates.get(0);
    }
}
