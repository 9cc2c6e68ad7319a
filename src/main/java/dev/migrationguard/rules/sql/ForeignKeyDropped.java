package dev.migrationguard.rules.sql;

import dev.migrationguard.rules.Findings;
import dev.migrationguard.rules.Inputs;
import dev.migrationguard.rules.Rule;
import dev.migrationguard.rules.RuleContext;
import dev.migrationguard.rules.RuleInputs;
import dev.migrationguard.sql.AlterTableAction;
import dev.migrationguard.sql.ConstraintKind;
import dev.migrationguard.sql.Identifier;
import dev.migrationguard.sql.MigrationSet;
import dev.migrationguard.sql.SqlStatement;
import dev.migrationguard.sql.TableConstraint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A foreign key dropped ({@code DROP CONSTRAINT ..._fkey}, MySQL's {@code DROP FOREIGN KEY}) from an existing table
 * with nothing later in the migration that adds a key back (same name, same columns or same referenced table),
 * drops its table or drops its columns. Renames of the table and of the key's column are followed.
 */
public final class ForeignKeyDropped implements Rule {

    @Override
    public String id() {
        return "foreign-key-dropped";
    }

    @Override
    public RuleInputs inputs() {
        return RuleInputs.changedFiles(Inputs.MIGRATIONS);
    }

    @Override
    public void check(RuleContext context, Findings findings) {
        // Keyed by folder: a MigrationSet hashes every one of its migrations.
        Map<String, Map<String, String>> referencedBySet = new HashMap<>();
        List<MigrationScan.ScannedMigration> all = MigrationScan.of(context.snapshot());
        for (MigrationScan.ScannedMigration m : all) {
            List<SqlStatement> statements = m.script().statements();
            List<Integer> at = new ArrayList<>();
            List<AlterTableAction.DropConstraint> drops = new ArrayList<>();
            List<String> tables = new ArrayList<>();
            int[] index = {0};
            m.forEachStatement((statement, newTables) -> {
                if (statement instanceof SqlStatement.AlterTable alter && !newTables.contains(alter.table())) {
                    for (AlterTableAction action : alter.actions()) {
                        if (action instanceof AlterTableAction.DropConstraint drop && drop.name() != null
                                && (drop.kind() == ConstraintKind.FOREIGN_KEY
                                || (drop.kind() == null && drop.name().name().endsWith("_fkey")))) {
                            at.add(index[0]);
                            drops.add(drop);
                            tables.add(alter.table().name());
                        }
                    }
                }
                index[0]++;
            });
            for (int i = 0; i < drops.size(); i++) {
                AlterTableAction.DropConstraint drop = drops.get(i);
                String table = tables.get(i);
                String name = drop.name().name();
                String referenced = referencedBySet.computeIfAbsent(m.set().folder(), f -> referencedTables(all, m.set())).get(name);
                Replacement look = new Replacement(table, columnsPart(name, table), name, referenced);
                boolean dealtWith = false;
                for (int s = at.get(i) + 1; s < statements.size() && !dealtWith; s++) {
                    dealtWith = look.dealtWithBy(statements.get(s));
                }
                if (!dealtWith) {
                    String columns = columnsPart(name, table);
                    m.at(findings, drop.span())
                            .message("The foreign key \"" + name + "\" of \"" + table + "\" is dropped and the "
                                    + "migration does not add it back: the database stops checking that "
                                    + (columns.isEmpty() ? "its rows" : "\"" + columns + "\"")
                                    + " point at existing rows" + (referenced == null ? "" : " of \"" + referenced + "\"")
                                    + ", and its ON DELETE action stops.")
                            .fix("If the relation stays, add the constraint again in this migration (on PostgreSQL "
                                    + "ADD CONSTRAINT ... FOREIGN KEY ... NOT VALID, then VALIDATE CONSTRAINT in the next "
                                    + "one); if the relation goes, drop its columns too or suppress this finding with "
                                    + "the reason; with relationMode = \"prisma\", index the relation's fields.")
                            .key(table + "." + name)
                            .report();
                }
            }
        }
    }

    /** The columns part of Prisma's name {@code Table_col1_col2_fkey} (any table prefix), or "". */
    static String columnsPart(String name, String table) {
        if (!name.endsWith("_fkey")) {
            return "";
        }
        String body = name.substring(0, name.length() - 5);
        if (body.startsWith(table + "_") && body.length() > table.length() + 1) {
            return body.substring(table.length() + 1);
        }
        int underscore = body.indexOf('_');
        return underscore < 0 ? "" : body.substring(underscore + 1);
    }

    /** Foreign key name to referenced table, over every migration of a folder. */
    private static Map<String, String> referencedTables(List<MigrationScan.ScannedMigration> all, MigrationSet set) {
        Map<String, String> out = new HashMap<>();
        for (MigrationScan.ScannedMigration m : all) {
            if (m.set() != set) {
                continue;
            }
            for (SqlStatement s : m.script().statements()) {
                List<TableConstraint> constraints = new ArrayList<>();
                if (s instanceof SqlStatement.CreateTable create) {
                    constraints.addAll(create.constraints());
                } else if (s instanceof SqlStatement.AlterTable alter) {
                    for (AlterTableAction action : alter.actions()) {
                        if (action instanceof AlterTableAction.AddConstraint add) {
                            constraints.add(add.constraint());
                        }
                    }
                }
                for (TableConstraint c : constraints) {
                    if (c.kind() == ConstraintKind.FOREIGN_KEY && c.name() != null && c.references() != null) {
                        out.put(c.name().name(), c.references().table().name());
                    }
                }
            }
        }
        return out;
    }

    /** What would replace a dropped key, followed through the renames of the statements after the drop. */
    private static final class Replacement {
        private final Set<String> tables = new HashSet<>();
        private String columns;
        private final String name;
        private final String referenced;

        Replacement(String table, String columns, String name, String referenced) {
            tables.add(table);
            this.columns = columns;
            this.name = name;
            this.referenced = referenced;
        }

        boolean dealtWithBy(SqlStatement s) {
            if (s instanceof SqlStatement.DropTable drop) {
                return drop.tables().stream().anyMatch(t -> tables.contains(t.name()));
            }
            if (s instanceof SqlStatement.RenameTable rename && tables.contains(rename.from().name())) {
                tables.add(rename.to().name());
                return false;
            }
            if (s instanceof SqlStatement.CreateTable create && tables.contains(create.table().name())) {
                return create.constraints().stream().anyMatch(this::replaces);
            }
            if (!(s instanceof SqlStatement.AlterTable alter) || !tables.contains(alter.table().name())) {
                return false;
            }
            for (AlterTableAction action : alter.actions()) {
                if (action instanceof AlterTableAction.AddConstraint add && replaces(add.constraint())) {
                    return true;
                } else if (action instanceof AlterTableAction.RenameTable rename) {
                    tables.add(rename.to().name());
                } else if (action instanceof AlterTableAction.RenameColumn rename
                        && rename.from().name().equals(columns)) {
                    columns = rename.to().name();
                } else if (action instanceof AlterTableAction.DropColumn column && !columns.isEmpty()) {
                    String c = column.column().name();
                    if (columns.equals(c) || columns.startsWith(c + "_") || columns.endsWith("_" + c)
                            || columns.contains("_" + c + "_")) {
                        return true;
                    }
                }
            }
            return false;
        }

        private boolean replaces(TableConstraint added) {
            if (added.kind() != ConstraintKind.FOREIGN_KEY) {
                return false;
            }
            if (added.name() != null && added.name().name().equals(name)) {
                return true;
            }
            if (referenced != null && added.references() != null
                    && added.references().table().name().equals(referenced)) {
                return true;
            }
            List<String> cols = added.columns().stream().map(Identifier::name).toList();
            String joined = String.join("_", cols);
            return !columns.isEmpty() && (joined.equals(columns) || cols.contains(columns)
                    || joined.startsWith(columns + "_"));
        }
    }
}
