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

/** ADD COLUMN ... NOT NULL without a default on a table this migration did not create. */
public final class AddNotNullWithoutDefault implements Rule {
    /** PostgreSQL types that bring their own default (a sequence). */
    private static final Set<String> SERIAL_TYPES = Set.of("serial", "bigserial", "smallserial", "serial2", "serial4",
            "serial8");

    @Override
    public String id() {
        return "add-not-null-without-default";
    }

    @Override
    public RuleInputs inputs() {
        return RuleInputs.changedFiles(Inputs.MIGRATIONS);
    }

    @Override
    public void check(RuleContext context, Findings findings) {
        for (MigrationScan.ScannedMigration m : MigrationScan.judged(context)) {
            m.forEachAlterOfExistingTable((alter, action) -> {
                if (action instanceof AlterTableAction.AddColumn add && lacksValue(add.column())) {
                    ColumnDefinition c = add.column();
                    String table = DestructiveDrop.quoted(alter.table());
                    String consequence = m.dialect() == SqlDialect.MYSQL
                            ? "MySQL fills the existing rows of " + table
                                    + " with the type's implicit default (0, '' or a zero date), not a value you chose"
                            : "the migration fails as soon as " + table + " has a row";
                    m.at(findings, add.span())
                            .message("Column \"" + c.name().name() + "\" is added as NOT NULL without a default: "
                                    + consequence + ".")
                            .fix("Give it a default (" + c.name().name() + " " + typeText(c)
                                    + " NOT NULL DEFAULT <value>), or add it nullable, backfill it, and make it "
                                    + "NOT NULL in a later migration.")
                            .key(alter.table().name() + "." + c.name().name())
                            .report();
                }
            });
        }
    }

    private static boolean lacksValue(ColumnDefinition c) {
        if (!c.notNull() || c.hasValueForExistingRows()) {
            return false;
        }
        return c.type() == null || !SERIAL_TYPES.contains(c.type().name().toLowerCase(Locale.ROOT));
    }

    private static String typeText(ColumnDefinition c) {
        return c.type() == null ? "<type>" : c.type().text();
    }
}
