package dev.migrationguard.rules.sql;

import dev.migrationguard.rules.Findings;
import dev.migrationguard.rules.Inputs;
import dev.migrationguard.rules.Rule;
import dev.migrationguard.rules.RuleContext;
import dev.migrationguard.rules.RuleInputs;
import dev.migrationguard.sql.AlterTableAction;
import dev.migrationguard.sql.SqlDialect;
import dev.migrationguard.sql.SqlStatement;
import dev.migrationguard.sql.SqlType;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * MySQL/MariaDB MODIFY or CHANGE of a column of an existing table to a type InnoDB cannot change in place: an enum
 * whose values are removed or reordered, or any other type change except growing a VARCHAR within its length prefix.
 */
public final class MysqlTableCopy implements Rule {
    private static final Set<String> VARYING = Set.of("varchar", "varbinary");
    /** utf8mb4 takes up to 4 bytes a character: VARCHAR(63) fits the 1-byte length prefix, VARCHAR(64) needs 2. */
    private static final int ONE_BYTE_PREFIX_CHARS = 63;

    @Override
    public String id() {
        return "mysql-table-copy";
    }

    @Override
    public RuleInputs inputs() {
        return RuleInputs.changedFiles(Inputs.MIGRATIONS);
    }

    @Override
    public void check(RuleContext context, Findings findings) {
        for (MigrationScan.ScannedMigration m : MigrationScan.judged(context)) {
            if (m.dialect() != SqlDialect.MYSQL) {
                continue;
            }
            m.replay((statement, newTables, schema) -> {
                if (!(statement instanceof SqlStatement.AlterTable alter) || newTables.contains(alter.table())) {
                    return;
                }
                for (AlterTableAction action : alter.actions()) {
                    if (!(action instanceof AlterTableAction.AlterColumnType change) || change.type() == null) {
                        continue;
                    }
                    Optional<ReplayedSchema.Column> before = schema.column(alter.table(), change.column().name());
                    if (before.isEmpty() || before.get().type() == null) {
                        continue;
                    }
                    String why = copies(before.get().type(), change.type());
                    if (why == null) {
                        continue;
                    }
                    m.at(findings, change.span())
                            .message("`" + change.column().name() + "` " + why + ": MySQL cannot change that in "
                                    + "place, so ALTER TABLE copies `" + alter.table().name() + "` row by row "
                                    + "(ALGORITHM=COPY) and blocks its writes until the copy ends.")
                            .fix(before.get().type().isInlineEnum() && change.type().isInlineEnum()
                                    ? "Only append new enum values at the end (an instant change); move rows off a "
                                    + "value in a data step and keep the value until a maintenance window."
                                    : "Add a new column of the new type, fill it in batches, switch the code to it and "
                                    + "drop the old one later; or run the change with an online schema change tool "
                                    + "(gh-ost, pt-online-schema-change) and mark the migration applied.")
                            .key(alter.table().name() + "." + change.column().name() + " " + change.type().text())
                            .report();
                }
            });
        }
    }

    /** Why changing {@code from} to {@code to} copies the table, or {@code null} when InnoDB does it in place. */
    static String copies(SqlType from, SqlType to) {
        if (from.isInlineEnum() && to.isInlineEnum()) {
            List<String> old = from.enumValues();
            List<String> now = to.enumValues();
            if (now.size() >= old.size() && now.subList(0, old.size()).equals(old)) {
                return null;
            }
            return now.containsAll(old) ? "reorders the values of its ENUM" : "loses values of its ENUM";
        }
        String a = normal(from);
        String b = normal(to);
        if (a.equals(b)) {
            return null;
        }
        String name = from.name().toLowerCase(Locale.ROOT);
        if (name.equals(to.name().toLowerCase(Locale.ROOT)) && VARYING.contains(name)
                && from.arguments().size() == 1 && to.arguments().size() == 1) {
            Integer was = number(from.arguments().get(0));
            Integer will = number(to.arguments().get(0));
            if (was != null && will != null && will >= was
                    && (will <= ONE_BYTE_PREFIX_CHARS) == (was <= ONE_BYTE_PREFIX_CHARS)) {
                return null;
            }
        }
        return "changes type from " + from.text() + " to " + to.text();
    }

    private static String normal(SqlType type) {
        return type.text().replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }

    private static Integer number(String text) {
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
