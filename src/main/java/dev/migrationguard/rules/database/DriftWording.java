package dev.migrationguard.rules.database;

import dev.migrationguard.schema.Difference;
import dev.migrationguard.schema.Origin;
import dev.migrationguard.schema.SchemaModel;
import dev.migrationguard.schema.SchemaModel.Column;
import dev.migrationguard.schema.SchemaModel.EnumType;
import dev.migrationguard.schema.SchemaModel.ForeignKey;
import dev.migrationguard.schema.SchemaModel.Index;
import dev.migrationguard.schema.SchemaModel.PrimaryKey;
import dev.migrationguard.schema.SchemaModel.Table;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Says a {@link Difference} between the replayed migrations and the live database in this comparison's words (the
 * diff's own messages speak of schema.prisma). The objects a difference is about are found by its origin: the
 * replay's statement for what the migrations made, the catalog's named origin for what only the database has.
 */
final class DriftWording {
    private static final String DATABASE_ONLY = " (made by `prisma db push` or by hand)";
    private final SchemaModel migrations;
    private final SchemaModel live;
    /** How many extra values of each enum have been worded: the diff reports them in the database's order. */
    private final Map<String, Integer> extraValuesSeen = new HashMap<>();

    DriftWording(SchemaModel migrations, SchemaModel live) {
        this.migrations = migrations;
        this.live = live;
    }

    /** One difference's message, and whether it is about something only the database has. */
    record Wording(String message, boolean inDatabaseOnly) {
    }

    Wording of(Difference d) {
        String made = made(d.origin());
        return switch (d.kind()) {
            case TABLE_MISSING -> new Wording("table \"" + d.object() + "\", created by " + made
                    + ", does not exist in the database", false);
            case TABLE_EXTRA, COLUMN_EXTRA, INDEX_EXTRA, FOREIGN_KEY_EXTRA, ENUM_EXTRA -> extra(d);
            case COLUMN_MISSING -> new Wording(column(d).map(c -> "column \"" + d.object() + "\".\"" + c.name() + "\"")
                    .orElse("a column of table \"" + d.object() + "\"") + ", created by " + made
                    + ", does not exist in the database", false);
            case COLUMN_TYPE, COLUMN_NULLABILITY, COLUMN_DEFAULT -> columnDifference(d, made);
            case ENUM_MISSING -> new Wording("enum type \"" + d.object() + "\", created by " + made
                    + ", does not exist in the database", false);
            case ENUM_VALUE_MISSING -> new Wording("enum type \"" + d.object() + "\" lacks the value "
                    + enumValue(d).map(v -> "'" + v + "'").orElse("") + " in the database, which " + made + " adds",
                    false);
            case ENUM_VALUE_EXTRA -> new Wording("enum type \"" + d.object() + "\" has the value "
                    + extraValue(d).map(v -> "'" + v + "' ").orElse("") + "in the database, which no applied migration adds"
                    + DATABASE_ONLY, true);
            case PRIMARY_KEY -> new Wording("the primary key of table \"" + d.object() + "\" is "
                    + key(table(live, d.object()).map(Table::primaryKey)) + " in the database but "
                    + key(table(migrations, d.object()).map(Table::primaryKey)) + " after the migrations", false);
            case INDEX_MISSING -> new Wording(index(d).map(i -> describe(i, d.object())).orElse("an index on \""
                    + d.object() + "\"") + ", created by " + made + ", does not exist in the database", false);
            case INDEX_NAME, INDEX_TYPE -> indexDifference(d, made);
            case FOREIGN_KEY_MISSING -> new Wording(foreignKey(d).map(f -> describe(f, d.object()))
                    .orElse("a foreign key of \"" + d.object() + "\"") + ", created by " + made
                    + ", does not exist in the database", false);
            case FOREIGN_KEY_DIFFERENT -> foreignKeyDifference(d, made);
            // A kind the diff learns later is reported in the diff's own words until it has its own here.
            default -> new Wording(d.message(), DbSchemaDrift.inDatabaseOnly(d.kind()));
        };
    }

    /** An object only the database has: its catalog origin names it. */
    private Wording extra(Difference d) {
        String element = d.origin() == null || d.origin().element() == null ? d.object() : d.origin().element();
        String subject = element.startsWith("database ") ? element.substring("database ".length()) : element;
        return new Wording("the database has " + subject + ", which no applied migration creates" + DATABASE_ONLY,
                true);
    }

    private Wording columnDifference(Difference d, String made) {
        Optional<Column> expected = column(d);
        if (expected.isEmpty()) {
            return new Wording("a column of table \"" + d.object() + "\" differs from " + made, false);
        }
        Column e = expected.get();
        Optional<Column> actual = table(live, d.object()).flatMap(t -> t.column(e.name()));
        String name = "column \"" + d.object() + "\".\"" + e.name() + "\"";
        String after = " after " + made;
        return new Wording(switch (d.kind()) {
            case COLUMN_TYPE -> name + " has type " + actual.map(Column::type).orElse("?") + " in the database but "
                    + e.type() + after;
            case COLUMN_NULLABILITY -> name + " is " + (e.nullable() ? "NOT NULL" : "nullable") + " in the database but "
                    + (e.nullable() ? "nullable" : "NOT NULL") + after;
            default -> name + " has " + describeDefault(actual.map(Column::defaultValue).orElse(null))
                    + " in the database but " + describeDefault(e.defaultValue()) + after;
        }, false);
    }

    private Wording indexDifference(Difference d, String made) {
        Optional<Index> expected = index(d);
        if (expected.isEmpty()) {
            return new Wording("an index on \"" + d.object() + "\" differs from " + made, false);
        }
        Index e = expected.get();
        Optional<Index> actual = table(live, d.object()).flatMap(t -> t.indexes().stream()
                .filter(i -> i.unique() == e.unique() && i.columns().equals(e.columns())).findFirst());
        if (d.kind() == Difference.Kind.INDEX_NAME) {
            return new Wording(describe(e, d.object()) + " is named \"" + actual.map(Index::name).orElse("?")
                    + "\" in the database", false);
        }
        return new Wording(describe(e, d.object()) + " uses " + method(actual.map(Index::method).orElse(null))
                + " in the database but " + method(e.method()) + " in " + made, false);
    }

    private Wording foreignKeyDifference(Difference d, String made) {
        Optional<ForeignKey> expected = foreignKey(d);
        if (expected.isEmpty()) {
            return new Wording("a foreign key of \"" + d.object() + "\" differs from " + made, false);
        }
        ForeignKey e = expected.get();
        Optional<ForeignKey> actual = table(live, d.object()).flatMap(t -> t.foreignKeys().stream()
                .filter(f -> f.columns().equals(e.columns())).findFirst());
        String differs = actual.map(a -> {
            StringBuilder s = new StringBuilder();
            if (!a.referencedTable().equals(e.referencedTable()) || !a.referencedColumns().equals(e.referencedColumns())) {
                s.append(", references \"").append(a.referencedTable()).append("\"(")
                        .append(String.join(", ", a.referencedColumns())).append(")");
            }
            if (!a.onDelete().equals(e.onDelete())) {
                s.append(", ON DELETE ").append(a.onDelete()).append(" instead of ").append(e.onDelete());
            }
            if (!a.onUpdate().equals(e.onUpdate())) {
                s.append(", ON UPDATE ").append(a.onUpdate()).append(" instead of ").append(e.onUpdate());
            }
            if (a.name() != null && !a.name().equals(e.name())) {
                s.append(", is named \"").append(a.name()).append("\"");
            }
            return s.length() == 0 ? "" : s.substring(2);
        }).orElse("differs");
        return new Wording(describe(e, d.object()) + " from " + made + " differs in the database: " + differs, false);
    }

    private Optional<Column> column(Difference d) {
        return table(migrations, d.object()).flatMap(t -> t.columns().stream()
                .filter(c -> Objects.equals(c.origin(), d.origin())).findFirst());
    }

    private Optional<Index> index(Difference d) {
        return table(migrations, d.object()).flatMap(t -> t.indexes().stream()
                .filter(i -> Objects.equals(i.origin(), d.origin())).findFirst());
    }

    private Optional<ForeignKey> foreignKey(Difference d) {
        return table(migrations, d.object()).flatMap(t -> t.foreignKeys().stream()
                .filter(f -> Objects.equals(f.origin(), d.origin())).findFirst());
    }

    private Optional<String> enumValue(Difference d) {
        return migrations.enums().stream().filter(e -> e.name().equals(d.object())).findFirst().flatMap(e -> {
            for (int i = 0; i < e.values().size(); i++) {
                if (Objects.equals(e.valueOrigins().get(i), d.origin())) {
                    return Optional.of(e.values().get(i));
                }
            }
            return Optional.empty();
        });
    }

    private Optional<String> extraValue(Difference d) {
        Optional<EnumType> expected = migrations.enums().stream().filter(e -> e.name().equals(d.object())).findFirst();
        Optional<EnumType> actual = live.enums().stream().filter(e -> e.name().equals(d.object())).findFirst();
        if (expected.isEmpty() || actual.isEmpty()) {
            return Optional.empty();
        }
        List<String> extra = actual.get().values().stream().filter(v -> !expected.get().values().contains(v)).toList();
        int n = extraValuesSeen.merge(d.object(), 1, Integer::sum) - 1;
        return n < extra.size() ? Optional.of(extra.get(n)) : Optional.empty();
    }

    private static Optional<Table> table(SchemaModel model, String name) {
        return model.tables().stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** {@code migration 20240101000000_init}, from the replay's origin. */
    private static String made(Origin origin) {
        return origin != null && origin.element() != null && origin.element().startsWith("migration ")
                ? origin.element() : "the migrations";
    }

    private static String describe(Index i, String table) {
        return (i.unique() ? "unique index \"" : "index \"") + i.name() + "\" on \"" + table + "\"("
                + String.join(", ", i.columns()) + ")";
    }

    private static String describe(ForeignKey f, String table) {
        return "foreign key \"" + f.name() + "\" \"" + table + "\"(" + String.join(", ", f.columns()) + ") -> \""
                + f.referencedTable() + "\"(" + String.join(", ", f.referencedColumns()) + ")";
    }

    private static String key(Optional<PrimaryKey> key) {
        return key.map(k -> (k.name() == null ? "" : "\"" + k.name() + "\" ") + "(" + String.join(", ", k.columns())
                + ")").orElse("absent");
    }

    private static String describeDefault(String value) {
        return value == null ? "no default" : "default " + value;
    }

    private static String method(String method) {
        return method == null ? "the default B-tree" : method.toUpperCase(java.util.Locale.ROOT);
    }
}
