package dev.migrationguard.rules.sql;

import dev.migrationguard.rules.Findings;
import dev.migrationguard.rules.Inputs;
import dev.migrationguard.rules.Rule;
import dev.migrationguard.rules.RuleContext;
import dev.migrationguard.rules.RuleInputs;
import dev.migrationguard.schema.DatabaseProvider;
import dev.migrationguard.schema.SchemaReplay;
import dev.migrationguard.sql.AlterTableAction;
import dev.migrationguard.sql.ColumnDefinition;
import dev.migrationguard.sql.ConstraintKind;
import dev.migrationguard.sql.ForeignKeyReference;
import dev.migrationguard.sql.Identifier;
import dev.migrationguard.sql.MigrationSet;
import dev.migrationguard.sql.QualifiedName;
import dev.migrationguard.sql.SqlScript;
import dev.migrationguard.sql.SqlStatement;
import dev.migrationguard.sql.SqlType;
import dev.migrationguard.sql.TableConstraint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replays each migrations folder in Prisma's order and flags the first statement of a migration that cannot run on
 * an empty database: it refers to a table, column, type, constraint or index that does not exist at that point, or
 * creates one that already exists without IF NOT EXISTS. {@code prisma migrate deploy} on a new database, and the
 * shadow database of every {@code prisma migrate dev}, stop there. The message says which migration creates the
 * missing object later, if any.
 */
public final class MigrationFailsOnFreshDatabase implements Rule {
    /** Unread statements that change no schema, so they cannot have created what a later statement needs. */
    private static final Set<String> NO_SCHEMA_EFFECT = Set.of("INSERT", "UPDATE", "DELETE", "SELECT", "BEGIN",
            "COMMIT", "ROLLBACK", "START", "END", "SET", "PRAGMA", "GRANT", "REVOKE", "ANALYZE", "VACUUM", "LOCK",
            "COPY", "REFRESH", "WITH", "VALUES", "SAVEPOINT", "RELEASE", "GO", "USE", "PRINT", "DECLARE", "IF",
            "ELSE", "THROW", "RAISERROR", "ALTER INDEX", "EXEC", "EXECUTE");

    private static final Pattern RENAME_INDEX = Pattern.compile(
            "(?is)ALTER\\s+INDEX\\s+(IF\\s+EXISTS\\s+)?((?:\"(?:[^\"]|\"\")+\"|[\\w$]+)(?:\\.(?:\"(?:[^\"]|\"\")+\"|[\\w$]+))?)"
                    + "\\s+RENAME\\s+TO\\s+(\"(?:[^\"]|\"\")+\"|[\\w$]+)");

    @Override
    public String id() {
        return "migration-fails-on-fresh-database";
    }

    @Override
    public boolean judgesState() {
        // A fresh database (a new developer, CI, the shadow database) replays the applied migrations too.
        return true;
    }

    @Override
    public RuleInputs inputs() {
        return RuleInputs.changedFiles(Inputs.MIGRATIONS);
    }

    /** One statement of the folder, in replay order. */
    private record Step(String migration, SqlScript script, SqlStatement statement) {
    }

    @Override
    public void check(RuleContext context, Findings findings) {
        // Keyed by the folder's path, not by the set: a record's hash reads every migration of the set, once for each
        // migration here (a folder of 160 migrations spent 30 ms of a pre-commit run on it).
        Map<String, FolderSteps> folders = new LinkedHashMap<>();
        for (MigrationScan.ScannedMigration m : MigrationScan.of(context.snapshot())) {
            List<Step> steps = folders.computeIfAbsent(m.set().folder(), k -> new FolderSteps(m.set(), new ArrayList<>()))
                    .steps();
            for (SqlStatement statement : m.script().statements()) {
                steps.add(new Step(m.migration().name(), m.script(), statement));
            }
        }
        for (FolderSteps folder : folders.values()) {
            Optional<DatabaseProvider> provider = DatabaseProvider.fromPrisma(folder.set().dialect().provider());
            if (provider.isEmpty()) {
                continue;
            }
            Checker checker = new Checker(folder.steps(), provider.get(), findings);
            SchemaReplay.replay(context.snapshot(), folder.set(), provider.get(), checker);
        }
    }

    /** One migrations folder and its statements in replay order. */
    private record FolderSteps(MigrationSet set, List<Step> steps) {
    }

    /** What a statement lacks or duplicates. */
    private record Failure(String kind, String name, QualifiedName table, boolean exists, String key) {
    }

    private static final class Checker implements SchemaReplay.Observer {
        private final List<Step> steps;
        private final DatabaseProvider provider;
        private final Findings findings;
        /** Every type name a CREATE TYPE of the folder makes: a column of another type name is a built-in's. */
        private final Set<String> folderTypes = new HashSet<>();
        /** Composite and other non-enum types, which the replay does not keep. */
        private final Set<String> otherTypes = new HashSet<>();
        private final Set<String> views = new HashSet<>();
        private final Set<String> temporaryTables = new HashSet<>();
        private final List<String> unread = new ArrayList<>();
        private String migration;
        /** The last DO block met: its statements follow it in the script. */
        private SqlStatement.DoBlock block;
        private boolean failed;
        private int index = -1;

        Checker(List<Step> steps, DatabaseProvider provider, Findings findings) {
            this.steps = steps;
            this.provider = provider;
            this.findings = findings;
            for (Step step : steps) {
                if (step.statement() instanceof SqlStatement.CreateEnum e) {
                    folderTypes.add(e.name().name());
                } else if (step.statement() instanceof SqlStatement.CreateType t) {
                    folderTypes.add(t.name().name());
                }
            }
        }

        @Override
        public void before(String migrationName, SqlScript script, SqlStatement statement,
                           SchemaReplay.State state) {
            index++;
            if (!migrationName.equals(migration)) {
                migration = migrationName;
                failed = false;
                block = null;
                temporaryTables.clear();
            }
            if (statement instanceof SqlStatement.DoBlock doBlock) {
                block = doBlock;
                return;
            }
            // Not script.isConditional: that searches the script per statement.
            boolean conditional = block != null && block.isConditional(statement);
            if (statement instanceof SqlStatement.Other other && other.keyword().equals("ALTER INDEX")) {
                Failure failure = failed || conditional ? null
                        : renameIndex(script.text(other.span()), state);
                if (failure != null && !mentionedByUnread(failure)) {
                    failed = true;
                    report(script, statement, failure);
                }
                return;
            }
            if (statement instanceof SqlStatement.Other other) {
                if (!NO_SCHEMA_EFFECT.contains(other.keyword())
                        && !NO_SCHEMA_EFFECT.contains(other.keyword().split(" ")[0])) {
                    unread.add(script.text(other.span()).toLowerCase(Locale.ROOT));
                }
                return;
            }
            Failure failure = failed || conditional ? null : failure(statement, state);
            track(statement);
            if (failure == null || mentionedByUnread(failure)) {
                return;
            }
            failed = true;
            report(script, statement, failure);
        }

        /** PostgreSQL's {@code ALTER INDEX a RENAME TO b} (kept unparsed; the replay reads it from its text). */
        private Failure renameIndex(String text, SchemaReplay.State state) {
            Matcher m = RENAME_INDEX.matcher(text.strip());
            if (!m.matches()) {
                return null;
            }
            String from = indexName(m.group(2));
            String to = indexName(m.group(3));
            if (m.group(1) == null && !state.hasIndex(from)) {
                return missing("index", from, null);
            }
            return state.hasIndex(to) ? exists("index", to, null) : null;
        }

        /** The last part of a written name, unquoted; unquoted names fold to lower case. */
        private static String indexName(String written) {
            String last = written;
            int dot = last.lastIndexOf("\".\"");
            if (dot >= 0) {
                last = last.substring(dot + 2);
            } else if (!last.startsWith("\"") && last.contains(".")) {
                last = last.substring(last.lastIndexOf('.') + 1);
            }
            return last.startsWith("\"") ? last.substring(1, last.length() - 1).replace("\"\"", "\"")
                    : last.toLowerCase(Locale.ROOT);
        }

        /** Types, views and temporary tables, which the replay does not keep. */
        private void track(SqlStatement statement) {
            if (statement instanceof SqlStatement.CreateType t) {
                otherTypes.add(t.name().name());
            } else if (statement instanceof SqlStatement.DropType d) {
                d.names().forEach(n -> otherTypes.remove(n.name()));
            } else if (statement instanceof SqlStatement.CreateView v) {
                views.add(v.name().name());
            } else if (statement instanceof SqlStatement.DropView v) {
                v.names().forEach(n -> views.remove(n.name()));
            } else if (statement instanceof SqlStatement.CreateTable t && t.temporary()) {
                temporaryTables.add(t.table().name());
            }
        }

        private Failure failure(SqlStatement statement, SchemaReplay.State state) {
            if (statement instanceof SqlStatement.CreateTable s) {
                if (s.temporary()) {
                    return null;
                }
                if (!s.ifNotExists() && state.hasTable(s.table())) {
                    return exists("table", s.table().name(), null);
                }
                Set<String> columns = new HashSet<>();
                for (ColumnDefinition c : s.columns()) {
                    columns.add(c.name().name());
                }
                for (ColumnDefinition c : s.columns()) {
                    Failure f = type(c.type(), state);
                    if (f == null && c.references() != null) {
                        f = reference(c.references(), s.table(), state);
                    }
                    if (f != null) {
                        return f;
                    }
                }
                for (TableConstraint c : s.constraints()) {
                    for (Identifier column : c.columns()) {
                        if (!columns.contains(column.name())) {
                            return missing("column", column.name(), s.table());
                        }
                    }
                    if (c.kind() == ConstraintKind.FOREIGN_KEY && c.references() != null) {
                        Failure f = reference(c.references(), s.table(), state);
                        if (f != null) {
                            return f;
                        }
                    }
                }
                return null;
            }
            if (statement instanceof SqlStatement.AlterTable s) {
                return alterTable(s, state);
            }
            if (statement instanceof SqlStatement.CreateIndex s) {
                if (skipped(s.table())) {
                    return null;
                }
                if (!state.hasTable(s.table())) {
                    return missing("table", s.table().name(), null);
                }
                for (SqlStatement.IndexElement e : s.elements()) {
                    if (e.column() != null && !state.hasColumn(s.table(), e.column().name())) {
                        return missing("column", e.column().name(), s.table());
                    }
                }
                if (s.name() != null && !s.ifNotExists() && indexExists(s.name().name(), s.table(), state)) {
                    return exists("index", s.name().name(), null);
                }
                return null;
            }
            if (statement instanceof SqlStatement.DropIndex s) {
                if (s.ifExists()) {
                    return null;
                }
                for (QualifiedName name : s.names()) {
                    if (!indexExists(name.name(), s.table(), state)) {
                        return missing("index", name.name(), null);
                    }
                }
                return null;
            }
            if (statement instanceof SqlStatement.DropTable s) {
                if (s.ifExists()) {
                    return null;
                }
                for (QualifiedName table : s.tables()) {
                    if (!skipped(table) && !state.hasTable(table)) {
                        return missing("table", table.name(), null);
                    }
                }
                return null;
            }
            if (statement instanceof SqlStatement.RenameTable s) {
                if (!skipped(s.from()) && !state.hasTable(s.from())) {
                    return missing("table", s.from().name(), null);
                }
                return state.hasTable(s.to()) ? exists("table", s.to().name(), null) : null;
            }
            if (statement instanceof SqlStatement.CreateEnum s) {
                return state.hasEnum(s.name()) || otherTypes.contains(s.name().name())
                        ? exists("type", s.name().name(), null) : null;
            }
            if (statement instanceof SqlStatement.CreateType s) {
                return state.hasEnum(s.name()) || otherTypes.contains(s.name().name())
                        ? exists("type", s.name().name(), null) : null;
            }
            if (statement instanceof SqlStatement.AlterType s) {
                return typeExists(s.name(), state) ? null : missing("type", s.name().name(), null);
            }
            if (statement instanceof SqlStatement.DropType s) {
                if (s.ifExists()) {
                    return null;
                }
                for (QualifiedName name : s.names()) {
                    if (!typeExists(name, state)) {
                        return missing("type", name.name(), null);
                    }
                }
            }
            return null;
        }

        private Failure alterTable(SqlStatement.AlterTable s, SchemaReplay.State state) {
            QualifiedName table = s.table();
            if (skipped(table)) {
                return null;
            }
            if (!state.hasTable(table)) {
                return s.ifExists() ? null : missing("table", table.name(), null);
            }
            // The actions of one statement run in order: what an earlier action adds or drops counts for the next.
            Set<String> added = new HashSet<>();
            Set<String> dropped = new HashSet<>();
            Set<String> addedConstraints = new HashSet<>();
            Set<String> droppedConstraints = new HashSet<>();
            for (AlterTableAction action : s.actions()) {
                Failure f = null;
                if (action instanceof AlterTableAction.AddColumn a) {
                    String column = a.column().name().name();
                    if (!a.ifNotExists() && hasColumn(state, table, column, added, dropped)) {
                        f = exists("column", column, table);
                    } else {
                        f = type(a.column().type(), state);
                        if (f == null && a.column().references() != null) {
                            f = reference(a.column().references(), table, state);
                        }
                    }
                    added.add(column);
                    dropped.remove(column);
                } else if (action instanceof AlterTableAction.DropColumn a) {
                    String column = a.column().name();
                    if (!a.ifExists() && !hasColumn(state, table, column, added, dropped)) {
                        f = missing("column", column, table);
                    }
                    dropped.add(column);
                    added.remove(column);
                } else if (action instanceof AlterTableAction.RenameColumn a) {
                    if (!hasColumn(state, table, a.from().name(), added, dropped)) {
                        f = missing("column", a.from().name(), table);
                    } else if (hasColumn(state, table, a.to().name(), added, dropped)) {
                        f = exists("column", a.to().name(), table);
                    }
                    dropped.add(a.from().name());
                    added.remove(a.from().name());
                    added.add(a.to().name());
                } else if (action instanceof AlterTableAction.SetNotNull a) {
                    f = columnNeeded(state, table, a.column().name(), added, dropped);
                } else if (action instanceof AlterTableAction.DropNotNull a) {
                    f = columnNeeded(state, table, a.column().name(), added, dropped);
                } else if (action instanceof AlterTableAction.SetDefault a) {
                    f = columnNeeded(state, table, a.column().name(), added, dropped);
                } else if (action instanceof AlterTableAction.DropDefault a) {
                    f = columnNeeded(state, table, a.column().name(), added, dropped);
                } else if (action instanceof AlterTableAction.AlterColumnType a) {
                    f = columnNeeded(state, table, a.column().name(), added, dropped);
                    if (f == null) {
                        f = type(a.type(), state);
                    }
                } else if (action instanceof AlterTableAction.AddConstraint a) {
                    TableConstraint c = a.constraint();
                    String name = c.name() == null ? null : c.name().name();
                    if (name != null && (addedConstraints.contains(name) || !droppedConstraints.contains(name)
                            && (state.hasConstraint(table, name) || (c.kind() == ConstraintKind.UNIQUE
                            || c.kind() == ConstraintKind.PRIMARY_KEY) && indexExists(name, table, state)))) {
                        f = exists("constraint", name, table);
                    }
                    for (Identifier column : c.columns()) {
                        if (f == null && !hasColumn(state, table, column.name(), added, dropped)) {
                            f = missing("column", column.name(), table);
                        }
                    }
                    if (f == null && c.kind() == ConstraintKind.FOREIGN_KEY && c.references() != null) {
                        f = reference(c.references(), table, state);
                    }
                    if (f == null && c.usingIndex() != null && !state.hasIndex(c.usingIndex().name())) {
                        f = missing("index", c.usingIndex().name(), null);
                    }
                    if (name != null) {
                        addedConstraints.add(name);
                        droppedConstraints.remove(name);
                    }
                } else if (action instanceof AlterTableAction.DropConstraint a) {
                    if (!a.ifExists() && a.name() != null && droppableKind(a.kind())
                            && !addedConstraints.contains(a.name().name()) && !implicitName(a.name().name())
                            && !state.hasConstraint(table, a.name().name())) {
                        f = missing("constraint", a.name().name(), table);
                    }
                    if (a.name() != null) {
                        droppedConstraints.add(a.name().name());
                        addedConstraints.remove(a.name().name());
                    }
                } else if (action instanceof AlterTableAction.RenameTable a) {
                    if (state.hasTable(a.to())) {
                        f = exists("table", a.to().name(), null);
                    }
                }
                if (f != null) {
                    return f;
                }
            }
            return null;
        }

        private static boolean droppableKind(ConstraintKind kind) {
            return kind == null || kind == ConstraintKind.FOREIGN_KEY || kind == ConstraintKind.UNIQUE
                    || kind == ConstraintKind.PRIMARY_KEY;
        }

        /** Names the database gives constraints the replay does not name: CHECK and NOT NULL constraints. */
        private static boolean implicitName(String name) {
            return name.endsWith("_check") || name.endsWith("_not_null") || name.endsWith("_df");
        }

        private static boolean hasColumn(SchemaReplay.State state, QualifiedName table, String column,
                                         Set<String> added, Set<String> dropped) {
            return added.contains(column) || !dropped.contains(column) && state.hasColumn(table, column);
        }

        private Failure columnNeeded(SchemaReplay.State state, QualifiedName table, String column, Set<String> added,
                                     Set<String> dropped) {
            return hasColumn(state, table, column, added, dropped) ? null : missing("column", column, table);
        }

        /** A REFERENCES clause needs its table (a table may refer to itself). */
        private Failure reference(ForeignKeyReference ref, QualifiedName from, SchemaReplay.State state) {
            // SQLite checks a foreign key when rows change, not when it is declared.
            if (provider == DatabaseProvider.SQLITE || ref.table().name().equals(from.name()) || skipped(ref.table()) || state.hasTable(ref.table())) {
                return null;
            }
            return missing("table", ref.table().name(), null);
        }

        /** A column type that one of the folder's CREATE TYPE statements names must exist when it is used. */
        private Failure type(SqlType type, SchemaReplay.State state) {
            if (type == null || !folderTypes.contains(type.name())) {
                return null;
            }
            QualifiedName name = new QualifiedName(type.schema(), type.name(), type.span());
            return typeExists(name, state) ? null : missing("type", type.name(), null);
        }

        private boolean typeExists(QualifiedName name, SchemaReplay.State state) {
            return state.hasEnum(name) || otherTypes.contains(name.name());
        }

        /** PostgreSQL and SQLite name indexes per schema, MySQL and SQL Server per table. */
        private boolean indexExists(String name, QualifiedName table, SchemaReplay.State state) {
            if (table != null && (provider == DatabaseProvider.MYSQL || provider == DatabaseProvider.SQLSERVER)) {
                return state.hasConstraint(table, name);
            }
            return state.hasIndex(name) || table != null && state.hasConstraint(table, name);
        }

        private boolean skipped(QualifiedName table) {
            return temporaryTables.contains(table.name()) || views.contains(table.name());
        }

        /** An unread statement (a function, a computed EXECUTE) that names the object may have made it. */
        private boolean mentionedByUnread(Failure failure) {
            String name = failure.name().toLowerCase(Locale.ROOT);
            for (String text : unread) {
                if (text.contains(name)) {
                    return true;
                }
            }
            return false;
        }

        private static Failure missing(String kind, String name, QualifiedName table) {
            return new Failure(kind, name, table, false, kind + " " + qualified(name, table) + " missing");
        }

        private static Failure exists(String kind, String name, QualifiedName table) {
            return new Failure(kind, name, table, true, kind + " " + qualified(name, table) + " exists");
        }

        private static String qualified(String name, QualifiedName table) {
            return table == null ? name : table.name() + "." + name;
        }

        private void report(SqlScript script, SqlStatement statement, Failure failure) {
            String what = failure.kind() + " \"" + failure.name() + "\""
                    + (failure.table() == null ? "" : " of table \"" + failure.table().name() + "\"");
            String message;
            String fix;
            if (failure.exists()) {
                Optional<String> creator = creator(failure, 0, index);
                message = headline(script, statement) + " fails on a fresh database: " + what + " already exists"
                        + creator.map(c -> c.equals(migration) ? " (an earlier statement of this migration creates it)"
                        : " (migration " + c + " creates it)").orElse("")
                        + ", so prisma migrate deploy and the shadow database of prisma migrate dev stop here.";
                fix = "Remove the duplicate statement, or write it with IF NOT EXISTS where the database allows it.";
            } else {
                Optional<String> later = creator(failure, index + 1, steps.size());
                message = headline(script, statement) + " fails on a fresh database: " + what
                        + " does not exist at this point"
                        + later.map(c -> "; migration " + c + " creates it later").orElse("; no migration creates it")
                        + ", so prisma migrate deploy and the shadow database of prisma migrate dev stop here.";
                fix = later.isPresent()
                        ? "Rename the migration folders so that " + later.get() + " sorts before " + migration
                        + " (Prisma applies them in name order), or move the statement after the one that creates it."
                        : "Create the " + failure.kind() + " in an earlier migration, or remove the statement.";
            }
            findings.at(script.file(), statement.span().start(), statement.span().end())
                    .message(message)
                    .fix(fix)
                    .key(failure.key())
                    .report();
        }

        /** The statement's first line, shortened: enough to name it in a message. */
        private static String headline(SqlScript script, SqlStatement statement) {
            String text = script.text(statement.span()).strip();
            int newline = text.indexOf('\n');
            if (newline > 0) {
                text = text.substring(0, newline).strip();
            }
            if (text.length() > 80) {
                text = text.substring(0, 77) + "...";
            }
            return text;
        }

        /** The migration of the last (exists) or first (missing) statement in {@code [from, to)} that creates it. */
        private Optional<String> creator(Failure failure, int from, int to) {
            String found = null;
            for (int i = from; i < to; i++) {
                if (creates(steps.get(i).statement(), failure)) {
                    found = steps.get(i).migration();
                    if (!failure.exists()) {
                        break;
                    }
                }
            }
            return Optional.ofNullable(found);
        }

        private static boolean creates(SqlStatement statement, Failure failure) {
            String name = failure.name();
            switch (failure.kind()) {
                case "table" -> {
                    if (statement instanceof SqlStatement.CreateTable t) {
                        return !t.temporary() && t.table().name().equals(name);
                    }
                    if (statement instanceof SqlStatement.RenameTable r) {
                        return r.to().name().equals(name);
                    }
                    if (statement instanceof SqlStatement.AlterTable a) {
                        return a.actions().stream().anyMatch(x -> x instanceof AlterTableAction.RenameTable r
                                && r.to().name().equals(name));
                    }
                    return false;
                }
                case "column" -> {
                    String table = failure.table().name();
                    if (statement instanceof SqlStatement.CreateTable t) {
                        return t.table().name().equals(table)
                                && t.columns().stream().anyMatch(c -> c.name().name().equals(name));
                    }
                    if (statement instanceof SqlStatement.AlterTable a && a.table().name().equals(table)) {
                        return a.actions().stream().anyMatch(x -> x instanceof AlterTableAction.AddColumn c
                                && c.column().name().name().equals(name)
                                || x instanceof AlterTableAction.RenameColumn r && r.to().name().equals(name));
                    }
                    return false;
                }
                case "type" -> {
                    return statement instanceof SqlStatement.CreateEnum e && e.name().name().equals(name)
                            || statement instanceof SqlStatement.CreateType t && t.name().name().equals(name);
                }
                default -> {
                    // Constraints and indexes.
                    if (statement instanceof SqlStatement.CreateIndex i) {
                        return i.name() != null && i.name().name().equals(name);
                    }
                    if (statement instanceof SqlStatement.CreateTable t) {
                        return t.constraints().stream().anyMatch(c -> c.name() != null && c.name().name().equals(name));
                    }
                    if (statement instanceof SqlStatement.AlterTable a) {
                        return a.actions().stream().anyMatch(x -> x instanceof AlterTableAction.AddConstraint c
                                && c.constraint().name() != null && c.constraint().name().name().equals(name)
                                || x instanceof AlterTableAction.RenameConstraint r && r.to().name().equals(name));
                    }
                    return false;
                }
            }
        }
    }
}
