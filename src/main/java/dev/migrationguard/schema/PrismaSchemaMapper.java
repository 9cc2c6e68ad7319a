package dev.migrationguard.schema;

import dev.migrationguard.prisma.PrismaAttribute;
import dev.migrationguard.prisma.PrismaConfigBlock;
import dev.migrationguard.prisma.PrismaEnum;
import dev.migrationguard.prisma.PrismaExpression;
import dev.migrationguard.prisma.PrismaField;
import dev.migrationguard.prisma.PrismaModel;
import dev.migrationguard.prisma.PrismaSchema;
import dev.migrationguard.schema.SchemaModel.Column;
import dev.migrationguard.schema.SchemaModel.EnumType;
import dev.migrationguard.schema.SchemaModel.ForeignKey;
import dev.migrationguard.schema.SchemaModel.Index;
import dev.migrationguard.schema.SchemaModel.PrimaryKey;
import dev.migrationguard.schema.SchemaModel.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Builds the relational schema Prisma Migrate would create from a Prisma schema, following Prisma's documented
 * mapping for the datasource's provider: scalar types to the provider's default column types unless {@code @db.*}
 * says otherwise, relation fields as foreign keys (none under {@code relationMode = "prisma"}), implicit
 * many-to-many join tables, enums, and Prisma's default constraint and index names. Views and composite types
 * create no table.
 */
public final class PrismaSchemaMapper {

    /** Column types of Prisma's scalars, per provider, before any {@code @db.*} attribute. */
    private static final Map<DatabaseProvider, Map<String, String>> SCALARS = Map.of(
            DatabaseProvider.POSTGRESQL, Map.of("String", "text", "Boolean", "boolean", "Int", "integer",
                    "BigInt", "bigint", "Float", "double precision", "Decimal", "decimal(65,30)",
                    "DateTime", "timestamp(3)", "Json", "jsonb", "Bytes", "bytea"),
            DatabaseProvider.COCKROACHDB, Map.of("String", "string", "Boolean", "bool", "Int", "int4",
                    "BigInt", "int8", "Float", "float8", "Decimal", "decimal(65,30)",
                    "DateTime", "timestamp(3)", "Json", "jsonb", "Bytes", "bytes"),
            DatabaseProvider.MYSQL, Map.of("String", "varchar(191)", "Boolean", "tinyint(1)", "Int", "int",
                    "BigInt", "bigint", "Float", "double", "Decimal", "decimal(65,30)",
                    "DateTime", "datetime(3)", "Json", "json", "Bytes", "longblob"),
            DatabaseProvider.SQLITE, Map.of("String", "text", "Boolean", "boolean", "Int", "integer",
                    "BigInt", "bigint", "Float", "real", "Decimal", "decimal",
                    "DateTime", "datetime", "Json", "jsonb", "Bytes", "blob"),
            DatabaseProvider.SQLSERVER, Map.of("String", "nvarchar(1000)", "Boolean", "bit", "Int", "int",
                    "BigInt", "bigint", "Float", "float(53)", "Decimal", "decimal(32,16)",
                    "DateTime", "datetime2", "Json", "nvarchar(1000)", "Bytes", "varbinary(max)"));

    private final PrismaSchema schema;
    private final DatabaseProvider provider;
    private final boolean foreignKeys;
    private final Map<String, PrismaModel> models = new HashMap<>();
    private final Map<String, PrismaEnum> enums = new HashMap<>();
    private final Set<String> nonColumnTypes = new HashSet<>();
    private final OptionalInt prismaMajor;

    private PrismaSchemaMapper(PrismaSchema schema, DatabaseProvider provider, OptionalInt prismaMajor) {
        this.schema = schema;
        this.provider = provider;
        this.prismaMajor = prismaMajor;
        this.foreignKeys = !schema.relationMode().equals("prisma");
        schema.models().forEach(m -> models.putIfAbsent(m.name().text(), m));
        schema.enums().forEach(e -> enums.putIfAbsent(e.name().text(), e));
        // Relation fields (to models and views) and composite-type fields are not columns.
        schema.models().forEach(m -> nonColumnTypes.add(m.name().text()));
        schema.views().forEach(v -> nonColumnTypes.add(v.name().text()));
        schema.compositeTypes().forEach(t -> nonColumnTypes.add(t.name().text()));
    }

    private Optional<PrismaModel> model(String name) {
        return Optional.ofNullable(models.get(name));
    }

    private Optional<PrismaEnum> enumNamed(String name) {
        return Optional.ofNullable(enums.get(name));
    }

    /** The relational schema of a Prisma schema, or empty when its provider is not relational (MongoDB) or unknown. */
    public static Optional<SchemaModel> map(PrismaSchema schema) {
        Optional<DatabaseProvider> provider = schema.provider().flatMap(DatabaseProvider::fromPrisma);
        return provider.map(p -> new PrismaSchemaMapper(schema, p, OptionalInt.empty()).build());
    }

    /**
     * As {@link #map(PrismaSchema)}, for a project on a given major version of Prisma: implicit many-to-many tables
     * are keyed as that version creates them.
     */
    public static Optional<SchemaModel> map(PrismaSchema schema, OptionalInt prismaMajor) {
        Optional<DatabaseProvider> provider = schema.provider().flatMap(DatabaseProvider::fromPrisma);
        return provider.map(p -> new PrismaSchemaMapper(schema, p, prismaMajor).build());
    }

    /** The relational schema of a Prisma schema for a given provider (whatever its datasource says). */
    public static SchemaModel map(PrismaSchema schema, DatabaseProvider provider) {
        return new PrismaSchemaMapper(schema, provider, OptionalInt.empty()).build();
    }

    /**
     * The part of a replayed schema that Prisma Migrate manages for this Prisma schema, the part its diff compares:
     * tables and enums of the schemas it manages (the datasource's {@code schemas}, else the default schema only),
     * and indexes it can express (not partial ones, not those on expressions).
     */
    public static SchemaModel managedPart(SchemaModel replayed, PrismaSchema schema) {
        Set<String> schemas = new HashSet<>();
        schemas.add("");
        schema.datasource().flatMap(d -> d.property("schemas")).map(PrismaConfigBlock.Property::value)
                .filter(v -> v instanceof PrismaExpression.ArrayValue)
                .ifPresent(v -> ((PrismaExpression.ArrayValue) v).elements().forEach(e -> {
                    String name = e.simpleText();
                    schemas.add(name.equals("public") ? "" : name);
                }));
        List<Table> tables = new ArrayList<>();
        for (Table t : replayed.tables()) {
            if (!schemas.contains(t.schema())) {
                continue;
            }
            List<Index> indexes = t.indexes().stream().filter(Index::managed).toList();
            tables.add(indexes.size() == t.indexes().size() ? t : new Table(t.schema(), t.name(), t.columns(),
                    t.primaryKey(), indexes, t.foreignKeys(), t.origin()));
        }
        List<EnumType> enums = replayed.enums().stream().filter(e -> schemas.contains(e.schema())).toList();
        return new SchemaModel(replayed.provider(), tables, enums);
    }

    private SchemaModel build() {
        List<EnumType> enums = new ArrayList<>();
        if (provider.namedEnums()) {
            for (PrismaEnum e : schema.enums()) {
                List<String> values = new ArrayList<>();
                List<Origin> origins = new ArrayList<>();
                for (PrismaEnum.Value v : e.values()) {
                    values.add(v.databaseName());
                    origins.add(new Origin(e.file(), v.name().start(), v.name().end(),
                            "enum value " + e.name().text() + "." + v.name().text()));
                }
                enums.add(new EnumType(schemaOf(e.schemaName()), e.databaseName(), values, origins,
                        new Origin(e.file(), e.name().start(), e.name().end(), "enum " + e.name().text())));
            }
        }
        List<Table> tables = new ArrayList<>();
        for (PrismaModel model : schema.models()) {
            tables.add(table(model));
        }
        tables.addAll(joinTables());
        return new SchemaModel(provider, tables, enums);
    }

    private Table table(PrismaModel model) {
        String tableName = model.databaseName();
        List<Column> columns = new ArrayList<>();
        PrimaryKey primaryKey = null;
        List<Index> indexes = new ArrayList<>();
        List<ForeignKey> keys = new ArrayList<>();
        for (PrismaField field : model.fields()) {
            if (nonColumnTypes.contains(field.type().name())) {
                continue;
            }
            columns.add(new Column(field.databaseName(), columnType(field), field.type().optional()
                    || (field.type().list() && listsAreArrays()), defaultValue(field), origin(model, field)));
            Optional<PrismaAttribute> id = field.attribute("id");
            if (id.isPresent()) {
                primaryKey = new PrimaryKey(primaryKeyName(tableName, id.get()), List.of(field.databaseName()),
                        origin(model, field));
            }
            Optional<PrismaAttribute> unique = field.attribute("unique");
            if (unique.isPresent()) {
                List<String> cols = List.of(field.databaseName());
                indexes.add(new Index(mapArgument(unique.get()).orElse(defaultName(tableName, cols, "key")), cols,
                        true, origin(model, field)));
            }
        }
        for (PrismaAttribute attribute : model.blockAttributes()) {
            Origin origin = new Origin(model.file(), attribute.start(), attribute.end(),
                    "model " + model.name().text());
            List<String> cols = attribute.value(0, "fields").map(v -> columnsOf(model, v)).orElse(List.of());
            switch (attribute.name()) {
                case "id" -> primaryKey = new PrimaryKey(primaryKeyName(tableName, attribute), cols, origin);
                case "unique" -> indexes.add(new Index(mapArgument(attribute)
                        .orElse(defaultName(tableName, cols, "key")), cols, true, origin));
                case "index", "fulltext" -> indexes.add(new Index(mapArgument(attribute)
                        .or(() -> attribute.value(99, "name").map(PrismaExpression::simpleText))
                        .orElse(defaultName(tableName, cols, "idx")), cols, false,
                        attribute.value(99, "type").map(PrismaExpression::simpleText).orElse(null), origin));
                default -> {
                    // @@map, @@schema and @@ignore are read elsewhere.
                }
            }
        }
        if (foreignKeys) {
            for (PrismaField field : model.fields()) {
                foreignKey(model, tableName, field).ifPresent(keys::add);
            }
        }
        return new Table(schemaOf(model.schemaName()), tableName, columns, primaryKey, indexes, keys,
                new Origin(model.file(), model.name().start(), model.name().end(),
                        "model " + model.name().text()));
    }

    private Optional<ForeignKey> foreignKey(PrismaModel model, String tableName, PrismaField field) {
        Optional<PrismaModel> target = model(field.type().name());
        Optional<PrismaAttribute> relation = field.attribute("relation");
        if (target.isEmpty() || relation.isEmpty()) {
            return Optional.empty();
        }
        Optional<PrismaExpression> fields = relation.get().value(99, "fields");
        Optional<PrismaExpression> references = relation.get().value(99, "references");
        if (fields.isEmpty() || references.isEmpty()) {
            return Optional.empty();
        }
        List<String> cols = columnsOf(model, fields.get());
        List<String> refs = columnsOf(target.get(), references.get());
        boolean optional = field.type().optional() || namesOf(fields.get()).stream()
                .map(model::field).flatMap(Optional::stream).anyMatch(f -> f.type().optional());
        String onDelete = relation.get().value(99, "onDelete").map(e -> action(e.simpleText()))
                .orElse(optional ? "SET NULL" : "RESTRICT");
        String onUpdate = relation.get().value(99, "onUpdate").map(e -> action(e.simpleText())).orElse("CASCADE");
        if (provider == DatabaseProvider.SQLSERVER) {
            // SQL Server has no RESTRICT; Prisma emulates it with NO ACTION.
            onDelete = onDelete.equals("RESTRICT") ? "NO ACTION" : onDelete;
            onUpdate = onUpdate.equals("RESTRICT") ? "NO ACTION" : onUpdate;
        }
        String name = mapArgument(relation.get()).orElse(defaultName(tableName, cols, "fkey"));
        return Optional.of(new ForeignKey(name, cols, schemaOf(target.get().schemaName()),
                target.get().databaseName(), refs, onDelete, onUpdate, origin(model, field)));
    }

    private static String action(String prismaAction) {
        return switch (prismaAction) {
            case "Cascade" -> "CASCADE";
            case "Restrict" -> "RESTRICT";
            case "NoAction" -> "NO ACTION";
            case "SetNull" -> "SET NULL";
            case "SetDefault" -> "SET DEFAULT";
            default -> prismaAction.toUpperCase(Locale.ROOT);
        };
    }

    /**
     * Implicit many-to-many relations: two list fields pointing at each other without {@code fields:} become a
     * join table {@code _AToB} (or {@code _RelationName}) with columns {@code A} and {@code B}, A being the model
     * whose name sorts first.
     */
    private List<Table> joinTables() {
        List<Table> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (PrismaModel model : schema.models()) {
            for (PrismaField field : model.fields()) {
                Optional<PrismaModel> other = model(field.type().name());
                if (!field.type().list() || other.isEmpty() || hasFields(field)) {
                    continue;
                }
                String relationName = relationName(field);
                Optional<PrismaField> back = other.get().fields().stream()
                        .filter(f -> f != field && f.type().list() && f.type().name().equals(model.name().text())
                                && !hasFields(f) && relationName(f).equals(relationName))
                        .findFirst();
                if (back.isEmpty()) {
                    continue;
                }
                String first = model.name().text().compareTo(other.get().name().text()) <= 0
                        ? model.name().text() : other.get().name().text();
                String second = first.equals(model.name().text()) ? other.get().name().text() : model.name().text();
                String tableName = "_" + (relationName.isEmpty() ? first + "To" + second : relationName);
                if (!seen.add(tableName)) {
                    continue;
                }
                out.add(joinTable(tableName, model(first).orElseThrow(), model(second).orElseThrow(),
                        origin(model, field)));
            }
        }
        return out;
    }

    private Table joinTable(String tableName, PrismaModel a, PrismaModel b, Origin origin) {
        PrismaField aId = idField(a);
        PrismaField bId = idField(b);
        List<Column> columns = List.of(
                new Column("A", aId == null ? "integer" : scalarColumnType(aId), false, null, origin),
                new Column("B", bId == null ? "integer" : scalarColumnType(bId), false, null, origin));
        List<Index> indexes = new ArrayList<>();
        PrimaryKey primaryKey = null;
        boolean beforeSix = prismaMajor.isPresent() && prismaMajor.getAsInt() < 6;
        if ((provider == DatabaseProvider.POSTGRESQL || provider == DatabaseProvider.COCKROACHDB) && !beforeSix) {
            // Prisma 6 made the pair a primary key on PostgreSQL; before, it was a unique index (the else branch).
            primaryKey = new PrimaryKey(tableName + "_AB_pkey", List.of("A", "B"), origin);
        } else {
            indexes.add(new Index(tableName + "_AB_unique", List.of("A", "B"), true, origin));
        }
        indexes.add(new Index(tableName + "_B_index", List.of("B"), false, origin));
        List<ForeignKey> keys = new ArrayList<>();
        if (foreignKeys) {
            keys.add(new ForeignKey(tableName + "_A_fkey", List.of("A"), schemaOf(a.schemaName()), a.databaseName(),
                    List.of(aId == null ? "id" : aId.databaseName()), "CASCADE", "CASCADE", origin));
            keys.add(new ForeignKey(tableName + "_B_fkey", List.of("B"), schemaOf(b.schemaName()), b.databaseName(),
                    List.of(bId == null ? "id" : bId.databaseName()), "CASCADE", "CASCADE", origin));
        }
        return new Table(schemaOf(a.schemaName()), tableName, columns, primaryKey, indexes, keys, origin);
    }

    private static PrismaField idField(PrismaModel model) {
        return model.fields().stream().filter(f -> f.has("id")).findFirst().orElse(null);
    }

    private static boolean hasFields(PrismaField field) {
        return field.attribute("relation").flatMap(r -> r.value(99, "fields")).isPresent();
    }

    private static String relationName(PrismaField field) {
        return field.attribute("relation").flatMap(r -> r.value(0, "name"))
                .filter(e -> e instanceof PrismaExpression.StringValue).map(PrismaExpression::simpleText).orElse("");
    }

    private boolean listsAreArrays() {
        return provider == DatabaseProvider.POSTGRESQL || provider == DatabaseProvider.COCKROACHDB;
    }

    /** The column type of a field: its {@code @db.*} attribute, or its scalar's or enum's default type. */
    String columnType(PrismaField field) {
        String base = scalarColumnType(field);
        return field.type().list() && listsAreArrays() ? base + "[]" : base;
    }

    private String scalarColumnType(PrismaField field) {
        if (field.type().unsupported() != null) {
            return SqlTypes.normaliseType(field.type().unsupported(), provider);
        }
        Optional<PrismaAttribute> nativeType = field.nativeType();
        if (nativeType.isPresent()) {
            return SqlTypes.normaliseType(nativeTypeText(nativeType.get()), provider);
        }
        Optional<PrismaEnum> enumType = enumNamed(field.type().name());
        if (enumType.isPresent()) {
            return switch (provider) {
                case POSTGRESQL, COCKROACHDB -> enumType.get().databaseName();
                case MYSQL -> "enum(" + String.join(",", enumType.get().values().stream()
                        .map(v -> "'" + v.databaseName().replace("'", "''") + "'").toList()) + ")";
                case SQLITE -> "text";
                case SQLSERVER -> "nvarchar(1000)";
            };
        }
        String scalar = SCALARS.get(provider).get(field.type().name());
        return scalar == null ? field.type().name() : SqlTypes.normaliseType(scalar, provider);
    }

    /** {@code @db.VarChar(255)} as SQL: {@code VarChar(255)}, with Prisma's compound names spelled out. */
    private String nativeTypeText(PrismaAttribute attribute) {
        String name = attribute.name().substring(3);
        String sqlName = switch (name) {
            case "DoublePrecision" -> "double precision";
            case "UnsignedInt" -> "int unsigned";
            case "UnsignedBigInt" -> "bigint unsigned";
            case "UnsignedSmallInt" -> "smallint unsigned";
            case "UnsignedMediumInt" -> "mediumint unsigned";
            case "UnsignedTinyInt" -> "tinyint unsigned";
            default -> name;
        };
        if (attribute.arguments().isEmpty()) {
            return sqlName;
        }
        List<String> args = attribute.arguments().stream().map(a -> a.value().simpleText()).toList();
        String joined = String.join(",", args);
        if (sqlName.endsWith(" unsigned")) {
            return sqlName.replace(" unsigned", "(" + joined + ") unsigned");
        }
        return sqlName + "(" + joined + ")";
    }

    /** The database default of a field, normalised, or null when the default is applied by Prisma Client. */
    String defaultValue(PrismaField field) {
        Optional<PrismaExpression> value = field.attribute("default").flatMap(a -> a.value(0, "value"));
        if (value.isEmpty()) {
            return null;
        }
        String sql = defaultSql(field, value.get());
        return sql == null ? null : SqlTypes.normaliseDefault(sql);
    }

    private String defaultSql(PrismaField field, PrismaExpression value) {
        if (value instanceof PrismaExpression.Call call) {
            return switch (call.name()) {
                case "autoincrement", "sequence" -> "autoincrement()";
                case "now" -> "now()";
                case "dbgenerated" -> call.argument(0, "value").map(a -> a.value().simpleText())
                        .orElse(SchemaDiff.ANY_DEFAULT);
                default -> null; // uuid(), cuid(), nanoid(), ulid(): generated by Prisma Client, not the database
            };
        }
        if (value instanceof PrismaExpression.ArrayValue array) {
            List<String> elements = new ArrayList<>();
            for (PrismaExpression e : array.elements()) {
                elements.add(literal(field, e));
            }
            return "ARRAY[" + String.join(",", elements) + "]";
        }
        return literal(field, value);
    }

    private String literal(PrismaField field, PrismaExpression value) {
        if (value instanceof PrismaExpression.StringValue s) {
            return quote(s.value());
        }
        if (value instanceof PrismaExpression.NumberValue n) {
            return n.text();
        }
        if (value instanceof PrismaExpression.Reference r) {
            if (r.name().equals("true") || r.name().equals("false")) {
                if (provider == DatabaseProvider.SQLSERVER) {
                    return r.name().equals("true") ? "1" : "0";
                }
                return r.name();
            }
            Optional<PrismaEnum> enumType = enumNamed(field.type().name());
            String dbValue = enumType.flatMap(e -> e.values().stream()
                    .filter(v -> v.name().text().equals(r.name())).findFirst())
                    .map(PrismaEnum.Value::databaseName).orElse(r.name());
            return quote(dbValue);
        }
        return value.simpleText();
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** Column names of a {@code fields:}/{@code references:} list ({@code [a, b(sort: Desc)]}) in a model. */
    private static List<String> columnsOf(PrismaModel model, PrismaExpression list) {
        return namesOf(list).stream()
                .map(n -> model.field(n).map(PrismaField::databaseName).orElse(n)).toList();
    }

    private static List<String> namesOf(PrismaExpression list) {
        List<PrismaExpression> elements = list instanceof PrismaExpression.ArrayValue a ? a.elements() : List.of(list);
        return elements.stream().map(PrismaExpression::simpleText).toList();
    }

    private String primaryKeyName(String table, PrismaAttribute attribute) {
        Optional<String> mapped = mapArgument(attribute);
        if (mapped.isPresent()) {
            return mapped.get();
        }
        if (provider == DatabaseProvider.MYSQL || provider == DatabaseProvider.SQLITE) {
            return null;
        }
        return truncate(table, "pkey");
    }

    private static Optional<String> mapArgument(PrismaAttribute attribute) {
        return attribute.value(99, "map").map(PrismaExpression::simpleText);
    }

    /** Prisma's default name: {@code Table_col1_col2_suffix}, cut to the provider's identifier limit. */
    String defaultName(String table, List<String> columns, String suffix) {
        return truncate(table + "_" + String.join("_", columns), suffix);
    }

    private String truncate(String stem, String suffix) {
        int limit = provider.identifierLimit();
        int room = limit - suffix.length() - 1;
        if (stem.length() > room) {
            stem = stem.substring(0, Math.max(room, 0));
        }
        return stem + "_" + suffix;
    }

    private static String schemaOf(Optional<String> schemaName) {
        return schemaName.filter(s -> !s.equals("public")).orElse("");
    }

    private static Origin origin(PrismaModel model, PrismaField field) {
        return new Origin(field.file(), field.name().start(), field.name().end(),
                "field " + model.name().text() + "." + field.name().text());
    }
}
