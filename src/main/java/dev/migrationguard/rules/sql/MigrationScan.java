package dev.migrationguard.rules.sql;

import dev.migrationguard.rules.Findings;
import dev.migrationguard.rules.RuleContext;
import dev.migrationguard.sql.AlterTableAction;
import dev.migrationguard.sql.AppliedMigrations;
import dev.migrationguard.sql.Migration;
import dev.migrationguard.sql.MigrationSet;
import dev.migrationguard.sql.MigrationSets;
import dev.migrationguard.sql.SqlDialect;
import dev.migrationguard.sql.SqlScript;
import dev.migrationguard.sql.SqlScripts;
import dev.migrationguard.sql.SqlStatement;
import dev.migrationguard.sql.Span;
import dev.migrationguard.workspace.ModelKey;
import dev.migrationguard.workspace.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The migration.sql files the SQL rules read (those of {@link MigrationSets}, never other .sql files), each parsed
 * and able to replay itself on the schema its folder's earlier migrations built. Built once per snapshot, shared by
 * every rule.
 */
final class MigrationScan {
    static final ModelKey<List<ScannedMigration>> KEY = ModelKey.of("sql-rules-migration-scan", MigrationScan::scan);

    /**
     * One parsed migration.
     *
     * @param folder the replay of its folder
     * @param index  its position among the parsed migrations of that folder
     */
    record ScannedMigration(MigrationSet set, Migration migration, SqlScript script, FolderReplay folder, int index) {

        SqlDialect dialect() {
            return set.dialect();
        }

        /** Starts a finding on a span of this migration's file. */
        Findings.Builder at(Findings findings, Span span) {
            return findings.at(script.file(), span.start(), span.end());
        }

        /** Calls {@code action} for each statement in order, with the tables created before it in this migration. */
        void forEachStatement(StatementAction action) {
            NewTables created = new NewTables();
            for (SqlStatement statement : script.statements()) {
                action.accept(statement, created);
                created.record(statement);
            }
        }

        /** Calls {@code action} for each action of an ALTER TABLE on a table this migration did not create. */
        void forEachAlterOfExistingTable(AlterAction action) {
            forEachStatement((statement, newTables) -> {
                if (statement instanceof SqlStatement.AlterTable alter && !newTables.contains(alter.table())) {
                    alter.actions().forEach(a -> action.accept(alter, a));
                }
            });
        }

        /**
         * Like {@link #forEachStatement}, also with the schema as it stands before each statement (earlier migrations
         * of the folder and earlier statements applied). The schema is only valid during the call.
         */
        void replay(ReplayAction action) {
            NewTables created = new NewTables();
            ReplayedSchema schema = folder.before(index);
            for (SqlStatement statement : script.statements()) {
                action.accept(statement, created, schema);
                created.record(statement);
                schema.apply(statement);
            }
            folder.replayed(index, schema);
        }
    }

    /**
     * The schemas of one folder's migrations, built as the rules replay them. Every rule walks the migrations in
     * order, so the schema one replay leaves behind is the schema before the next migration: it is handed on
     * instead of being rebuilt or copied (holding a copy per migration cost more than the replay itself). A replay
     * out of order starts over from the folder's first migration.
     */
    static final class FolderReplay {
        private final List<SqlScript> scripts;
        /** The schema before migration {@code next}, free for the next replay to take, or {@code null}. */
        private ReplayedSchema waiting = new ReplayedSchema();
        private int next;
        /**
         * The schema before migration {@code checkpointIndex}, never handed out: rules that judge only the migrations
         * after the applied ones all start there, and each gets a copy instead of replaying the applied ones again.
         */
        private ReplayedSchema checkpoint;
        private int checkpointIndex = -1;

        FolderReplay(List<SqlScript> scripts) {
            this.scripts = scripts;
        }

        /** A schema of this folder before migration {@code index}, the caller's own to change. */
        ReplayedSchema before(int index) {
            synchronized (this) {
                if (waiting != null && next == index) {
                    ReplayedSchema schema = waiting;
                    waiting = null;
                    return schema;
                }
            }
            synchronized (this) {
                if (checkpointIndex == index) {
                    return checkpoint.copy();
                }
            }
            ReplayedSchema schema = new ReplayedSchema();
            for (int i = 0; i < index; i++) {
                for (SqlStatement statement : scripts.get(i).statements()) {
                    schema.apply(statement);
                }
            }
            synchronized (this) {
                checkpoint = schema.copy();
                checkpointIndex = index;
            }
            return schema;
        }

        /** Takes back the schema a replay of migration {@code index} left: the schema before the next one. */
        synchronized void replayed(int index, ReplayedSchema after) {
            waiting = after;
            next = index + 1;
        }
    }

    @FunctionalInterface
    interface StatementAction {
        void accept(SqlStatement statement, NewTables newTables);
    }

    interface AlterAction {
        void accept(SqlStatement.AlterTable alter, AlterTableAction action);
    }

    @FunctionalInterface
    interface ReplayAction {
        /** {@code schema} is the schema just before {@code statement}: earlier migrations and statements applied. */
        void accept(SqlStatement statement, NewTables newTables, ReplayedSchema schema);
    }

    private MigrationScan() {
    }

    /** Every migration, applied or not: for rules that judge the state the migrations build. */
    static List<ScannedMigration> of(Snapshot snapshot) {
        return snapshot.model(KEY);
    }

    /**
     * The migrations a rule that judges each migration's own content reads: those the run does not treat as applied
     * (all of them with --all-migrations, or outside git). Their findings on applied migrations would be dropped
     * anyway; not reading those migrations at all is what keeps a lint of a long history quick. A replay of the
     * first one still starts from the schema the applied ones built.
     */
    static List<ScannedMigration> judged(RuleContext context) {
        List<ScannedMigration> all = of(context.snapshot());
        AppliedMigrations applied = context.applied();
        if (applied.isEmpty()) {
            return all;
        }
        List<ScannedMigration> judged = new ArrayList<>();
        for (ScannedMigration m : all) {
            // The test the linter drops findings by: the file lies in an applied folder.
            if (!applied.covers(m.migration().sqlPath())) {
                judged.add(m);
            }
        }
        return judged;
    }

    private static List<ScannedMigration> scan(Snapshot snapshot) {
        List<ScannedMigration> out = new ArrayList<>();
        List<MigrationSet> sets = snapshot.model(MigrationSets.KEY);
        // Parsing is most of the work and each file parses on its own: use every core for it.
        snapshot.model(SqlScripts.KEY).parseAll(sets.stream().flatMap(set -> set.migrations().stream()).toList());
        for (MigrationSet set : sets) {
            List<SqlScript> scripts = new ArrayList<>();
            FolderReplay folder = new FolderReplay(scripts);
            for (Migration migration : set.migrations()) {
                Optional<SqlScript> script = migration.script(snapshot);
                if (script.isEmpty()) {
                    continue;
                }
                out.add(new ScannedMigration(set, migration, script.get(), folder, scripts.size()));
                scripts.add(script.get());
            }
        }
        return List.copyOf(out);
    }
}
