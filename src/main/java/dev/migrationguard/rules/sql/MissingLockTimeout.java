package dev.migrationguard.rules.sql;

import dev.migrationguard.rules.Findings;
import dev.migrationguard.rules.Inputs;
import dev.migrationguard.rules.Rule;
import dev.migrationguard.rules.RuleContext;
import dev.migrationguard.rules.RuleInputs;
import dev.migrationguard.rules.RuleOption;
import dev.migrationguard.sql.AlterTableAction;
import dev.migrationguard.sql.ConstraintKind;
import dev.migrationguard.sql.QualifiedName;
import dev.migrationguard.sql.SqlDialect;
import dev.migrationguard.sql.SqlStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A PostgreSQL migration whose first statement that takes an ACCESS EXCLUSIVE lock on an existing table comes with
 * no {@code SET lock_timeout} before it: one finding per migration, at that statement.
 */
public final class MissingLockTimeout implements Rule {
    static final String SET_BY_CONNECTION = "set-by-connection";
    private static final Pattern SETS_TIMEOUT = Pattern.compile(
            "(?is)^(SET\\s+(SESSION\\s+|LOCAL\\s+)?lock_timeout\\b.*|SELECT\\s+set_config\\s*\\(\\s*'lock_timeout'.*)$");

    @Override
    public String id() {
        return "missing-lock-timeout";
    }

    @Override
    public List<RuleOption> options() {
        return List.of(new RuleOption(SET_BY_CONNECTION, RuleOption.Type.BOOLEAN,
                "true when the migration role (ALTER ROLE ... SET lock_timeout) or the connection URL "
                        + "(options=-c lock_timeout=...) already sets lock_timeout: nothing is reported"));
    }

    @Override
    public RuleInputs inputs() {
        return RuleInputs.changedFiles(Inputs.MIGRATIONS);
    }

    @Override
    public void check(RuleContext context, Findings findings) {
        if (context.options().bool(SET_BY_CONNECTION, false)) {
            return;
        }
        for (MigrationScan.ScannedMigration m : MigrationScan.judged(context)) {
            if (m.dialect() != SqlDialect.POSTGRESQL) {
                continue;
            }
            boolean[] timeoutSet = {false};
            List<SqlStatement> locking = new ArrayList<>();
            List<QualifiedName> lockedTables = new ArrayList<>();
            m.forEachStatement((statement, newTables) -> {
                if (statement instanceof SqlStatement.Other
                        && SETS_TIMEOUT.matcher(m.script().text(statement.span()).strip()).matches()) {
                    timeoutSet[0] = true;
                }
                if (timeoutSet[0]) {
                    return;
                }
                QualifiedName table = exclusivelyLocked(statement, newTables);
                if (table != null) {
                    locking.add(statement);
                    lockedTables.add(table);
                }
            });
            if (locking.isEmpty()) {
                continue;
            }
            long tables = lockedTables.subList(1, lockedTables.size()).stream().map(QualifiedName::name).distinct().count();
            String others = locking.size() == 1 ? "" : " (and " + (locking.size() - 1) + " more statement"
                    + (locking.size() > 2 ? "s" : "") + " on " + tables + " table" + (tables > 1 ? "s" : "")
                    + " after it)";
            m.at(findings, locking.get(0).span())
                    .message("This statement takes an ACCESS EXCLUSIVE lock on " + DestructiveDrop.quoted(lockedTables.get(0))
                            + others + " with no SET lock_timeout before it: while it waits behind one long "
                            + "query, every read and write of the table queues behind it, so a quick change "
                            + "becomes an outage.")
                    .fix("Start the migration with SET lock_timeout = '5s'; (and retry the deploy when it gives "
                            + "up); if the role or the connection URL sets lock_timeout, set the rule's option "
                            + SET_BY_CONNECTION + ": true in .migration-guard.yml.")
                    .key(DestructiveDrop.quoted(lockedTables.get(0)))
                    .report();
        }
    }

    /** The existing table a statement locks ACCESS EXCLUSIVE, or {@code null}. */
    private static QualifiedName exclusivelyLocked(SqlStatement statement, NewTables newTables) {
        if (statement instanceof SqlStatement.AlterTable alter && !newTables.contains(alter.table())
                && alter.actions().stream().anyMatch(MissingLockTimeout::exclusive)) {
            return alter.table();
        }
        if (statement instanceof SqlStatement.DropTable drop) {
            return drop.tables().stream().filter(t -> !newTables.contains(t)).findFirst().orElse(null);
        }
        if (statement instanceof SqlStatement.Truncate truncate) {
            return truncate.tables().stream().filter(t -> !newTables.contains(t)).findFirst().orElse(null);
        }
        if (statement instanceof SqlStatement.RenameTable rename && !newTables.contains(rename.from())) {
            return rename.from();
        }
        return null;
    }

    /** Whether an ALTER TABLE action takes ACCESS EXCLUSIVE (foreign keys and validation take weaker locks). */
    private static boolean exclusive(AlterTableAction action) {
        if (action instanceof AlterTableAction.AddConstraint add) {
            return add.constraint().kind() != ConstraintKind.FOREIGN_KEY;
        }
        return !(action instanceof AlterTableAction.ValidateConstraint || action instanceof AlterTableAction.Other);
    }
}
