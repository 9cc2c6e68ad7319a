package dev.migrationguard.database;

import dev.migrationguard.schema.DatabaseProvider;
import dev.migrationguard.schema.Origin;
import dev.migrationguard.schema.SchemaModel;
import dev.migrationguard.schema.SchemaModel.Column;
import dev.migrationguard.schema.SchemaModel.EnumType;
import dev.migrationguard.schema.SchemaModel.ForeignKey;
import dev.migrationguard.schema.SchemaModel.Index;
import dev.migrationguard.schema.SchemaModel.PrimaryKey;
import dev.migrationguard.schema.SchemaModel.Table;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects what catalog queries return into a {@link SchemaModel}. Every object gets an {@link Origin} without a
 * file whose element names it ({@code database table "Quest"}), so a difference about it can say which object it
 * is even though no source line declares it.
 */
final class CatalogBuilder {
    private final DatabaseProvider provider;
    private final Map<String, MutableTable> tables = new LinkedHashMap<>();
    private final Map<String, List<String>> enumValues = new LinkedHashMap<>();

    CatalogBuilder(DatabaseProvider provider) {
        this.provider = provider;
    }

    static Origin origin(String element) {
        return new Origin(null, 0, 0, "database " + element);
    }

    void table(String schema, String name) {
        tables.computeIfAbsent(key(schema, name), k -> new MutableTable(schema, name));
    }

    void column(String schema, String table, String name, String type, boolean nullable, String defaultValue) {
        MutableTable t = tables.get(key(schema, table));
        if (t != null) {
            t.columns.add(new Column(name, type, nullable, defaultValue,
                    origin("column " + display(schema, table) + ".\"" + name + "\"")));
        }
    }

    void primaryKey(String schema, String table, String name, List<String> columns) {
        MutableTable t = tables.get(key(schema, table));
        if (t != null) {
            t.primaryKey = new PrimaryKey(name, columns, origin("primary key of " + display(schema, table)));
        }
    }

    void index(String schema, String table, String name, List<String> columns, boolean unique, String method) {
        MutableTable t = tables.get(key(schema, table));
        if (t != null) {
            t.indexes.add(new Index(name, columns, unique, method,
                    origin((unique ? "unique index \"" : "index \"") + name + "\" on " + display(schema, table))));
        }
    }

    void foreignKey(String schema, String table, String name, List<String> columns, String referencedSchema,
                    String referencedTable, List<String> referencedColumns, String onDelete, String onUpdate) {
        MutableTable t = tables.get(key(schema, table));
        if (t != null) {
            t.foreignKeys.add(new ForeignKey(name, columns, referencedSchema, referencedTable, referencedColumns,
                    onDelete, onUpdate, origin("foreign key " + (name == null ? "" : "\"" + name + "\" ") + "on "
                    + display(schema, table))));
        }
    }

    void enumValue(String schema, String name, String value) {
        enumValues.computeIfAbsent(key(schema, name), k -> new ArrayList<>()).add(value);
    }

    boolean hasTable(String schema, String name) {
        return tables.containsKey(key(schema, name));
    }

    SchemaModel build() {
        List<Table> out = new ArrayList<>();
        for (MutableTable t : tables.values()) {
            out.add(new Table(t.schema, t.name, t.columns, t.primaryKey, t.indexes, t.foreignKeys,
                    origin("table " + display(t.schema, t.name))));
        }
        List<EnumType> enums = new ArrayList<>();
        enumValues.forEach((k, values) -> {
            String schema = k.substring(0, k.indexOf('\u0000'));
            String name = k.substring(k.indexOf('\u0000') + 1);
            enums.add(new EnumType(schema, name, values, Collections.nCopies(values.size(), null),
                    origin("enum " + display(schema, name))));
        });
        return new SchemaModel(provider, out, enums);
    }

    private static String display(String schema, String name) {
        return schema.isEmpty() ? "\"" + name + "\"" : "\"" + schema + "\".\"" + name + "\"";
    }

    private static String key(String schema, String name) {
        return schema + "\u0000" + name;
    }

    private static final class MutableTable {
        final String schema;
        final String name;
        final List<Column> columns = new ArrayList<>();
        PrimaryKey primaryKey;
        final List<Index> indexes = new ArrayList<>();
        final List<ForeignKey> foreignKeys = new ArrayList<>();

        MutableTable(String schema, String name) {
            this.schema = schema;
            this.name = name;
        }
    }
}
