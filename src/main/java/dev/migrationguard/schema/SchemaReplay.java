package dev.migrationguard.schema;

import dev.migrationguard.schema.SchemaModel.Column;
import dev.migrationguard.schema.SchemaModel.EnumType;
import dev.migrationguard.schema.SchemaModel.ForeignKey;
import dev.migrationguard.schema.SchemaModel.Index;
import dev.migrationguard.schema.SchemaModel.PrimaryKey;
import dev.migrationguard.schema.SchemaModel.Table;
import dev.migrationguard.sql.AlterTableAction;
import dev.migrationguard.sql.AlterTypeAction;
import dev.migrationguard.sql.ColumnDefinition;
import dev.migrationguard.sql.ConstraintKind;
import dev.migrationguard.sql.ForeignKeyReference;
import dev.migrationguard.sql.Identifier;
import dev.migrationguard.sql.Migration;
import dev.migrationguard.sql.MigrationSet;
import dev.migrationguard.sql.QualifiedName;
import dev.migrationguard.sql.Span;
import dev.migrationguard.sql.SqlScript;
import dev.migrationguard.sql.SqlStatement;
import dev.migrationguard.sql.SqlType;
import dev.migrationguard.sql.TableConstraint;
import dev.migrationguard.workspace.Snapshot;
import dev.migrationguard.workspace.SourceFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds the schema a database would have after applying every migration of a folder in order, statement by
 * statement: tables, columns, keys, indexes and enums created, altered, renamed and dropped. A statement it cannot
 * apply never stops it: it is kept as an {@link UnmodelledStatement}.
 */
public final class SchemaReplay {
    /** Statements that change data or session state, never the schema's shape. */
    private static final Set<String> NO_SCHEMA_EFFECT = Set.of("INSERT", "UPDATE", "DELETE", "SELECT", "BEGIN",
            "COMMIT", "ROLLBACK", "START", "END", "SET", "PRAGMA", "GRANT", "REVOKE", "ANALYZE", "VACUUM", "LOCK",
            "COPY", "REFRESH", "WITH", "VALUES", "SAVEPOINT", "RELEASE", "GO", "USE", "PRINT", "DECLARE",
            "BEGIN TRANSACTION", "BEGIN TRAN", "COMMIT TRANSACTION", "SET XACT_ABORT");

    private static final java.util.regex.Pattern RENAME_INDEX = java.util.regex.Pattern.compile(
            "(?is)ALTER\\s+INDEX\\s+(?:IF\\s+EXISTS\\s+)?((?:\"[^\"]+\"|[\\w$]+)(?:\\.(?:\"[^\"]+\"|[\\w$]+))?)"
                    + "\\s+RENAME\\s+TO\\s+(\"[^\"]+\"|[\\w$]+)");

    /**
     * What the replay produced.
     *
     * @param model      the replayed schema
     * @param unmodelled statements whose effect is unknown, in the order met
     * @param statements how many statements were read
     */
    public record Result(SchemaModel model, List<UnmodelledStatement> unmodelled, int statements) {
        public Result {
            unmodelled = List.copyOf(unmodelled);
        }

        /** The share of statements applied, from 0 to 1 (1 when every statement was understood). */
        public double confidence() {
            return statements == 0 ? 1.0 : 1.0 - (double) unmodelled.size() / statements;
        }
    }

    private final DatabaseProvider provider;
    private final Map<String, MutableTable> tables = new LinkedHashMap<>();
    private final Map<String, MutableEnum> enums = new LinkedHashMap<>();
    private final List<UnmodelledStatement> unmodelled = new ArrayList<>();
    private int statementCount;
    private String migration = "";
    private SourceFile file;

    private SchemaReplay(DatabaseProvider provider) {
        this.provider = provider;
    }

    /**
     * Replays a migrations folder of a snapshot, reading each migration.sql through the shared parse; types are
     * normalised for {@code provider} (the datasource's, which the folder's SQL is written for).
     */
    public static Result replay(Snapshot snapshot, MigrationSet set, DatabaseProvider provider) {
        SchemaReplay replay = new SchemaReplay(provider);
        for (Migration m : set.migrations()) {
            m.script(snapshot).ifPresent(script -> replay.apply(m.name(), script));
        }
        return replay.result();
    }

    /**
     * Sees each statement just before the replay applies it, with the schema as it stands at that point: how a rule
     * finds a statement that refers to something missing or creates something that exists. Additive: the replay's
     * result is the same with or without one.
     */
    @FunctionalInterface
    public interface Observer {
        /** {@code state} is only valid during the call. */
        void before(String migration, SqlScript script, SqlStatement statement, State state);
    }

    /** What the replayed schema holds at one point; names as written in SQL (unquoted, folded as the dialect folds). */
    public interface State {
        boolean hasTable(QualifiedName table);

        boolean hasColumn(QualifiedName table, String column);

        boolean hasEnum(QualifiedName type);

        /** A primary key, foreign key, unique constraint, index or named CHECK/EXCLUDE constraint of the table. */
        boolean hasConstraint(QualifiedName table, String name);

        /** An index (or the index of a primary key or unique constraint) of any table. */
        boolean hasIndex(String name);
    }

    /** Replays a folder as {@link #replay(Snapshot, MigrationSet, DatabaseProvider)} does, showing each statement first. */
    public static Result replay(Snapshot snapshot, MigrationSet set, DatabaseProvider provider, Observer observer) {
        SchemaReplay replay = new SchemaReplay(provider);
        replay.observer = observer;
        for (Migration m : set.migrations()) {
            m.script(snapshot).ifPresent(script -> replay.apply(m.name(), script));
        }
        return replay.result();
    }

    private Observer observer;

    /** The replay's maps seen through {@link State}. */
    private final class StateView implements State {
        @Override
        public boolean hasTable(QualifiedName table) {
            return tables.containsKey(key(table));
        }

        @Override
        public boolean hasColumn(QualifiedName table, String column) {
            MutableTable t = tables.get(key(table));
            return t != null && t.columns.containsKey(column);
        }

        @Override
        public boolean hasEnum(QualifiedName type) {
            return enums.containsKey(key(type));
        }

        @Override
        public boolean hasConstraint(QualifiedName table, String name) {
            MutableTable t = tables.get(key(table));
            return t != null && (t.primaryKey != null && sameName(t.primaryKey.name(), name)
                    || t.indexes.stream().anyMatch(i -> sameName(i.name(), name))
                    || t.foreignKeys.stream().anyMatch(fk -> sameName(fk.name(), name))
                    || t.otherConstraints.stream().anyMatch(c -> sameName(c, name)));
        }

        @Override
        public boolean hasIndex(String name) {
            for (MutableTable t : tables.values()) {
                if (t.primaryKey != null && sameName(t.primaryKey.name(), name)
                        || t.indexes.stream().anyMatch(i -> sameName(i.name(), name))) {
                    return true;
                }
            }
            return false;
        }

        /** Equal names, or equal once cut to the identifier limit, as the database cuts the names it is given. */
        private boolean sameName(String stored, String asked) {
            if (stored == null) {
                return false;
            }
            if (stored.equals(asked)) {
                return true;
            }
            int limit = provider.identifierLimit();
            return stored.length() >= limit && asked.length() >= limit && cut(stored, limit).equals(cut(asked, limit));
        }

        private String cut(String name, int limit) {
            if (provider != DatabaseProvider.POSTGRESQL && provider != DatabaseProvider.COCKROACHDB) {
                return name.substring(0, Math.min(name.length(), limit));
            }
            byte[] bytes = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            int end = Math.min(bytes.length, limit);
            while (end > 0 && end < bytes.length && (bytes[end] & 0xC0) == 0x80) {
                end--;
            }
            return new String(bytes, 0, end, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** Replays scripts in order; {@code names} gives each script's migration name. */
    public static Result replay(DatabaseProvider provider, List<String> names, List<SqlScript> scripts) {
        SchemaReplay replay = new SchemaReplay(provider);
        for (int i = 0; i < scripts.size(); i++) {
            replay.apply(names.get(i), scripts.get(i));
        }
        return replay.result();
    }

    private void apply(String migrationName, SqlScript script) {
        this.migration = migrationName;
        this.file = script.file();
        State state = observer == null ? null : new StateView();
        for (SqlStatement statement : script.statements()) {
            if (observer != null) {
                observer.before(migrationName, script, statement, state);
            }
            statementCount++;
            try {
                applyStatement(statement);
            } catch (RuntimeException e) {
                // A statement the replay mishandles must not stop the check; it only lowers confidence.
                unmodelled(statement.span(), "statement the replay could not apply (" + e.getMessage() + ")");
            }
        }
    }

    private void applyStatement(SqlStatement statement) {
        if (statement instanceof SqlStatement.CreateTable s) {
            createTable(s);
        } else if (statement instanceof SqlStatement.AlterTable s) {
            alterTable(s);
        } else if (statement instanceof SqlStatement.DropTable s) {
            for (QualifiedName name : s.tables()) {
                MutableTable removed = tables.remove(key(name));
                if (removed == null && !s.ifExists()) {
                    unmodelled(s.span(), "DROP TABLE of a table the migrations never created");
                }
                if (removed != null && s.cascade()) {
                    for (MutableTable t : tables.values()) {
                        t.foreignKeys.removeIf(fk -> fk.referencedTable().equals(removed.name)
                                && fk.referencedSchema().equals(removed.schema));
                    }
                }
            }
        } else if (statement instanceof SqlStatement.CreateIndex s) {
            createIndex(s);
        } else if (statement instanceof SqlStatement.DropIndex s) {
            for (QualifiedName name : s.names()) {
                if (!dropIndex(ident(name.name()), s.table()) && !s.ifExists()) {
                    unmodelled(s.span(), "DROP INDEX of an index the migrations never created");
                }
            }
        } else if (statement instanceof SqlStatement.CreateEnum s) {
            MutableEnum e = new MutableEnum(schemaOf(s.name()), ident(s.name().name()), origin(s.name().span()));
            for (int i = 0; i < s.values().size(); i++) {
                e.values.add(s.values().get(i));
                e.valueOrigins.add(origin(s.valueSpans().get(i)));
            }
            enums.put(key(s.name()), e);
        } else if (statement instanceof SqlStatement.AlterType s) {
            alterType(s);
        } else if (statement instanceof SqlStatement.DropType s) {
            for (QualifiedName name : s.names()) {
                MutableEnum removed = enums.remove(key(name));
                if (removed != null && s.cascade()) {
                    dropDependents(key(name), removed.name);
                }
            }
        } else if (statement instanceof SqlStatement.RenameTable s) {
            renameTable(s.from(), s.to(), s.span());
        } else if (statement instanceof SqlStatement.Other s) {
            String keyword = s.keyword();
            String first = keyword.split(" ")[0];
            if (keyword.equals("ALTER INDEX") && renameIndex(file.text().substring(s.span().start(), s.span().end()))) {
                return;
            }
            if (!NO_SCHEMA_EFFECT.contains(keyword) && !NO_SCHEMA_EFFECT.contains(first)) {
                unmodelled(s.span(), keyword);
            }
        } else {
            // Schemas, extensions, sequences, views, comments, truncation and composite types leave the
            // compared tables and enums as they are.
        }
    }

    private void createTable(SqlStatement.CreateTable s) {
        if (s.temporary()) {
            return;
        }
        String k = key(s.table());
        if (tables.containsKey(k)) {
            if (!s.ifNotExists()) {
                unmodelled(s.span(), "CREATE TABLE of a table that already exists");
            }
            return;
        }
        MutableTable t = new MutableTable(schemaOf(s.table()), ident(s.table().name()), origin(s.table().span()));
        tables.put(k, t);
        for (ColumnDefinition c : s.columns()) {
            addColumn(t, c);
        }
        for (TableConstraint c : s.constraints()) {
            addConstraint(t, c);
        }
    }

    private void addColumn(MutableTable t, ColumnDefinition c) {
        Column column = column(c);
        t.columns.put(c.name().name(), column);
        defaultWrittenFor(t, column);
        if (c.primaryKey()) {
            t.primaryKey = new PrimaryKey(defaultPrimaryKeyName(t), List.of(c.name().name()), origin(c.span()));
        }
        if (c.unique()) {
            List<String> cols = List.of(c.name().name());
            t.indexes.add(new Index(defaultName(t.name, cols, "key"), cols, true, origin(c.span())));
        }
        if (c.references() != null) {
            List<String> cols = List.of(c.name().name());
            t.foreignKeys.add(foreignKey(defaultName(t.name, cols, "fkey"), cols, c.references(), c.span()));
        }
    }

    private Column column(ColumnDefinition c) {
        String type = c.type() == null ? "" : type(c.type());
        String defaultValue = c.defaultValue() == null ? null : SqlTypes.normaliseDefault(c.defaultValue().text());
        if (c.autoIncrement() || (c.type() != null && c.type().name().toLowerCase(Locale.ROOT).contains("serial"))) {
            defaultValue = "autoincrement()";
        }
        return new Column(c.name().name(), type, !c.notNull(), defaultValue, origin(c.span()));
    }

    private String type(SqlType type) {
        if (type.isInlineEnum()) {
            return "enum(" + String.join(",", type.enumValues().stream()
                    .map(v -> "'" + v.replace("'", "''") + "'").toList()) + ")";
        }
        return SqlTypes.normaliseType(type.text(), provider);
    }

    private void addConstraint(MutableTable t, TableConstraint c) {
        List<String> cols = c.columns().stream().map(Identifier::name).toList();
        String name = c.name() == null ? null : ident(c.name().name());
        if (c.usingIndex() != null && (c.kind() == ConstraintKind.PRIMARY_KEY || c.kind() == ConstraintKind.UNIQUE)) {
            constraintUsingIndex(t, c, name);
            return;
        }
        switch (c.kind()) {
            case PRIMARY_KEY -> t.primaryKey = new PrimaryKey(name != null && namedPrimaryKeys() ? name
                    : defaultPrimaryKeyName(t), cols, origin(c.span()));
            case UNIQUE -> t.indexes.add(new Index(name == null ? defaultName(t.name, cols, "key") : name,
                    indexColumns(c), true, origin(c.span())));
            case INDEX -> t.indexes.add(new Index(name == null ? defaultName(t.name, cols, "idx") : name,
                    indexColumns(c), false, origin(c.span())));
            case FOREIGN_KEY -> t.foreignKeys.add(foreignKey(name == null ? defaultName(t.name, cols, "fkey") : name,
                    cols, c.references(), c.span()));
            case DEFAULT -> {
                if (!cols.isEmpty() && c.expression() != null) {
                    t.updateColumn(cols.get(0), col -> new Column(col.name(), col.type(), col.nullable(),
                            SqlTypes.normaliseDefault(c.expression().text()), col.origin()));
                }
            }
            default -> {
                // CHECK and EXCLUDE constraints are not compared; their names are kept so a later DROP finds them.
                if (name != null) {
                    t.otherConstraints.add(name);
                }
            }
        }
    }

    /** The key's columns, or the written elements when some are expressions. */
    private static List<String> indexColumns(TableConstraint c) {
        return c.columns().size() == c.elements().size() ? c.columns().stream().map(Identifier::name).toList()
                : c.elements();
    }

    private ForeignKey foreignKey(String name, List<String> cols, ForeignKeyReference ref, Span span) {
        MutableTable target = tables.get(key(ref.table()));
        List<String> refCols = ref.columns().isEmpty() && target != null && target.primaryKey != null
                ? target.primaryKey.columns() : ref.columns().stream().map(Identifier::name).toList();
        return new ForeignKey(name, cols, schemaOf(ref.table()), ref.table().name(), refCols,
                ref.onDelete() == null ? "NO ACTION" : ref.onDelete(),
                ref.onUpdate() == null ? "NO ACTION" : ref.onUpdate(), origin(span));
    }

    private void alterTable(SqlStatement.AlterTable s) {
        MutableTable t = tables.get(key(s.table()));
        if (t == null) {
            if (!s.ifExists()) {
                unmodelled(s.span(), "ALTER TABLE of a table the migrations never created");
            }
            return;
        }
        for (AlterTableAction action : s.actions()) {
            if (action instanceof AlterTableAction.AddColumn a) {
                if (!(a.ifNotExists() && t.columns.containsKey(a.column().name().name()))) {
                    addColumn(t, a.column());
                }
            } else if (action instanceof AlterTableAction.DropColumn a) {
                dropColumn(t, a.column().name());
            } else if (action instanceof AlterTableAction.RenameColumn a) {
                renameColumn(t, a.from().name(), a.to().name());
            } else if (action instanceof AlterTableAction.AlterColumnType a) {
                if (a.definition() != null) {
                    Column old = t.columns.get(a.column().name());
                    Column redefined = column(a.definition());
                    if (provider == DatabaseProvider.SQLSERVER && old != null) {
                        // SQL Server's ALTER COLUMN keeps the default constraint.
                        redefined = new Column(redefined.name(), redefined.type(), redefined.nullable(),
                                old.defaultValue(), old.origin());
                    }
                    String newName = a.definition().name().name();
                    if (!newName.equals(a.column().name())) {
                        renameColumn(t, a.column().name(), newName);
                    }
                    t.columns.put(newName, redefined);
                } else {
                    String type = type(a.type());
                    t.updateColumn(a.column().name(), c -> new Column(c.name(), type, c.nullable(),
                            c.defaultValue(), c.origin()));
                }
            } else if (action instanceof AlterTableAction.SetNotNull a) {
                t.updateColumn(a.column().name(),
                        c -> new Column(c.name(), c.type(), false, c.defaultValue(), c.origin()));
            } else if (action instanceof AlterTableAction.DropNotNull a) {
                t.updateColumn(a.column().name(),
                        c -> new Column(c.name(), c.type(), true, c.defaultValue(), c.origin()));
            } else if (action instanceof AlterTableAction.SetDefault a) {
                t.updateColumn(a.column().name(),
                        c -> new Column(c.name(), c.type(), c.nullable(),
                        SqlTypes.normaliseDefault(a.value().text()), c.origin()));
                Column changed = t.columns.get(a.column().name());
                if (changed != null) {
                    defaultWrittenFor(t, changed);
                }
            } else if (action instanceof AlterTableAction.DropDefault a) {
                t.updateColumn(a.column().name(),
                        c -> new Column(c.name(), c.type(), c.nullable(), null, c.origin()));
                t.defaultTypes.remove(a.column().name());
            } else if (action instanceof AlterTableAction.AddConstraint a) {
                addConstraint(t, a.constraint());
            } else if (action instanceof AlterTableAction.DropConstraint a) {
                if (!dropConstraint(t, a)) {
                    unmodelled(a.span(), "DROP CONSTRAINT of a constraint the migrations never created");
                }
            } else if (action instanceof AlterTableAction.RenameConstraint a) {
                renameConstraint(t, ident(a.from().name()), ident(a.to().name()));
            } else if (action instanceof AlterTableAction.RenameTable a) {
                renameTable(s.table(), a.to(), a.span());
            } else if (action instanceof AlterTableAction.ValidateConstraint a) {
                // Validation checks rows; the schema is unchanged.
            } else if (action instanceof AlterTableAction.Other a) {
                unmodelled(a.span(), "ALTER TABLE " + firstWords(a.text()));
            }
        }
    }

    /**
     * Records that a column's default was written while the column had an enum type: PostgreSQL stores it as a
     * cast to that type ({@code 'USD'::"Currency"}), and keeps that cast when the column's type changes later.
     */
    private void defaultWrittenFor(MutableTable t, Column column) {
        t.defaultTypes.remove(column.name());
        if (column.defaultValue() == null) {
            return;
        }
        String base = column.type().replace("[]", "");
        for (Map.Entry<String, MutableEnum> e : enums.entrySet()) {
            if (e.getValue().name.equals(base)) {
                t.defaultTypes.put(column.name(), e.getKey());
                return;
            }
        }
    }

    /**
     * {@code DROP TYPE ... CASCADE}: PostgreSQL drops the columns of that type and the defaults that cast to it
     * along with the type.
     */
    private void dropDependents(String enumKey, String enumName) {
        for (MutableTable t : tables.values()) {
            for (Column c : List.copyOf(t.columns.values())) {
                if (c.type().replace("[]", "").equals(enumName)) {
                    dropColumn(t, c.name());
                } else if (enumKey.equals(t.defaultTypes.get(c.name()))) {
                    t.columns.put(c.name(), new Column(c.name(), c.type(), c.nullable(), null, c.origin()));
                    t.defaultTypes.remove(c.name());
                }
            }
        }
    }

    private void dropColumn(MutableTable t, String column) {
        t.columns.remove(column);
        t.defaultTypes.remove(column);
        // The database drops indexes and constraints that use the column along with it.
        t.indexes.removeIf(i -> i.columns().contains(column));
        t.foreignKeys.removeIf(fk -> fk.columns().contains(column));
        if (t.primaryKey != null && t.primaryKey.columns().contains(column)) {
            t.primaryKey = null;
        }
    }

    private void renameColumn(MutableTable t, String from, String to) {
        Column c = t.columns.remove(from);
        if (c == null) {
            return;
        }
        t.columns.put(to, new Column(to, c.type(), c.nullable(), c.defaultValue(), c.origin()));
        String defaultType = t.defaultTypes.remove(from);
        if (defaultType != null) {
            t.defaultTypes.put(to, defaultType);
        }
        t.indexes.replaceAll(i -> i.withColumns(replace(i.columns(), from, to)));
        t.foreignKeys.replaceAll(fk -> new ForeignKey(fk.name(), replace(fk.columns(), from, to),
                fk.referencedSchema(), fk.referencedTable(), fk.referencedColumns(), fk.onDelete(), fk.onUpdate(),
                fk.origin()));
        if (t.primaryKey != null) {
            t.primaryKey = new PrimaryKey(t.primaryKey.name(), replace(t.primaryKey.columns(), from, to),
                    t.primaryKey.origin());
        }
        for (MutableTable other : tables.values()) {
            other.foreignKeys.replaceAll(fk -> fk.referencedTable().equals(t.name)
                    && fk.referencedSchema().equals(t.schema)
                    ? new ForeignKey(fk.name(), fk.columns(), fk.referencedSchema(), fk.referencedTable(),
                    replace(fk.referencedColumns(), from, to), fk.onDelete(), fk.onUpdate(), fk.origin()) : fk);
        }
    }

    private static List<String> replace(List<String> names, String from, String to) {
        return names.stream().map(n -> n.equals(from) ? to : n).toList();
    }

    private boolean dropConstraint(MutableTable t, AlterTableAction.DropConstraint a) {
        if (a.kind() == ConstraintKind.PRIMARY_KEY || a.name() == null) {
            boolean had = t.primaryKey != null;
            t.primaryKey = null;
            return had || a.ifExists();
        }
        String name = ident(a.name().name());
        if (t.primaryKey != null && name.equals(t.primaryKey.name())) {
            t.primaryKey = null;
            return true;
        }
        boolean removed = t.foreignKeys.removeIf(fk -> fk.name().equals(name));
        removed |= t.indexes.removeIf(i -> i.name().equals(name));
        removed |= t.otherConstraints.remove(name);
        if (!removed && provider == DatabaseProvider.SQLSERVER && name.endsWith("_df")) {
            // SQL Server defaults are constraints named {Table}_{column}_df; dropping one drops the default.
            for (Column c : List.copyOf(t.columns.values())) {
                if (name.equals(t.name + "_" + c.name() + "_df")) {
                    t.columns.put(c.name(), new Column(c.name(), c.type(), c.nullable(), null, c.origin()));
                    return true;
                }
            }
        }
        return removed || a.ifExists() || a.kind() == ConstraintKind.CHECK || a.kind() == ConstraintKind.DEFAULT;
    }

    private void renameConstraint(MutableTable t, String from, String to) {
        if (t.primaryKey != null && from.equals(t.primaryKey.name())) {
            t.primaryKey = new PrimaryKey(to, t.primaryKey.columns(), t.primaryKey.origin());
        }
        t.indexes.replaceAll(i -> i.name().equals(from) ? i.renamed(to) : i);
        t.foreignKeys.replaceAll(fk -> fk.name().equals(from) ? new ForeignKey(to, fk.columns(),
                fk.referencedSchema(), fk.referencedTable(), fk.referencedColumns(), fk.onDelete(), fk.onUpdate(),
                fk.origin()) : fk);
    }

    private void renameTable(QualifiedName from, QualifiedName to, Span span) {
        MutableTable t = tables.remove(key(from));
        if (t == null) {
            unmodelled(span, "RENAME of a table the migrations never created");
            return;
        }
        String oldName = t.name;
        String oldSchema = t.schema;
        t.name = ident(to.name());
        if (to.hasSchema()) {
            t.schema = schemaOf(to);
        }
        tables.put(key(t.schema, t.name), t);
        for (MutableTable other : tables.values()) {
            other.foreignKeys.replaceAll(fk -> fk.referencedTable().equals(oldName)
                    && fk.referencedSchema().equals(oldSchema)
                    ? new ForeignKey(fk.name(), fk.columns(), t.schema, t.name, fk.referencedColumns(),
                    fk.onDelete(), fk.onUpdate(), fk.origin()) : fk);
        }
    }

    private void createIndex(SqlStatement.CreateIndex s) {
        MutableTable t = tables.get(key(s.table()));
        if (t == null) {
            unmodelled(s.span(), "CREATE INDEX on a table the migrations never created");
            return;
        }
        List<String> cols = new ArrayList<>();
        boolean managed = s.where() == null;
        for (SqlStatement.IndexElement e : s.elements()) {
            cols.add(e.column() != null ? e.column().name() : e.text());
            managed &= e.column() != null;
        }
        String name = s.name() != null ? ident(s.name().name()) : defaultName(t.name, cols, s.unique() ? "key" : "idx");
        if (s.ifNotExists() && t.indexes.stream().anyMatch(i -> i.name().equals(name))) {
            return;
        }
        t.indexes.add(new Index(name, cols, s.unique(), s.method(), origin(s.span()), managed));
    }

    /** PostgreSQL's {@code ALTER INDEX [IF EXISTS] a RENAME TO b}, which Prisma writes for renamed indexes. */
    private boolean renameIndex(String text) {
        java.util.regex.Matcher m = RENAME_INDEX.matcher(text.strip());
        if (!m.matches()) {
            return false;
        }
        String from = ident(indexName(m.group(1)));
        String to = ident(indexName(m.group(2)));
        for (MutableTable t : tables.values()) {
            for (int i = 0; i < t.indexes.size(); i++) {
                Index index = t.indexes.get(i);
                if (index.name().equals(from)) {
                    t.indexes.set(i, index.renamed(to));
                    return true;
                }
            }
            if (t.primaryKey != null && from.equals(t.primaryKey.name())) {
                t.primaryKey = new PrimaryKey(to, t.primaryKey.columns(), t.primaryKey.origin());
                return true;
            }
        }
        return false;
    }

    /** The last part of a possibly qualified name; unquoted names fold to lower case as PostgreSQL folds them. */
    private static String indexName(String written) {
        String last = written.strip();
        int dot = last.lastIndexOf("\".\"");
        if (dot >= 0) {
            last = last.substring(dot + 2);
        } else if (!last.startsWith("\"") && last.contains(".")) {
            last = last.substring(last.lastIndexOf('.') + 1);
        }
        return last.startsWith("\"") ? SqlTypes.unquote(last) : last.toLowerCase(Locale.ROOT);
    }

    private boolean dropIndex(String name, QualifiedName table) {
        for (MutableTable t : tables.values()) {
            if (table != null && !t.name.equals(table.name())) {
                continue;
            }
            if (t.indexes.removeIf(i -> i.name().equals(name))) {
                return true;
            }
        }
        return false;
    }

    private void alterType(SqlStatement.AlterType s) {
        MutableEnum e = enums.get(key(s.name()));
        if (e == null) {
            unmodelled(s.span(), "ALTER TYPE of a type the migrations never created");
            return;
        }
        if (s.action() instanceof AlterTypeAction.AddValue a) {
            if (e.values.contains(a.value())) {
                return;
            }
            int at = a.neighbour() == null ? -1 : e.values.indexOf(a.neighbour());
            int position = at < 0 ? e.values.size() : (a.before() ? at : at + 1);
            e.values.add(position, a.value());
            e.valueOrigins.add(position, origin(a.span()));
        } else if (s.action() instanceof AlterTypeAction.RenameValue a) {
            int at = e.values.indexOf(a.from());
            if (at >= 0) {
                e.values.set(at, a.to());
            }
        } else if (s.action() instanceof AlterTypeAction.DropValue a) {
            int at = e.values.indexOf(a.value());
            if (at >= 0) {
                e.values.remove(at);
                e.valueOrigins.remove(at);
            }
        } else if (s.action() instanceof AlterTypeAction.Rename a) {
            enums.remove(key(s.name()));
            String oldName = e.name;
            e.name = ident(a.to().name());
            enums.put(key(e.schema, e.name), e);
            for (MutableTable t : tables.values()) {
                for (Column c : List.copyOf(t.columns.values())) {
                    String base = c.type().replace("[]", "");
                    if (base.equals(oldName)) {
                        t.columns.put(c.name(), new Column(c.name(), c.type().replace(oldName, e.name),
                                c.nullable(), c.defaultValue(), c.origin()));
                    }
                }
            }
        } else if (s.action() instanceof AlterTypeAction.Other a) {
            unmodelled(s.span(), "ALTER TYPE " + firstWords(a.text()));
        }
    }

    private Result result() {
        List<Table> outTables = new ArrayList<>();
        for (MutableTable t : tables.values()) {
            outTables.add(new Table(t.schema, t.name, List.copyOf(t.columns.values()), t.primaryKey, t.indexes,
                    t.foreignKeys, t.origin));
        }
        List<EnumType> outEnums = new ArrayList<>();
        for (MutableEnum e : enums.values()) {
            outEnums.add(new EnumType(e.schema, e.name, e.values, e.valueOrigins, e.origin));
        }
        return new Result(new SchemaModel(provider, outTables, outEnums), unmodelled, statementCount);
    }

    private void unmodelled(Span span, String description) {
        unmodelled.add(new UnmodelledStatement(migration, file, span.start(), span.end(), description,
                file.text().substring(span.start(), span.end())));
    }

    private Origin origin(Span span) {
        return new Origin(file, span.start(), span.end(), "migration " + migration);
    }

    private boolean namedPrimaryKeys() {
        return provider != DatabaseProvider.MYSQL && provider != DatabaseProvider.SQLITE;
    }

    private String defaultPrimaryKeyName(MutableTable t) {
        return namedPrimaryKeys() ? truncate(t.name, "pkey") : null;
    }

    /** The name the database (and Prisma) gives an unnamed constraint: {@code Table_col_suffix}. */
    private String defaultName(String table, List<String> cols, String suffix) {
        return truncate(table + "_" + String.join("_", cols), suffix);
    }

    private String truncate(String stem, String suffix) {
        int room = provider.identifierLimit() - suffix.length() - 1;
        return (stem.length() > room ? stem.substring(0, Math.max(room, 0)) : stem) + "_" + suffix;
    }

    private static String firstWords(String text) {
        String[] words = text.strip().split("\\s+");
        return String.join(" ", java.util.Arrays.asList(words).subList(0, Math.min(words.length, 3)))
                .toUpperCase(Locale.ROOT);
    }

    /** The default schema is the empty string; {@code public} (PostgreSQL) and {@code dbo} (SQL Server) are it. */
    private String schemaOf(QualifiedName name) {
        if (name.schema() == null) {
            return "";
        }
        String s = name.schema();
        if ((provider.namedEnums() && s.equals("public")) || (provider == DatabaseProvider.SQLSERVER
                && s.equalsIgnoreCase("dbo"))) {
            return "";
        }
        return s;
    }

    private String key(QualifiedName name) {
        return key(schemaOf(name), ident(name.name()));
    }

    /**
     * A name as the database stores it: PostgreSQL cuts identifiers to 63 bytes (NAMEDATALEN - 1, never inside a
     * character), MySQL to 64 characters, so a later statement naming the long or the cut name finds the object.
     */
    String ident(String name) {
        if (name == null) {
            return null;
        }
        if (provider == DatabaseProvider.POSTGRESQL) {
            byte[] bytes = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            if (bytes.length <= 63) {
                return name;
            }
            int end = 0;
            int used = 0;
            while (end < name.length()) {
                int cp = name.codePointAt(end);
                int size = new String(Character.toChars(cp)).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
                if (used + size > 63) {
                    break;
                }
                used += size;
                end += Character.charCount(cp);
            }
            return name.substring(0, end);
        }
        if (provider == DatabaseProvider.MYSQL && name.codePointCount(0, name.length()) > 64) {
            return name.substring(0, name.offsetByCodePoints(0, 64));
        }
        return name;
    }

    /**
     * {@code ADD CONSTRAINT c PRIMARY KEY USING INDEX i} (or UNIQUE): the existing unique index becomes the
     * constraint, renamed to the constraint's name.
     */
    private void constraintUsingIndex(MutableTable t, TableConstraint c, String name) {
        String indexName = ident(c.usingIndex().name());
        Index index = t.indexes.stream().filter(i -> i.name().equals(indexName)).findFirst().orElse(null);
        if (index == null) {
            unmodelled(c.span(), "ADD CONSTRAINT ... USING INDEX of an index the migrations never created");
            return;
        }
        t.indexes.remove(index);
        String newName = name != null ? name : indexName;
        if (c.kind() == ConstraintKind.PRIMARY_KEY) {
            t.primaryKey = new PrimaryKey(namedPrimaryKeys() ? newName : null, index.columns(), origin(c.span()));
        } else {
            t.indexes.add(index.renamed(newName));
        }
    }

    private static String key(String schema, String name) {
        return schema + "\u0000" + name;
    }

    private static final class MutableTable {
        String schema;
        String name;
        final Origin origin;
        final LinkedHashMap<String, Column> columns = new LinkedHashMap<>();
        PrimaryKey primaryKey;
        final List<Index> indexes = new ArrayList<>();
        final List<ForeignKey> foreignKeys = new ArrayList<>();
        final Set<String> otherConstraints = new java.util.HashSet<>();
        /** Column -> the enum type (its key) its default was written for: the default depends on that type. */
        final Map<String, String> defaultTypes = new java.util.HashMap<>();

        MutableTable(String schema, String name, Origin origin) {
            this.schema = schema;
            this.name = name;
            this.origin = origin;
        }

        void updateColumn(String column, java.util.function.UnaryOperator<Column> change) {
            Column c = columns.get(column);
            if (c != null) {
                columns.put(column, change.apply(c));
            }
        }
    }

    private static final class MutableEnum {
        final String schema;
        String name;
        final Origin origin;
        final List<String> values = new ArrayList<>();
        final List<Origin> valueOrigins = new ArrayList<>();

        MutableEnum(String schema, String name, Origin origin) {
            this.schema = schema;
            this.name = name;
            this.origin = origin;
        }
    }
}
