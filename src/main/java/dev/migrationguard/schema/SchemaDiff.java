package dev.migrationguard.schema;

import dev.migrationguard.schema.Difference.Kind;
import dev.migrationguard.schema.SchemaModel.Column;
import dev.migrationguard.schema.SchemaModel.EnumType;
import dev.migrationguard.schema.SchemaModel.ForeignKey;
import dev.migrationguard.schema.SchemaModel.Index;
import dev.migrationguard.schema.SchemaModel.PrimaryKey;
import dev.migrationguard.schema.SchemaModel.Table;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Compares the schema a Prisma schema maps to ({@code expected}) with the schema its migrations build
 * ({@code actual}): one {@link Difference} per table, column, enum, enum value, key or index that is missing,
 * extra or different.
 */
public final class SchemaDiff {
    /** A default the schema leaves to the database ({@code dbgenerated()} without SQL): any default matches it. */
    public static final String ANY_DEFAULT = "dbgenerated()";

    private final List<Difference> out = new ArrayList<>();

    private final boolean joinTableKeysAlike;

    private SchemaDiff(boolean joinTableKeysAlike) {
        this.joinTableKeysAlike = joinTableKeysAlike;
    }

    public static List<Difference> compare(SchemaModel expected, SchemaModel actual) {
        return compare(expected, actual, true);
    }

    /**
     * As {@link #compare(SchemaModel, SchemaModel)}; {@code joinTableKeysAlike} says whether an implicit
     * many-to-many table's (A, B) unique index and primary key count as the same (when the Prisma version that
     * decides between them is unknown).
     */
    public static List<Difference> compare(SchemaModel expected, SchemaModel actual, boolean joinTableKeysAlike) {
        SchemaDiff diff = new SchemaDiff(joinTableKeysAlike);
        diff.enums(expected, actual);
        diff.tables(expected, actual);
        return List.copyOf(diff.out);
    }

    private void enums(SchemaModel expected, SchemaModel actual) {
        for (EnumType e : expected.enums()) {
            Optional<EnumType> found = actual.enumType(e.schema(), e.name());
            String element = element(e.origin(), "enum " + e.name());
            if (found.isEmpty()) {
                add(Kind.ENUM_MISSING, e.name(), "enum " + q(e.schema(), e.name()), element + " has no migration creating type " + e.displayName(),
                        migrateDev("add_" + snake(e.name())), e.origin(), "enum " + e.name());
                continue;
            }
            for (int i = 0; i < e.values().size(); i++) {
                String value = e.values().get(i);
                if (!found.get().values().contains(value)) {
                    Origin origin = e.valueOrigins().get(i) == null ? e.origin() : e.valueOrigins().get(i);
                    add(Kind.ENUM_VALUE_MISSING, e.name(), "enum value " + q(e.schema(), e.name()) + "." + value, element(origin, "enum value " + e.name() + "." + value)
                                    + " has no migration adding '" + value + "' to type " + e.displayName(),
                            migrateDev("add_" + snake(e.name()) + "_" + snake(value)), origin,
                            "enum " + e.name() + " value " + value);
                }
            }
            for (int i = 0; i < found.get().values().size(); i++) {
                String value = found.get().values().get(i);
                if (!e.values().contains(value)) {
                    add(Kind.ENUM_VALUE_EXTRA, e.name(), "enum value " + q(e.schema(), e.name()) + "." + value, "type " + e.displayName() + " has the value '" + value
                                    + "' in the migrations but " + element + " does not",
                            "add the value back to " + element + ", or remove it in a new migration", e.origin(),
                            "enum " + e.name() + " extra value " + value);
                }
            }
        }
        for (EnumType e : actual.enums()) {
            if (expected.enumType(e.schema(), e.name()).isEmpty()) {
                add(Kind.ENUM_EXTRA, e.name(), "enum " + q(e.schema(), e.name()), "type " + e.displayName()
                                + " is created by " + createdBy(e.origin())
                                + " but no enum in the schema maps to it",
                        "add the enum back to the schema, or drop the type in a new migration", e.origin(),
                        "extra enum " + e.name());
            }
        }
    }

    private void tables(SchemaModel expected, SchemaModel actual) {
        for (Table t : expected.tables()) {
            Optional<Table> found = actual.table(t.schema(), t.name());
            if (found.isEmpty()) {
                String element = element(t.origin(), "table " + t.name());
                add(Kind.TABLE_MISSING, t.name(), "table " + q(t.schema(), t.name()), element + " has no migration creating table " + t.displayName(),
                        migrateDev("add_" + snake(modelName(t))), t.origin(), "table " + t.name());
                continue;
            }
            columns(t, found.get());
            primaryKey(normalised(t), normalised(found.get()));
            indexes(normalised(t), normalised(found.get()));
            foreignKeys(t, found.get());
        }
        for (Table t : actual.tables()) {
            if (expected.table(t.schema(), t.name()).isEmpty()) {
                add(Kind.TABLE_EXTRA, t.name(), "table " + q(t.schema(), t.name()), "table " + t.displayName()
                                + " is created by " + createdBy(t.origin())
                                + " but no model in the schema maps to it",
                        "add the model back (`prisma db pull` shows it), or drop the table in a new migration",
                        t.origin(), "extra table " + t.name());
            }
        }
    }

    private void columns(Table expected, Table actual) {
        for (Column c : expected.columns()) {
            Optional<Column> found = actual.column(c.name());
            String element = element(c.origin(), "column " + c.name());
            if (found.isEmpty()) {
                add(Kind.COLUMN_MISSING, expected.name(), column(expected, c.name()), element + " has no migration creating column \""
                                + c.name() + "\" in table " + expected.displayName(),
                        migrateDev("add_" + snake(modelName(expected)) + "_" + snake(c.name())), c.origin(),
                        "column " + expected.name() + "." + c.name());
                continue;
            }
            Column a = found.get();
            if (!c.type().equals(a.type())) {
                add(Kind.COLUMN_TYPE, expected.name(), column(expected, c.name()), element + " maps to type " + c.type()
                                + " but the migrations give column \"" + c.name() + "\" type " + a.type(),
                        migrateDev("change_" + snake(c.name()) + "_type"), c.origin(),
                        "type " + expected.name() + "." + c.name());
            }
            boolean array = c.type().endsWith("[]");
            // A list field has no optionality in Prisma: Prisma creates the array column nullable and ignores a
            // NOT NULL added by hand, so only scalar columns compare nullability.
            if (c.nullable() != a.nullable() && !(array && fromPrismaField(c))) {
                add(Kind.COLUMN_NULLABILITY, expected.name(), column(expected, c.name()), element + " is "
                                + (c.nullable() ? "optional" : "required") + " but the migrations make column \""
                                + c.name() + "\" " + (a.nullable() ? "nullable" : "NOT NULL"),
                        migrateDev((c.nullable() ? "make_" : "require_") + snake(c.name())
                                + (c.nullable() ? "_optional" : "")), c.origin(),
                        "nullability " + expected.name() + "." + c.name());
            }
            if (!defaultsMatch(array ? SqlTypes.normaliseArrayDefault(c.defaultValue()) : c.defaultValue(),
                    array ? SqlTypes.normaliseArrayDefault(a.defaultValue()) : a.defaultValue())) {
                add(Kind.COLUMN_DEFAULT, expected.name(), column(expected, c.name()), element + " has "
                                + describeDefault(c.defaultValue()) + " but the migrations give column \"" + c.name()
                                + "\" " + describeDefault(a.defaultValue()),
                        migrateDev("change_" + snake(c.name()) + "_default"), c.origin(),
                        "default " + expected.name() + "." + c.name());
            }
        }
        for (Column a : actual.columns()) {
            if (expected.column(a.name()).isEmpty()) {
                add(Kind.COLUMN_EXTRA, expected.name(), column(expected, a.name()), "column \"" + a.name() + "\" of table "
                                + expected.displayName() + " is created by " + createdBy(a.origin()) + " but "
                                + element(expected.origin(), "the schema") + " has no field mapping to it",
                        "add the field back, or drop the column in a new migration", a.origin(),
                        "extra column " + expected.name() + "." + a.name());
            }
        }
    }

    /** Whether a column is a Prisma field's (the Prisma side of lint's comparison, not a database's). */
    private static boolean fromPrismaField(Column c) {
        return c.origin() != null && c.origin().element() != null && c.origin().element().startsWith("field ");
    }

    private static boolean defaultsMatch(String expected, String actual) {
        if (ANY_DEFAULT.equals(expected)) {
            return actual != null;
        }
        return Objects.equals(expected, actual);
    }

    private static String describeDefault(String value) {
        return value == null ? "no default" : "default " + value;
    }

    private void primaryKey(Table expected, Table actual) {
        PrimaryKey e = expected.primaryKey();
        PrimaryKey a = actual.primaryKey();
        if (e == null && a == null) {
            return;
        }
        if (e == null || a == null || !e.columns().equals(a.columns())
                || (e.name() != null && a.name() != null && !e.name().equals(a.name()))) {
            Origin origin = e != null ? e.origin() : expected.origin();
            add(Kind.PRIMARY_KEY, expected.name(), "primary key " + q(expected.schema(), expected.name()), "the primary key of table " + expected.displayName() + " is "
                            + describeKey(e) + " in the schema but " + describeKey(a) + " in the migrations",
                    migrateDev("change_" + snake(modelName(expected)) + "_primary_key"), origin,
                    "primary key " + expected.name());
        }
    }

    private static String describeKey(PrimaryKey key) {
        if (key == null) {
            return "absent";
        }
        return (key.name() == null ? "" : "\"" + key.name() + "\" ") + "(" + String.join(", ", key.columns()) + ")";
    }

    private void indexes(Table expected, Table actual) {
        // The actual ones already paired, by identity: a record's hash reads every field, its origin's file too.
        Set<Index> matched = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Index e : expected.indexes()) {
            // Prisma pairs indexes by what they cover: one of the same name if there is one, else any on the same
            // columns (a rename).
            List<Index> candidates = actual.indexes().stream()
                    .filter(a -> !matched.contains(a) && a.unique() == e.unique() && a.columns().equals(e.columns()))
                    .toList();
            Optional<Index> found = candidates.stream().filter(a -> a.name().equals(e.name())).findFirst()
                    .or(() -> candidates.stream().findFirst());
            String what = (e.unique() ? "unique index" : "index") + " \"" + e.name() + "\" on "
                    + expected.displayName() + "(" + String.join(", ", e.columns()) + ")";
            if (found.isEmpty()) {
                add(Kind.INDEX_MISSING, expected.name(), "index " + e.name(), what + " declared by " + element(e.origin(), "the schema")
                                + " has no migration creating it",
                        migrateDev("add_" + snake(e.name())), e.origin(), "index " + expected.name() + " "
                                + e.unique() + " " + e.columns());
                continue;
            }
            matched.add(found.get());
            if (!java.util.Objects.equals(e.method(), found.get().method())) {
                add(Kind.INDEX_TYPE, expected.name(), "index " + e.name(), what + " uses " + describeMethod(e.method())
                                + " in the schema but " + describeMethod(found.get().method()) + " in the migrations",
                        migrateDev("change_" + snake(e.name()) + "_type"), e.origin(),
                        "index type " + expected.name() + " " + e.columns());
            }
            if (!e.name().equals(found.get().name())) {
                add(Kind.INDEX_NAME, expected.name(), "index " + e.name(), what + " is named \"" + found.get().name()
                                + "\" in the migrations",
                        migrateDev("rename_" + snake(found.get().name())), e.origin(),
                        "index name " + expected.name() + " " + e.columns());
            }
        }
        for (Index a : actual.indexes()) {
            // An index covering what a declared one covers is not extra, even beside another such index (a table
            // renamed keeps its old index names, and a later migration may add the new ones): Prisma drops neither.
            if (!matched.contains(a) && expected.indexes().stream()
                    .noneMatch(e -> e.unique() == a.unique() && e.columns().equals(a.columns()))) {
                add(Kind.INDEX_EXTRA, expected.name(), "index " + a.name(), (a.unique() ? "unique index" : "index") + " \"" + a.name()
                                + "\" on " + expected.displayName() + "(" + String.join(", ", a.columns())
                                + ") is created by " + createdBy(a.origin()) + " but not declared in the schema",
                        "declare it with " + (a.unique() ? "@@unique" : "@@index") + " in "
                                + element(expected.origin(), "the model") + ", or drop it in a new migration",
                        a.origin(), "extra index " + expected.name() + " " + a.unique() + " " + a.columns());
            }
        }
    }

    private static String describeMethod(String method) {
        return method == null ? "the default B-tree" : method.toUpperCase(Locale.ROOT);
    }

    private void foreignKeys(Table expected, Table actual) {
        // The actual ones already paired, by identity: a record's hash reads every field, its origin's file too.
        Set<ForeignKey> matched = Collections.newSetFromMap(new IdentityHashMap<>());
        for (ForeignKey e : expected.foreignKeys()) {
            Optional<ForeignKey> found = actual.foreignKeys().stream()
                    .filter(a -> !matched.contains(a) && a.columns().equals(e.columns())).findFirst();
            String what = "foreign key \"" + e.name() + "\" " + expected.displayName() + "("
                    + String.join(", ", e.columns()) + ") -> " + SchemaModel.displayName(e.referencedSchema(),
                    e.referencedTable()) + "(" + String.join(", ", e.referencedColumns()) + ")";
            if (found.isEmpty()) {
                add(Kind.FOREIGN_KEY_MISSING, expected.name(), "foreign key " + q(expected.schema(), expected.name()) + "." + e.name(), what + " declared by "
                                + element(e.origin(), "the schema") + " has no migration creating it",
                        migrateDev("add_" + snake(e.name())), e.origin(),
                        "foreign key " + expected.name() + " " + e.columns());
                continue;
            }
            ForeignKey a = found.get();
            matched.add(a);
            List<String> changes = new ArrayList<>();
            if (!e.referencedTable().equals(a.referencedTable()) || !e.referencedColumns().equals(a.referencedColumns())
                    || !e.referencedSchema().equals(a.referencedSchema())) {
                changes.add("references " + SchemaModel.displayName(a.referencedSchema(), a.referencedTable()) + "("
                        + String.join(", ", a.referencedColumns()) + ")");
            }
            if (!e.onDelete().equals(a.onDelete())) {
                changes.add("ON DELETE " + a.onDelete() + " instead of " + e.onDelete());
            }
            if (!e.onUpdate().equals(a.onUpdate())) {
                changes.add("ON UPDATE " + a.onUpdate() + " instead of " + e.onUpdate());
            }
            if (a.name() != null && !e.name().equals(a.name())) {
                changes.add("is named \"" + a.name() + "\"");
            }
            if (!changes.isEmpty()) {
                add(Kind.FOREIGN_KEY_DIFFERENT, expected.name(), "foreign key " + q(expected.schema(), expected.name()) + "." + e.name(), what + " differs in the migrations: "
                                + String.join(", ", changes),
                        migrateDev("change_" + snake(e.name())), e.origin(),
                        "foreign key change " + expected.name() + " " + e.columns());
            }
        }
        for (ForeignKey a : actual.foreignKeys()) {
            if (!matched.contains(a)) {
                add(Kind.FOREIGN_KEY_EXTRA, expected.name(), "foreign key " + q(expected.schema(), expected.name()) + "." + a.name(), "foreign key \"" + a.name() + "\" "
                                + expected.displayName() + "(" + String.join(", ", a.columns())
                                + ") is created by " + createdBy(a.origin())
                                + " but no relation in the schema declares it",
                        "declare the relation with @relation(fields: ..., references: ...), or drop the constraint "
                                + "in a new migration", a.origin(),
                        "extra foreign key " + expected.name() + " " + a.columns());
            }
        }
    }

    /**
     * An implicit many-to-many join table's (A, B) pair is a primary key since Prisma 6 and a unique index before:
     * both forms are the same table.
     */
    private Table normalised(Table t) {
        if (!joinTableKeysAlike || !t.name().startsWith("_") || t.primaryKey() != null) {
            return t;
        }
        for (Index i : t.indexes()) {
            if (i.unique() && i.columns().equals(List.of("A", "B"))) {
                List<Index> rest = new ArrayList<>(t.indexes());
                rest.remove(i);
                return new Table(t.schema(), t.name(), t.columns(),
                        new PrimaryKey(null, i.columns(), i.origin()), rest, t.foreignKeys(), t.origin());
            }
        }
        return t;
    }

    private static String q(String schema, String name) {
        return schema.isEmpty() ? name : schema + "." + name;
    }

    private static String column(Table table, String column) {
        return "column " + q(table.schema(), table.name()) + "." + column;
    }

    private void add(Kind kind, String object, String subject, String message, String fix, Origin origin,
                     String key) {
        boolean missing = kind == Kind.TABLE_MISSING || kind == Kind.COLUMN_MISSING || kind == Kind.ENUM_MISSING
                || kind == Kind.ENUM_VALUE_MISSING;
        // A missing object is the drift incident: the message itself names the command that fixes it.
        out.add(new Difference(kind, object, missing ? message + "; " + fix : message, fix, origin, key, subject));
    }

    private static String element(Origin origin, String fallback) {
        return origin == null || origin.element() == null ? fallback : origin.element();
    }

    /** {@code migration 20240101000000_init} when the object came from a replayed migration. */
    private static String createdBy(Origin origin) {
        String element = element(origin, "");
        return element.startsWith("migration ") ? element : "the migrations";
    }

    private static String modelName(Table t) {
        String element = element(t.origin(), "");
        return element.startsWith("model ") ? element.substring(6) : t.name();
    }

    private static String migrateDev(String name) {
        return "run `prisma migrate dev --name " + name + "`";
    }

    /** {@code QuestProgress} -> {@code quest_progress}: the migration names Prisma users write. */
    static String snake(String name) {
        String s = name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("([A-Z]+)([A-Z][a-z])", "$1_$2");
        return s.replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_+|_+$", "").toLowerCase(Locale.ROOT);
    }
}
