package dev.migrationguard.rules.sql;

import dev.migrationguard.rules.Findings;
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
 * and paired with the schema its folder's earlier migrations built. Built once per snapshot, shared by every rule.
 */
final class MigrationScan {
    static final ModelKey<List<ScannedMigration>> KEY = ModelKey.of("sql-rules-migration-scan", MigrationScan::scan);

    /**
     * One parsed migration.
     *
     * @param before the schema after all earlier migrations of the same folder
     */
    record ScannedMigration(MigrationSet set, Migration migration, SqlScript script, ReplayedSchema before) {

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

        /** Like {@link #forEachStatement}, also with the schema as it stands before each statement. */
        void replay(ReplayAction action) {
            NewTables created = new NewTables();
            ReplayedSchema schema = before.copy();
            for (SqlStatement statement : script.statements()) {
                action.accept(statement, created, schema);
                created.record(statement);
                schema.apply(statement);
            }
        }
    }

    @FunctionalInterface
    interface StatementAction {
        void accept(SqlStatement statement, NewTables newTables);
    }

    @FunctionalInterface
    interface ReplayAction {
        /** {@code schema} is the schema just before {@code statement}: earlier migrations and statements applied. */
        void accept(SqlStatement statement, NewTables newTables, ReplayedSchema schema);
    }

    private MigrationScan() {
    }

    static List<ScannedMigration> of(Snapshot snapshot) {
        return snapshot.model(KEY);
    }

    private static List<ScannedMigration> scan(Snapshot snapshot) {
        List<ScannedMigration> out = new ArrayList<>();
        List<MigrationSet> sets = snapshot.model(MigrationSets.KEY);
        // Parsing is most of the work and each file parses on its own: use every core for it.
        snapshot.model(SqlScripts.KEY).parseAll(sets.stream().flatMap(set -> set.migrations().stream()).toList());
        for (MigrationSet set : sets) {
            ReplayedSchema schema = new ReplayedSchema();
            for (Migration migration : set.migrations()) {
                Optional<SqlScript> script = migration.script(snapshot);
                if (script.isEmpty()) {
                    continue;
                }
                out.add(new ScannedMigration(set, migration, script.get(), schema.copy()));
                for (SqlStatement statement : script.get().statements()) {
                    schema.apply(statement);
                }
            }
        }
        return List.copyOf(out);
    }
}
