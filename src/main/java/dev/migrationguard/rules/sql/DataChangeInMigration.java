package dev.migrationguard.rules.sql;

import dev.migrationguard.rules.Findings;
import dev.migrationguard.rules.Inputs;
import dev.migrationguard.rules.Rule;
import dev.migrationguard.rules.RuleContext;
import dev.migrationguard.rules.RuleInputs;
import dev.migrationguard.sql.AlterTableAction;
import dev.migrationguard.sql.DataChange;
import dev.migrationguard.sql.SqlStatement;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * UPDATE, DELETE, MERGE and INSERT ... SELECT in a migration: a backfill inside the schema change. Rows a migration
 * writes into a table it created are left alone when they are the copy step of a table redefinition (SQLite's and
 * SQL Server's {@code new_T}), as are UPDATE and DELETE of a table the migration created.
 */
public final class DataChangeInMigration implements Rule {

    @Override
    public String id() {
        return "data-change-in-migration";
    }

    @Override
    public RuleInputs inputs() {
        return RuleInputs.changedFiles(Inputs.MIGRATIONS);
    }

    @Override
    public void check(RuleContext context, Findings findings) {
        for (MigrationScan.ScannedMigration m : MigrationScan.judged(context)) {
            // New tables that hold rows copied in by this migration (a redefined table, renamed to the old name).
            Set<String> filled = new HashSet<>();
            m.forEachStatement((statement, newTables) -> {
                followRenames(statement, filled);
                Optional<DataChange> read = DataChange.of(m.script(), statement);
                if (read.isEmpty()) {
                    return;
                }
                DataChange change = read.get();
                boolean newTable = newTables.contains(change.table()) && !filled.contains(change.table().name());
                if (change.kind() == DataChange.Kind.INSERT && change.fromQuery()) {
                    filled.add(change.table().name());
                }
                if (change.kind() == DataChange.Kind.INSERT && (!change.fromQuery() || (newTable
                        && isRedefinitionCopy(change)))) {
                    return;
                }
                if (change.kind() != DataChange.Kind.INSERT && newTable) {
                    return;
                }
                String verb = switch (change.kind()) {
                    case INSERT -> "INSERT ... SELECT into";
                    case UPDATE -> "UPDATE of";
                    case DELETE -> "DELETE from";
                    case MERGE -> "MERGE into";
                };
                m.at(findings, change.span())
                        .message(verb + " \"" + change.table().display() + "\" changes rows inside the migration: "
                                + "it runs in the deploy's transaction, holds its row locks and every lock taken "
                                + "before it until the whole file commits, and its time grows with the table.")
                        .fix("Backfill in batches outside the schema change (a script or job run after the "
                                + "migration that adds the column and before the one that relies on the data); keep "
                                + "only a small, bounded fix here and suppress this finding with the reason "
                                + "(-- migration-guard-ignore data-change-in-migration: <reason>).")
                        .key(change.kind() + " " + change.table().display())
                        .report();
            });
        }
    }

    private static void followRenames(SqlStatement statement, Set<String> filled) {
        if (statement instanceof SqlStatement.RenameTable rename && filled.contains(rename.from().name())) {
            filled.add(rename.to().name());
        } else if (statement instanceof SqlStatement.AlterTable alter && filled.contains(alter.table().name())) {
            for (AlterTableAction action : alter.actions()) {
                if (action instanceof AlterTableAction.RenameTable rename) {
                    filled.add(rename.to().name());
                }
            }
        }
    }

    /** {@code INSERT INTO "new_T" ... SELECT ... FROM "T"}: the copy step of a table redefinition. */
    private static boolean isRedefinitionCopy(DataChange change) {
        String target = change.table().name();
        for (String prefix : new String[] {"new_", "_prisma_new_"}) {
            if (target.startsWith(prefix) && change.mentions(target.substring(prefix.length()))) {
                return true;
            }
        }
        return false;
    }
}
