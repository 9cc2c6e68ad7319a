package dev.migrationguard.rules.sql;

import dev.migrationguard.rules.Findings;
import dev.migrationguard.rules.Inputs;
import dev.migrationguard.rules.Rule;
import dev.migrationguard.rules.RuleContext;
import dev.migrationguard.rules.RuleInputs;
import dev.migrationguard.sql.AlterTableAction;
import dev.migrationguard.sql.SqlStatement;
import dev.migrationguard.sql.SqlType;
import java.util.Locale;
import java.util.Set;

/**
 * A column type change on an existing table: the table is rewritten under a lock and values that do not convert
 * fail the migration or are truncated. MySQL's MODIFY and SQL Server's ALTER COLUMN count only when the type
 * differs from the one the earlier migrations gave the column; widening a varchar (or turning it into text) is
 * left alone, and so is a MySQL ENUM redefined as another ENUM (enum-value-removed judges those).
 */
public final class AlterColumnType implements Rule {
    private static final Set<String> VARCHAR = Set.of("varchar", "character varying", "nvarchar");
    private static final Set<String> TEXT = Set.of("text", "longtext", "mediumtext");

    @Override
    public String id() {
        return "alter-column-type";
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
                for (AlterTableAction action : alter.actions()) {
                    if (!(action instanceof AlterTableAction.AlterColumnType change) || change.type() == null) {
                        continue;
                    }
                    String column = change.column().name();
                    SqlType before = schema.column(alter.table(), column).map(ReplayedSchema.Column::type)
                            .orElse(null);
                    boolean redefinition = change.definition() != null;
                    if (redefinition && before == null) {
                        continue;
                    }
                    if (before != null && (before.normalized().equals(change.type().normalized())
                            || isSafeWidening(before, change.type())
                            || before.isInlineEnum() && change.type().isInlineEnum())) {
                        continue;
                    }
                    String table = DestructiveDrop.quoted(alter.table());
                    String from = before == null ? "" : " from " + before.text();
                    m.at(findings, change.span())
                            .message("Changing the type of \"" + column + "\"" + from + " to " + change.type().text()
                                    + " rewrites " + table + " under an exclusive lock, and values that do not "
                                    + "convert make the migration fail or are truncated.")
                            .fix("Add a new column of the new type, backfill it in batches, move the code to it, and "
                                    + "drop the old column in a later migration.")
                            .key(alter.table().name() + "." + column + " " + change.type().normalized())
                            .report();
                }
            });
        }
    }

    /** varchar(n) to varchar(m >= n), varchar without limit or text: no rewrite, no lost value. */
    private static boolean isSafeWidening(SqlType before, SqlType after) {
        String from = before.name().toLowerCase(Locale.ROOT);
        String to = after.name().toLowerCase(Locale.ROOT);
        if (!VARCHAR.contains(from) || before.arrayDimensions() != after.arrayDimensions()) {
            return false;
        }
        if (TEXT.contains(to)) {
            return true;
        }
        if (!VARCHAR.contains(to)) {
            return false;
        }
        if (after.arguments().isEmpty()) {
            return true;
        }
        if (after.arguments().get(0).equalsIgnoreCase("max")) {
            return true;
        }
        if (before.arguments().isEmpty()) {
            return false;
        }
        try {
            return Integer.parseInt(after.arguments().get(0)) >= Integer.parseInt(before.arguments().get(0));
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
