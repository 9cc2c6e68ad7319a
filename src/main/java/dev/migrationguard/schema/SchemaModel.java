package dev.migrationguard.schema;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A relational schema as the database would hold it: tables with columns, keys and indexes, and enum types.
 * Built from a Prisma schema ({@link PrismaSchemaMapper}) or by replaying migrations; the two are compared by
 * {@link SchemaDiff}. Names are the database's, with the default schema written as the empty string.
 */
public record SchemaModel(DatabaseProvider provider, List<Table> tables, List<EnumType> enums) {

    public SchemaModel {
        tables = List.copyOf(tables);
        enums = List.copyOf(enums);
    }

    /** The schema names in use ({@code ""} for the default schema), sorted. */
    public List<String> schemas() {
        TreeSet<String> names = new TreeSet<>();
        tables.forEach(t -> names.add(t.schema()));
        enums.forEach(e -> names.add(e.schema()));
        return List.copyOf(names);
    }

    public Optional<Table> table(String schema, String name) {
        return tables.stream().filter(t -> t.schema().equals(schema) && t.name().equals(name)).findFirst();
    }

    public Optional<EnumType> enumType(String schema, String name) {
        return enums.stream().filter(e -> e.schema().equals(schema) && e.name().equals(name)).findFirst();
    }

    /** A table. {@code primaryKey} is null when the table has none. */
    public record Table(
            String schema,
            String name,
            List<Column> columns,
            PrimaryKey primaryKey,
            List<Index> indexes,
            List<ForeignKey> foreignKeys,
            Origin origin) {

        public Table {
            columns = List.copyOf(columns);
            indexes = List.copyOf(indexes);
            foreignKeys = List.copyOf(foreignKeys);
        }

        public Optional<Column> column(String columnName) {
            return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
        }

        /** The qualified name for messages: {@code "User"} or {@code "auth"."User"}. */
        public String displayName() {
            return SchemaModel.displayName(schema, name);
        }
    }

    /**
     * A column.
     *
     * @param type         the normalised type ({@link SqlTypes}): {@code text}, {@code varchar(255)}, {@code Role},
     *                     {@code text[]}
     * @param defaultValue the normalised default expression ({@link SqlTypes#normaliseDefault}), or null
     */
    public record Column(String name, String type, boolean nullable, String defaultValue, Origin origin) {
    }

    /** A primary key; {@code name} is null where the database does not name it (MySQL, SQLite). */
    public record PrimaryKey(String name, List<String> columns, Origin origin) {
        public PrimaryKey {
            columns = List.copyOf(columns);
        }
    }

    /**
     * A unique or plain index (Prisma creates unique constraints as unique indexes).
     *
     * @param method  the access method in lower case ({@code gin}, {@code hash}), or null for the default (B-tree)
     * @param managed whether a Prisma schema can declare it: false for a partial index (WHERE) or one with an
     *                expression among its elements, which Prisma Migrate neither creates nor drops
     */
    public record Index(String name, List<String> columns, boolean unique, String method, Origin origin,
                        boolean managed) {
        public Index {
            columns = List.copyOf(columns);
            method = method == null || method.equalsIgnoreCase("btree") ? null : method.toLowerCase(java.util.Locale.ROOT);
        }

        public Index(String name, List<String> columns, boolean unique, String method, Origin origin) {
            this(name, columns, unique, method, origin, true);
        }

        /** The same index under another name. */
        public Index renamed(String newName) {
            return new Index(newName, columns, unique, method, origin, managed);
        }

        /** The same index on other columns (a column was renamed). */
        public Index withColumns(List<String> newColumns) {
            return new Index(name, newColumns, unique, method, origin, managed);
        }

        /** An index with the default access method. */
        public Index(String name, List<String> columns, boolean unique, Origin origin) {
            this(name, columns, unique, null, origin);
        }
    }

    /**
     * A foreign key.
     *
     * @param onDelete {@code CASCADE}, {@code RESTRICT}, {@code SET NULL}, {@code SET DEFAULT} or {@code NO ACTION}
     */
    public record ForeignKey(
            String name,
            List<String> columns,
            String referencedSchema,
            String referencedTable,
            List<String> referencedColumns,
            String onDelete,
            String onUpdate,
            Origin origin) {

        public ForeignKey {
            columns = List.copyOf(columns);
            referencedColumns = List.copyOf(referencedColumns);
        }
    }

    /** A named enum type (PostgreSQL, CockroachDB). {@code valueOrigins} parallels {@code values} (may hold nulls). */
    public record EnumType(String schema, String name, List<String> values, List<Origin> valueOrigins, Origin origin) {
        public EnumType {
            values = List.copyOf(values);
            valueOrigins = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(valueOrigins));
        }

        public String displayName() {
            return SchemaModel.displayName(schema, name);
        }
    }

    static String displayName(String schema, String name) {
        return schema.isEmpty() ? "\"" + name + "\"" : "\"" + schema + "\".\"" + name + "\"";
    }
}
