package dev.migrationguard.rules.sql;

import dev.migrationguard.sql.AlterTableAction;
import dev.migrationguard.sql.AlterTypeAction;
import dev.migrationguard.sql.ColumnDefinition;
import dev.migrationguard.sql.ConstraintKind;
import dev.migrationguard.sql.QualifiedName;
import dev.migrationguard.sql.SqlStatement;
import dev.migrationguard.sql.SqlType;
import dev.migrationguard.sql.TableConstraint;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the SQL rules need to know about the schema the earlier migrations of a folder built: the columns of each
 * table (type, NOT NULL), the values of each enum, and which columns a valid {@code CHECK (c IS NOT NULL)} covers.
 * Tables and enums are keyed by name alone; replay is forgiving (a statement about an unknown table is ignored).
 */
final class ReplayedSchema {
    private static final Pattern NOT_NULL_CHECK = Pattern.compile(
            "^\\(*\\s*[\"`\\[]?([^\"`\\]\\s()]+)[\"`\\]]?\\s+IS\\s+NOT\\s+NULL\\s*\\)*$", Pattern.CASE_INSENSITIVE);

    record Column(String name, SqlType type, boolean notNull) {
    }

    /** A table's columns in definition order; only the schema that owns the table changes it. */
    static final class Table {
        private final String name;
        private final Map<String, Column> columns;
        private final Map<String, Column> view;

        private Table(String name, Map<String, Column> columns) {
            this.name = name;
            this.columns = columns;
            this.view = Collections.unmodifiableMap(columns);
        }

        String name() {
            return name;
        }

        Map<String, Column> columns() {
            return view;
        }

        /** The columns in definition order. */
        List<Column> columnList() {
            return new ArrayList<>(columns.values());
        }
    }

    // One replay owns its schema and changes it in place: the rules hand the schema a replay leaves on to the next
    // migration (MigrationScan.FolderReplay) instead of copying it per migration.
    private final Map<String, Table> tables = new HashMap<>();
    private final Map<String, List<String>> enums = new HashMap<>();
    /** "table.column" covered by a validated CHECK (column IS NOT NULL). */
    private final Set<String> checkedNotNull = new HashSet<>();
    /** NOT VALID checks waiting for VALIDATE: constraint name to "table.column". */
    private final Map<String, String> pendingNotNullChecks = new HashMap<>();

    /** A schema of its own with the same content: tables' column maps are copied, enum value lists are immutable. */
    ReplayedSchema copy() {
        ReplayedSchema copy = new ReplayedSchema();
        for (Table table : tables.values()) {
            copy.putTable(new Table(table.name(), new LinkedHashMap<>(table.columns)));
        }
        copy.enums.putAll(enums);
        copy.checkedNotNull.addAll(checkedNotNull);
        copy.pendingNotNullChecks.putAll(pendingNotNullChecks);
        return copy;
    }

    private void putTable(Table table) {
        tables.put(table.name(), table);
    }

    Optional<Table> table(QualifiedName name) {
        return Optional.ofNullable(tables.get(name.name()));
    }

    Optional<Column> column(QualifiedName table, String column) {
        Table t = tables.get(table.name());
        return t == null ? Optional.empty() : Optional.ofNullable(t.columns().get(column));
    }

    Optional<List<String>> enumValues(String name) {
        return Optional.ofNullable(enums.get(name));
    }

    /** Whether a validated CHECK (column IS NOT NULL) already proves the column has no NULLs. */
    boolean provenNotNull(QualifiedName table, String column) {
        return checkedNotNull.contains(table.name() + "." + column);
    }

    void apply(SqlStatement statement) {
        if (statement instanceof SqlStatement.Other) {
            return;
        }
        if (statement instanceof SqlStatement.CreateTable create) {
            Map<String, Column> columns = new LinkedHashMap<>();
            for (ColumnDefinition c : create.columns()) {
                columns.put(c.name().name(), new Column(c.name().name(), c.type(), c.notNull()));
            }
            for (TableConstraint constraint : create.constraints()) {
                if (constraint.kind() == ConstraintKind.PRIMARY_KEY) {
                    for (var key : constraint.columns()) {
                        columns.computeIfPresent(key.name(), (k, c) -> new Column(c.name(), c.type(), true));
                    }
                }
            }
            putTable(new Table(create.table().name(), columns));
        } else if (statement instanceof SqlStatement.DropTable drop) {
            drop.tables().forEach(t -> tables.remove(t.name()));
        } else if (statement instanceof SqlStatement.RenameTable rename) {
            renameTable(rename.from().name(), rename.to().name());
        } else if (statement instanceof SqlStatement.AlterTable alter) {
            for (AlterTableAction action : alter.actions()) {
                apply(alter.table().name(), action);
            }
        } else if (statement instanceof SqlStatement.CreateEnum create) {
            enums.put(create.name().name(), create.values());
        } else if (statement instanceof SqlStatement.DropType drop) {
            drop.names().forEach(n -> enums.remove(n.name()));
        } else if (statement instanceof SqlStatement.AlterType alter) {
            apply(alter.name().name(), alter.action());
        }
    }

    private void apply(String tableName, AlterTableAction action) {
        if (action instanceof AlterTableAction.RenameTable rename) {
            renameTable(tableName, rename.to().name());
        } else if (action instanceof AlterTableAction.AddColumn add) {
            Table table = tables.get(tableName);
            if (table != null) {
                ColumnDefinition c = add.column();
                table.columns.put(c.name().name(), new Column(c.name().name(), c.type(), c.notNull()));
            }
        } else if (action instanceof AlterTableAction.DropColumn drop) {
            Table table = tables.get(tableName);
            if (table != null) {
                table.columns.remove(drop.column().name());
            }
        } else if (action instanceof AlterTableAction.RenameColumn rename) {
            Table table = tables.get(tableName);
            if (table != null && table.columns.containsKey(rename.from().name())) {
                Column old = table.columns.remove(rename.from().name());
                table.columns.put(rename.to().name(), new Column(rename.to().name(), old.type(), old.notNull()));
            }
        } else if (action instanceof AlterTableAction.AlterColumnType change) {
            Table table = tables.get(tableName);
            if (table != null) {
                Column old = table.columns.get(change.column().name());
                boolean notNull = change.definition() != null ? change.definition().notNull()
                        : old != null && old.notNull();
                table.columns.put(change.column().name(), new Column(change.column().name(), change.type(), notNull));
            }
        } else if (action instanceof AlterTableAction.SetNotNull set) {
            setNotNull(tableName, set.column().name(), true);
        } else if (action instanceof AlterTableAction.DropNotNull drop) {
            setNotNull(tableName, drop.column().name(), false);
        } else if (action instanceof AlterTableAction.AddConstraint add) {
            addCheck(tableName, add.constraint());
        } else if (action instanceof AlterTableAction.ValidateConstraint validate) {
            String covered = pendingNotNullChecks.remove(validate.name().name());
            if (covered != null) {
                checkedNotNull.add(covered);
            }
        }
    }

    private void addCheck(String tableName, TableConstraint constraint) {
        if (constraint.kind() != ConstraintKind.CHECK || constraint.expression() == null) {
            return;
        }
        Matcher m = NOT_NULL_CHECK.matcher(constraint.expression().text().strip());
        if (!m.matches()) {
            return;
        }
        String covered = tableName + "." + m.group(1);
        if (constraint.notValid() && constraint.name() != null) {
            pendingNotNullChecks.put(constraint.name().name(), covered);
        } else if (!constraint.notValid()) {
            checkedNotNull.add(covered);
        }
    }

    private void setNotNull(String tableName, String column, boolean notNull) {
        Table table = tables.get(tableName);
        if (table != null && table.columns.containsKey(column)) {
            Column old = table.columns.get(column);
            table.columns.put(column, new Column(old.name(), old.type(), notNull));
        }
    }

    private void renameTable(String from, String to) {
        Table table = tables.remove(from);
        if (table != null) {
            putTable(new Table(to, new LinkedHashMap<>(table.columns)));
        }
    }

    /** Columns follow a renamed type: after RENAME TO "E_old" they are of type "E_old", not of a new "E". */
    private void retypeColumns(String from, String to) {
        for (Table table : tables.values()) {
            for (Column column : table.columnList()) {
                SqlType type = column.type();
                if (type != null && type.name().equals(from)) {
                    String text = "\"" + to + "\"" + "[]".repeat(type.arrayDimensions());
                    SqlType renamed = new SqlType(type.schema(), to, type.arguments(), type.modifiers(),
                            type.arrayDimensions(), text, type.span());
                    table.columns.put(column.name(), new Column(column.name(), renamed, column.notNull()));
                }
            }
        }
    }

    private void apply(String typeName, AlterTypeAction action) {
        List<String> values = enums.get(typeName);
        if (action instanceof AlterTypeAction.Rename rename) {
            if (values != null) {
                enums.remove(typeName);
                enums.put(rename.to().name(), values);
            }
            retypeColumns(typeName, rename.to().name());
        } else if (action instanceof AlterTypeAction.AddValue add) {
            if (values != null && !values.contains(add.value())) {
                List<String> next = new ArrayList<>(values);
                int at = add.neighbour() == null ? -1 : next.indexOf(add.neighbour());
                if (at < 0) {
                    next.add(add.value());
                } else {
                    next.add(add.before() ? at : at + 1, add.value());
                }
                enums.put(typeName, List.copyOf(next));
            }
        } else if (action instanceof AlterTypeAction.RenameValue rename) {
            if (values != null) {
                enums.put(typeName, values.stream().map(v -> v.equals(rename.from()) ? rename.to() : v).toList());
            }
        } else if (action instanceof AlterTypeAction.DropValue drop) {
            if (values != null) {
                enums.put(typeName, values.stream().filter(v -> !v.equals(drop.value())).toList());
            }
        }
    }
}
