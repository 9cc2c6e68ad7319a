package dev.migrationguard.rules.sql;

import dev.migrationguard.rules.Findings;
import dev.migrationguard.rules.Inputs;
import dev.migrationguard.rules.Rule;
import dev.migrationguard.rules.RuleContext;
import dev.migrationguard.rules.RuleInputs;
import dev.migrationguard.sql.AlterTableAction;
import dev.migrationguard.sql.ColumnDefinition;
import dev.migrationguard.sql.QualifiedName;
import dev.migrationguard.sql.SqlStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * DROP TABLE, DROP COLUMN, DROP SCHEMA, DROP TYPE and TRUNCATE on objects that hold data. A table recreated under
 * its own name (SQLite's and SQL Server's table redefinition) is only reported for the columns it loses; what the
 * same migration created (tables, columns, types) holds no data yet.
 */
public final class DestructiveDrop implements Rule {

    @Override
    public String id() {
        return "destructive-drop";
    }

    @Override
    public RuleInputs inputs() {
        return RuleInputs.changedFiles(Inputs.MIGRATIONS);
    }

    @Override
    public void check(RuleContext context, Findings findings) {
        for (MigrationScan.ScannedMigration m : MigrationScan.judged(context)) {
            check(m, findings);
        }
    }

    private void check(MigrationScan.ScannedMigration m, Findings findings) {
        Map<String, SqlStatement.CreateTable> redefinitions = redefinitions(m);
        Set<String> typesMadeHere = new HashSet<>();
        Set<String> columnsAddedHere = new HashSet<>();
        m.replay((statement, newTables, schema) -> {
            if (statement instanceof SqlStatement.DropTable drop) {
                List<String> lost = new ArrayList<>();
                for (QualifiedName table : drop.tables()) {
                    if (newTables.contains(table)) {
                        continue;
                    }
                    SqlStatement.CreateTable replacement = redefinitions.get(table.name());
                    if (replacement == null) {
                        lost.add(quoted(table));
                    } else {
                        reportLostColumns(m, findings, drop, table, replacement, schema);
                    }
                }
                if (!lost.isEmpty()) {
                    m.at(findings, drop.span())
                            .message("DROP TABLE deletes " + String.join(", ", lost) + " with all its rows.")
                            .fix("Drop a table only after no deployed code reads it and its data is archived; then "
                                    + "suppress this finding on the statement with the reason "
                                    + "(-- migration-guard-ignore destructive-drop: <reason>).")
                            .report();
                }
            } else if (statement instanceof SqlStatement.AlterTable alter && !newTables.contains(alter.table())) {
                for (AlterTableAction action : alter.actions()) {
                    if (action instanceof AlterTableAction.AddColumn add) {
                        columnsAddedHere.add(alter.table().name() + "." + add.column().name().name());
                    } else if (action instanceof AlterTableAction.DropColumn drop
                            && !columnsAddedHere.contains(alter.table().name() + "." + drop.column().name())) {
                        m.at(findings, drop.span())
                                .message("DROP COLUMN deletes column \"" + drop.column().name() + "\" of "
                                        + quoted(alter.table()) + " and the data in it.")
                                .fix("Stop reading and writing the column in a release first, back its data up if it "
                                        + "matters, then drop it; if this is a rename, rename the column instead.")
                                .key(alter.table().name() + "." + drop.column().name())
                                .report();
                    }
                }
            } else if (statement instanceof SqlStatement.DropSchema drop) {
                m.at(findings, drop.span())
                        .message("DROP SCHEMA deletes schema " + drop.names().stream().map(DestructiveDrop::quoted)
                                .collect(Collectors.joining(", "))
                                + (drop.cascade() ? " and, with CASCADE, every object in it." : "."))
                        .fix("Move or archive what the schema holds first; drop it only when nothing uses it.")
                        .report();
            } else if (statement instanceof SqlStatement.DropType drop) {
                List<String> dropped = drop.names().stream().filter(n -> !typesMadeHere.contains(n.name()))
                        .map(DestructiveDrop::quoted).toList();
                if (!dropped.isEmpty()) {
                    m.at(findings, drop.span())
                            .message("DROP TYPE deletes type " + String.join(", ", dropped)
                                    + (drop.cascade() ? " and, with CASCADE, every column of that type." : "."))
                            .fix("Convert the columns that use the type to another type first (or drop them "
                                    + "deliberately), then drop the type.")
                            .report();
                }
            } else if (statement instanceof SqlStatement.Truncate truncate) {
                List<String> tables = truncate.tables().stream().filter(t -> !newTables.contains(t))
                        .map(DestructiveDrop::quoted).toList();
                if (!tables.isEmpty()) {
                    m.at(findings, truncate.span())
                            .message("TRUNCATE deletes every row of " + String.join(", ", tables) + ".")
                            .fix("Delete rows in a migration only when they are disposable; otherwise archive them "
                                    + "or delete them selectively with DELETE ... WHERE.")
                            .report();
                }
            }
            rememberTypesMadeHere(statement, typesMadeHere);
        });
    }

    /** Types created in this migration, or renamed aside (Prisma's enum swap renames "E" to "E_old" before dropping it). */
    private static void rememberTypesMadeHere(SqlStatement statement, Set<String> typesMadeHere) {
        if (statement instanceof SqlStatement.CreateEnum create) {
            typesMadeHere.add(create.name().name());
        } else if (statement instanceof SqlStatement.CreateType create) {
            typesMadeHere.add(create.name().name());
        } else if (statement instanceof SqlStatement.AlterType alter
                && alter.action() instanceof dev.migrationguard.sql.AlterTypeAction.Rename rename) {
            typesMadeHere.add(rename.to().name());
        }
    }

    /**
     * Tables this migration recreates: a table created here and later renamed to the name of a table it drops.
     * Maps the recreated table's name to the CREATE TABLE of its replacement.
     */
    private static Map<String, SqlStatement.CreateTable> redefinitions(MigrationScan.ScannedMigration m) {
        Map<String, SqlStatement.CreateTable> created = new HashMap<>();
        Map<String, SqlStatement.CreateTable> out = new HashMap<>();
        for (SqlStatement statement : m.script().statements()) {
            if (statement instanceof SqlStatement.CreateTable create) {
                created.put(create.table().name(), create);
            } else if (statement instanceof SqlStatement.RenameTable rename && created.containsKey(rename.from().name())) {
                out.put(rename.to().name(), created.get(rename.from().name()));
            } else if (statement instanceof SqlStatement.AlterTable alter && created.containsKey(alter.table().name())) {
                for (AlterTableAction action : alter.actions()) {
                    if (action instanceof AlterTableAction.RenameTable rename) {
                        out.put(rename.to().name(), created.get(alter.table().name()));
                    }
                }
            }
        }
        return out;
    }

    private static void reportLostColumns(MigrationScan.ScannedMigration m, Findings findings,
                                          SqlStatement.DropTable drop, QualifiedName table,
                                          SqlStatement.CreateTable replacement, ReplayedSchema schema) {
        ReplayedSchema.Table old = schema.table(table).orElse(null);
        if (old == null) {
            return;
        }
        Set<String> kept = replacement.columns().stream().map(ColumnDefinition::name)
                .map(i -> i.name()).collect(Collectors.toSet());
        List<String> lost = old.columns().keySet().stream().filter(c -> !kept.contains(c)).sorted()
                .map(c -> "\"" + c + "\"").toList();
        if (lost.isEmpty()) {
            return;
        }
        m.at(findings, drop.span())
                .message("Recreating table " + quoted(table) + " without column" + (lost.size() > 1 ? "s " : " ")
                        + String.join(", ", lost) + " deletes the data in " + (lost.size() > 1 ? "them." : "it."))
                .fix("Stop using the column in a release first and back its data up if it matters; if this is a "
                        + "rename, copy the old column into the new one in the INSERT ... SELECT.")
                .key(table.name() + " " + String.join(",", lost))
                .report();
    }

    static String quoted(QualifiedName name) {
        return "\"" + name.display() + "\"";
    }
}
