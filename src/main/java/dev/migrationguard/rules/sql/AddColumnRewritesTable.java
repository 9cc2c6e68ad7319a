package dev.migrationguard.rules.sql;

import dev.migrationguard.rules.Findings;
import dev.migrationguard.rules.Inputs;
import dev.migrationguard.rules.Rule;
import dev.migrationguard.rules.RuleContext;
import dev.migrationguard.rules.RuleInputs;
import dev.migrationguard.sql.AlterTableAction;
import dev.migrationguard.sql.ColumnDefinition;
import dev.migrationguard.sql.SqlDialect;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL ADD COLUMN on an existing table that makes PostgreSQL write a value into every row: a volatile default,
 * a serial or identity column, a stored generated column.
 */
public final class AddColumnRewritesTable implements Rule {
    private static final Set<String> SERIALS = Set.of("serial", "bigserial", "smallserial", "serial2", "serial4",
            "serial8");
    /** Volatile functions a default calls (now() and CURRENT_TIMESTAMP are stable: no rewrite since PostgreSQL 11). */
    private static final Pattern VOLATILE = Pattern.compile("(?i)\\b(gen_random_uuid|uuid_generate_v[14]\\w*"
            + "|uuid_generate_v1mc|uuidv[47]|clock_timestamp|timeofday|random|nextval|txid_current|gen_random_bytes)"
            + "\\s*\\(");
    private static final Pattern VIRTUAL = Pattern.compile("(?i)\\bVIRTUAL\\s*$");

    @Override
    public String id() {
        return "add-column-rewrites-table";
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
                if (!(action instanceof AlterTableAction.AddColumn add)) {
                    return;
                }
                ColumnDefinition c = add.column();
                String why = why(c, m.script().text(c.span()));
                if (why == null) {
                    return;
                }
                String table = DestructiveDrop.quoted(alter.table());
                m.at(findings, add.span())
                        .message("ADD COLUMN \"" + c.name().name() + "\" " + why + ", so PostgreSQL rewrites "
                                + table + " row by row under an ACCESS EXCLUSIVE lock: every read and write of "
                                + "it waits until the rewrite ends.")
                        .fix(fix(c))
                        .key(alter.table().name() + "." + c.name().name())
                        .report();
            });
        }
    }

    /** Why the column makes PostgreSQL write every row, or {@code null} when it does not. */
    private static String why(ColumnDefinition c, String text) {
        if (c.type() != null && SERIALS.contains(c.type().name().toLowerCase(Locale.ROOT))) {
            return "is " + c.type().text().toUpperCase(Locale.ROOT) + ", whose sequence numbers every existing row";
        }
        if (c.autoIncrement()) {
            return "is an identity column, which numbers every existing row";
        }
        if (c.generated() != null && !VIRTUAL.matcher(text).find()) {
            return "is a stored generated column, computed for every existing row";
        }
        if (c.defaultValue() != null) {
            Matcher volatileCall = VOLATILE.matcher(c.defaultValue().text());
            if (volatileCall.find()) {
                return "has the volatile default " + c.defaultValue().text().strip() + ", computed for every "
                        + "existing row";
            }
        }
        return null;
    }

    private static String fix(ColumnDefinition c) {
        if (c.generated() != null) {
            return "Add a plain nullable column, fill it in batches (and keep it filled from the application or a "
                    + "trigger), or accept the rewrite in a maintenance window and suppress this finding with the "
                    + "reason.";
        }
        if (c.defaultValue() == null || c.autoIncrement()
                || SERIALS.contains(c.type() == null ? "" : c.type().name().toLowerCase(Locale.ROOT))) {
            return "Add a plain nullable integer column, create its sequence and SET DEFAULT nextval(...) for new "
                    + "rows, number the existing rows in batches, then make it NOT NULL (through CHECK ... NOT "
                    + "VALID and VALIDATE) in a later migration.";
        }
        return "Add the column without the default (instant), SET DEFAULT " + c.defaultValue().text().strip()
                + " in the same migration so new rows get one, fill the existing rows in batches outside the "
                + "migration, then add NOT NULL in a later one.";
    }
}
