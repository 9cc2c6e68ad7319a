package dev.migrationguard.rules.migrations;

import dev.migrationguard.rules.Findings;
import dev.migrationguard.rules.Inputs;
import dev.migrationguard.rules.Rule;
import dev.migrationguard.rules.RuleContext;
import dev.migrationguard.rules.RuleInputs;
import dev.migrationguard.rules.RuleOption;
import dev.migrationguard.sql.AlterTableAction;
import dev.migrationguard.sql.ColumnDefinition;
import dev.migrationguard.sql.ConstraintKind;
import dev.migrationguard.sql.ForeignKeyReference;
import dev.migrationguard.sql.Migration;
import dev.migrationguard.sql.MigrationSet;
import dev.migrationguard.sql.MigrationSets;
import dev.migrationguard.sql.QualifiedName;
import dev.migrationguard.sql.SqlScript;
import dev.migrationguard.sql.SqlStatement;
import dev.migrationguard.sql.TableConstraint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A migration that changes many unrelated tables: groups of tables not linked by a foreign key in the migration
 * are separate logical changes, against "one logical change per migration". The first migration of a folder (the
 * initial schema) is exempt.
 */
public final class MigrationNotAtomic implements Rule {
    static final int DEFAULT_MAX_UNRELATED = 3;

    @Override
    public String id() {
        return "migration-not-atomic";
    }

    @Override
    public RuleInputs inputs() {
        return RuleInputs.changedFiles(Inputs.MIGRATIONS);
    }

    @Override
    public List<RuleOption> options() {
        return List.of(new RuleOption("max-unrelated-tables", RuleOption.Type.INTEGER,
                "unrelated tables (or groups linked by foreign keys) one migration may change (default "
                        + DEFAULT_MAX_UNRELATED + ")"));
    }

    @Override
    public void check(RuleContext context, Findings findings) {
        int max = context.options().integer("max-unrelated-tables", DEFAULT_MAX_UNRELATED);
        for (MigrationSet set : context.snapshot().model(MigrationSets.KEY)) {
            List<Migration> migrations = set.migrations();
            for (int i = 1; i < migrations.size(); i++) {
                Migration m = migrations.get(i);
                if (MigrationName.parse(m.name()).words().stream().anyMatch(MigrationNameVague.DEFAULT_STANDALONE::contains)) {
                    continue;
                }
                SqlScript script = m.script(context.snapshot()).orElse(null);
                if (script == null) {
                    continue;
                }
                List<Set<String>> groups = unrelatedGroups(script);
                if (groups.size() <= max) {
                    continue;
                }
                List<String> names = groups.stream().map(g -> String.join("+", g)).toList();
                MigrationLocation.of(context.snapshot(), m, findings)
                        .message("migration " + m.name() + " changes " + groups.size() + " unrelated tables or groups ("
                                + String.join(", ", names.subList(0, Math.min(6, names.size())))
                                + (names.size() > 6 ? ", ..." : "") + "); one logical change per migration keeps each "
                                + "reviewable and revertible on its own")
                        .fix("split unrelated changes into separate migrations, each with its own descriptive name "
                                + "(edit schema.prisma in steps and run `prisma migrate dev --name ...` after each)")
                        .key(m.folder())
                        .report();
            }
        }
    }

    /**
     * The tables a migration changes, grouped: tables joined by a foreign key declared in the migration (directly or
     * through a table they both reference) are one group, and so are tables that gain the same column (one setting
     * added everywhere is one change). Indexes alone do not make a table part of the change: adding indexes across
     * tables is one logical change.
     */
    static List<Set<String>> unrelatedGroups(SqlScript script) {
        Map<String, String> parent = new HashMap<>();
        Set<String> touched = new LinkedHashSet<>();
        List<String[]> links = new ArrayList<>();
        Map<String, String> firstTableWithColumn = new HashMap<>();
        for (SqlStatement s : script.statements()) {
            if (s instanceof SqlStatement.CreateTable t) {
                String table = table(t.table());
                touched.add(table);
                for (ColumnDefinition c : t.columns()) {
                    link(links, table, c.references());
                }
                for (TableConstraint c : t.constraints()) {
                    if (c.kind() == ConstraintKind.FOREIGN_KEY) {
                        link(links, table, c.references());
                    }
                }
            } else if (s instanceof SqlStatement.AlterTable t) {
                String table = table(t.table());
                touched.add(table);
                for (AlterTableAction a : t.actions()) {
                    if (a instanceof AlterTableAction.AddConstraint c && c.constraint().kind() == ConstraintKind.FOREIGN_KEY) {
                        link(links, table, c.constraint().references());
                    } else if (a instanceof AlterTableAction.AddColumn c) {
                        link(links, table, c.column().references());
                        String other = firstTableWithColumn.putIfAbsent(c.column().name().name(), table);
                        if (other != null) {
                            links.add(new String[] {table, other});
                        }
                    }
                }
            } else if (s instanceof SqlStatement.DropTable t) {
                t.tables().forEach(q -> touched.add(table(q)));
            } else if (s instanceof SqlStatement.Truncate t) {
                t.tables().forEach(q -> touched.add(table(q)));
            }
        }
        for (String t : touched) {
            parent.put(t, t);
        }
        for (String[] l : links) {
            parent.putIfAbsent(l[0], l[0]);
            parent.putIfAbsent(l[1], l[1]);
            parent.put(find(parent, l[0]), find(parent, l[1]));
        }
        Map<String, Set<String>> groups = new java.util.TreeMap<>();
        for (String t : touched) {
            groups.computeIfAbsent(find(parent, t), k -> new TreeSet<>()).add(t);
        }
        return new ArrayList<>(groups.values());
    }

    private static void link(List<String[]> links, String table, ForeignKeyReference ref) {
        if (ref != null && ref.table() != null) {
            links.add(new String[] {table, table(ref.table())});
        }
    }

    /** SQLite's table redefinition writes "new_X" for X: they are one table. */
    private static String table(QualifiedName q) {
        String n = q.name();
        return n.startsWith("new_") ? n.substring(4) : n;
    }

    private static String find(Map<String, String> parent, String x) {
        String root = x;
        while (!parent.get(root).equals(root)) {
            root = parent.get(root);
        }
        return root;
    }
}
