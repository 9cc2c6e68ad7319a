package dev.migrationguard.rules.sql;

import dev.migrationguard.rules.Findings;
import dev.migrationguard.rules.Inputs;
import dev.migrationguard.rules.Rule;
import dev.migrationguard.rules.RuleContext;
import dev.migrationguard.rules.RuleInputs;
import dev.migrationguard.sql.AlterTableAction;
import dev.migrationguard.sql.ColumnDefinition;
import dev.migrationguard.sql.QualifiedName;
import dev.migrationguard.sql.Span;
import dev.migrationguard.sql.SqlStatement;
import java.util.Map;
import java.util.Optional;

/**
 * A column of an existing table made optional: PostgreSQL DROP NOT NULL, MySQL MODIFY and SQL Server ALTER COLUMN
 * without NOT NULL, and SQLite's table redefinition that declares a NOT NULL column without it.
 */
public final class DropNotNull implements Rule {

    @Override
    public String id() {
        return "drop-not-null";
    }

    @Override
    public RuleInputs inputs() {
        return RuleInputs.changedFiles(Inputs.MIGRATIONS);
    }

    @Override
    public void check(RuleContext context, Findings findings) {
        for (MigrationScan.ScannedMigration m : MigrationScan.judged(context)) {
            m.replay((statement, newTables, schema) -> {
                if (statement instanceof SqlStatement.AlterTable alter && !newTables.contains(alter.table())) {
                    for (AlterTableAction action : alter.actions()) {
                        if (action instanceof AlterTableAction.DropNotNull drop) {
                            report(m, findings, alter.table(), drop.column().name(), drop.span());
                        } else if (action instanceof AlterTableAction.AlterColumnType change
                                && change.definition() != null && !change.definition().notNull()
                                && schema.column(alter.table(), change.column().name())
                                .map(ReplayedSchema.Column::notNull).orElse(false)) {
                            report(m, findings, alter.table(), change.column().name(), change.span());
                        }
                    }
                } else if (statement instanceof SqlStatement.CreateTable create) {
                    Optional<String> redefined = redefinedTable(create.table().name());
                    if (redefined.isEmpty()) {
                        return;
                    }
                    QualifiedName old = new QualifiedName(create.table().schema(), redefined.get(), create.table().span());
                    Optional<ReplayedSchema.Table> before = schema.table(old);
                    if (before.isEmpty() || newTables.contains(old)) {
                        return;
                    }
                    Map<String, ReplayedSchema.Column> columns = before.get().columns();
                    for (ColumnDefinition c : create.columns()) {
                        ReplayedSchema.Column was = columns.get(c.name().name());
                        if (was != null && was.notNull() && !c.notNull()) {
                            report(m, findings, old, c.name().name(), c.span());
                        }
                    }
                }
            });
        }
    }

    /** The table a CREATE TABLE "new_T" (SQLite) or "_prisma_new_T" (SQL Server) redefines. */
    private static Optional<String> redefinedTable(String name) {
        for (String prefix : new String[] {"new_", "_prisma_new_"}) {
            if (name.startsWith(prefix) && name.length() > prefix.length()) {
                return Optional.of(name.substring(prefix.length()));
            }
        }
        return Optional.empty();
    }

    private static void report(MigrationScan.ScannedMigration m, Findings findings, QualifiedName table, String column,
                               Span span) {
        m.at(findings, span)
                .message("Column \"" + column + "\" of " + DestructiveDrop.quoted(table) + " becomes optional while "
                        + "the code deployed before this migration still treats it as always set (its Prisma "
                        + "Client types it as non-null): the first NULL the new code writes breaks the old one.")
                .fix("Roll out code that handles NULL in this column (regenerated client) everywhere before any "
                        + "code writes NULL; keep writing a value until then.")
                .key(table.name() + "." + column)
                .report();
    }
}
