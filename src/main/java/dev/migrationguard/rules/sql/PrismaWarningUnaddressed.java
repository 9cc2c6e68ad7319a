package dev.migrationguard.rules.sql;

import dev.migrationguard.rules.Findings;
import dev.migrationguard.rules.Inputs;
import dev.migrationguard.rules.Rule;
import dev.migrationguard.rules.RuleContext;
import dev.migrationguard.rules.RuleInputs;
import dev.migrationguard.sql.AlterTableAction;
import dev.migrationguard.sql.AlterTypeAction;
import dev.migrationguard.sql.ColumnDefinition;
import dev.migrationguard.sql.ConstraintKind;
import dev.migrationguard.sql.DataChange;
import dev.migrationguard.sql.Identifier;
import dev.migrationguard.sql.PrismaWarnings;
import dev.migrationguard.sql.SqlScript;
import dev.migrationguard.sql.SqlStatement;
import dev.migrationguard.sql.TableConstraint;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A warning of Prisma's generated {@code Warnings:} block whose statement is still in the migration as Prisma wrote
 * it, with no data step (UPDATE, DELETE, INSERT ... SELECT) before it that deals with the rows it endangers.
 */
public final class PrismaWarningUnaddressed implements Rule {

    @Override
    public String id() {
        return "prisma-warning-unaddressed";
    }

    @Override
    public RuleInputs inputs() {
        return RuleInputs.changedFiles(Inputs.MIGRATIONS);
    }

    @Override
    public void check(RuleContext context, Findings findings) {
        for (MigrationScan.ScannedMigration m : MigrationScan.judged(context)) {
            List<PrismaWarnings.Warning> warnings = PrismaWarnings.of(m.script().file());
            for (PrismaWarnings.Warning warning : warnings) {
                check(m, warning, findings);
            }
        }
    }

    private static void check(MigrationScan.ScannedMigration m, PrismaWarnings.Warning w, Findings findings) {
        if (w.table() == null) {
            return;
        }
        SqlScript script = m.script();
        List<SqlStatement> statements = script.statements();
        String column = w.columns().isEmpty() ? null : w.columns().get(0);
        Predicate<SqlStatement> target;
        Predicate<DataChange> dealsWith;
        String fix;
        switch (w.kind()) {
            case DROP_COLUMN -> {
                target = s -> alters(s, w.table(), a -> a instanceof AlterTableAction.DropColumn d
                        && d.column().name().equals(column)) || drops(s, w.table());
                dealsWith = d -> d.mentions(column);
                fix = "Copy what the column holds before it goes (an UPDATE or INSERT ... SELECT before the drop); "
                        + "if the field was renamed, write ALTER TABLE ... RENAME COLUMN instead of the drop and add.";
            }
            case DROP_TABLE -> {
                target = s -> drops(s, w.table());
                dealsWith = d -> d.mentions(w.table());
                fix = "Archive the rows first (INSERT INTO an archive table ... SELECT before the DROP); if the model "
                        + "was renamed, write ALTER TABLE ... RENAME TO instead.";
            }
            case REQUIRED_COLUMN -> {
                target = s -> alters(s, w.table(), a -> a instanceof AlterTableAction.AddColumn add
                        && add.column().name().name().equals(column) && add.column().notNull()
                        && !add.column().hasValueForExistingRows())
                        || redefinesWithoutValue(script, s, w.table(), column);
                dealsWith = d -> false;
                fix = "Add the column as optional (or with a DEFAULT), fill it with an UPDATE, then make it required "
                        + "(SET NOT NULL) in the same or a later migration.";
            }
            case UNIQUE -> {
                target = s -> addsUnique(s, w.table(), w.columns());
                dealsWith = d -> d.table().name().equals(w.table()) && d.kind() != DataChange.Kind.INSERT;
                fix = "Remove or merge the duplicate rows before the unique index (a DELETE or UPDATE on the table "
                        + "before it), or check in production that there are none and suppress this finding with the "
                        + "result.";
            }
            case MADE_REQUIRED -> {
                target = s -> alters(s, w.table(), a -> (a instanceof AlterTableAction.SetNotNull n
                        && n.column().name().equals(column))
                        || (a instanceof AlterTableAction.AlterColumnType t && t.column().name().equals(column)
                        && t.definition() != null && t.definition().notNull()))
                        || redefinesRequired(s, w.table(), column);
                dealsWith = d -> d.mentions(column);
                fix = "Fill the NULLs first: UPDATE the table SET the column to a value WHERE it IS NULL, before the "
                        + "statement that makes it required.";
            }
            case ENUM_VALUES_REMOVED -> {
                target = s -> changesEnum(s, w.table());
                dealsWith = d -> d.kind() == DataChange.Kind.UPDATE || d.kind() == DataChange.Kind.DELETE;
                fix = "Move the rows off the removed values first (UPDATE ... SET the column to a remaining value "
                        + "WHERE it holds a removed one), before the enum is changed.";
            }
            case COLUMN_RECREATED, COLUMN_CAST -> {
                target = s -> alters(s, w.table(), a -> (a instanceof AlterTableAction.DropColumn d
                        && d.column().name().equals(column)) || (a instanceof AlterTableAction.AlterColumnType t
                        && t.column().name().equals(column))) || drops(s, w.table());
                dealsWith = d -> d.mentions(column);
                fix = "Convert the data yourself: add a new column, fill it with an UPDATE that casts the old "
                        + "values, then drop the old column (or write ALTER COLUMN ... TYPE ... USING with a cast).";
            }
            default -> {
                return;
            }
        }
        int at = -1;
        for (int i = 0; i < statements.size(); i++) {
            if (target.test(statements.get(i))) {
                at = i;
                break;
            }
        }
        if (at < 0) {
            return;
        }
        int limit = at;
        if (statements.get(at) instanceof SqlStatement.CreateTable create && isRedefinition(create, w.table())) {
            // A redefined table is filled by its copy step, which comes after the CREATE TABLE and before the DROP.
            while (limit < statements.size() && !drops(statements.get(limit), w.table())) {
                limit++;
            }
        }
        for (int i = 0; i < limit; i++) {
            Optional<DataChange> change = DataChange.of(script, statements.get(i));
            if (change.isPresent() && !change.get().plainCopy() && dealsWith.test(change.get())) {
                return;
            }
        }
        SqlStatement statement = statements.get(at);
        int line = script.file().line(statement.span().start());
        m.at(findings, w.span())
                .message("Prisma warned \"" + w.text() + "\" and the migration does nothing about it: the statement "
                        + "at line " + line + " runs as generated, with no data step before it.")
                .fix(fix + " If the data may go, suppress this finding with the reason "
                        + "(-- migration-guard-ignore prisma-warning-unaddressed: <reason>) on the line above.")
                .key(w.kind() + " " + w.table() + " " + String.join(",", w.columns()))
                .report();
    }

    private static boolean alters(SqlStatement s, String table, Predicate<AlterTableAction> action) {
        return s instanceof SqlStatement.AlterTable alter && alter.table().name().equals(table)
                && alter.actions().stream().anyMatch(action);
    }

    private static boolean drops(SqlStatement s, String table) {
        return s instanceof SqlStatement.DropTable drop && drop.tables().stream().anyMatch(t -> t.name().equals(table));
    }

    private static boolean addsUnique(SqlStatement s, String table, List<String> columns) {
        if (s instanceof SqlStatement.CreateIndex index && index.unique() && index.table().name().equals(table)) {
            return columns.isEmpty() || index.elements().stream()
                    .map(e -> e.column() == null ? e.text() : e.column().name()).toList().equals(columns);
        }
        return alters(s, table, a -> a instanceof AlterTableAction.AddConstraint add
                && isUnique(add.constraint(), columns));
    }

    private static boolean isUnique(TableConstraint c, List<String> columns) {
        return (c.kind() == ConstraintKind.UNIQUE || c.kind() == ConstraintKind.PRIMARY_KEY)
                && (columns.isEmpty() || c.columns().stream().map(Identifier::name).toList().equals(columns));
    }

    private static boolean changesEnum(SqlStatement s, String name) {
        if (s instanceof SqlStatement.CreateEnum create) {
            return create.name().name().equals(name + "_new") || create.name().name().equals(name);
        }
        if (s instanceof SqlStatement.AlterType alter) {
            return alter.name().name().equals(name) && !(alter.action() instanceof AlterTypeAction.AddValue);
        }
        // MySQL names a column's enum Table_column and changes it with MODIFY.
        return s instanceof SqlStatement.AlterTable alter && alter.actions().stream().anyMatch(a ->
                a instanceof AlterTableAction.AlterColumnType t
                        && (alter.table().name() + "_" + t.column().name()).equals(name));
    }

    /** A redefined table (SQLite) that declares the column NOT NULL. */
    private static boolean redefinesRequired(SqlStatement s, String table, String column) {
        return s instanceof SqlStatement.CreateTable create && isRedefinition(create, table)
                && create.columns().stream().anyMatch(c -> c.name().name().equals(column) && c.notNull());
    }

    /** A redefined table with a required column that its copy step leaves without a value. */
    private static boolean redefinesWithoutValue(SqlScript script, SqlStatement s, String table, String column) {
        if (!(s instanceof SqlStatement.CreateTable create) || !isRedefinition(create, table)) {
            return false;
        }
        Optional<ColumnDefinition> added = create.columns().stream()
                .filter(c -> c.name().name().equals(column)).findFirst();
        if (added.isEmpty() || !added.get().notNull() || added.get().hasValueForExistingRows()) {
            return false;
        }
        // An author who fills the column in the copy step has dealt with it.
        return script.statements().stream().map(st -> DataChange.of(script, st)).flatMap(Optional::stream)
                .noneMatch(d -> d.table().name().equals(create.table().name()) && d.mentions(column));
    }

    private static boolean isRedefinition(SqlStatement.CreateTable create, String table) {
        String name = create.table().name();
        return name.equals("new_" + table) || name.equals("_prisma_new_" + table);
    }
}
