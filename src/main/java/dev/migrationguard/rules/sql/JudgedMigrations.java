package dev.migrationguard.rules.sql;

import dev.migrationguard.sql.AlterTableAction;
import dev.migrationguard.sql.ConstraintKind;
import dev.migrationguard.sql.AppliedMigrations;
import dev.migrationguard.sql.Identifier;
import dev.migrationguard.sql.Migration;
import dev.migrationguard.sql.MigrationSet;
import dev.migrationguard.sql.MigrationSets;
import dev.migrationguard.sql.SqlScript;
import dev.migrationguard.sql.SqlStatement;
import dev.migrationguard.sql.TableConstraint;
import dev.migrationguard.workspace.Snapshot;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the migrations the SQL rules judge (those {@link MigrationScan} lists) do, for rules of other categories
 * that must stay silent about what applied migrations already did.
 */
public final class JudgedMigrations {

    /**
     * The foreign key names a migrations folder adds.
     *
     * @param judged added by the migrations the SQL rules judge
     * @param all    added by any migration of the folder
     */
    public record ForeignKeys(Set<String> judged, Set<String> all) {
        public ForeignKeys {
            judged = Set.copyOf(judged);
            all = Set.copyOf(all);
        }

        /** Whether a key is still to be judged: a judged migration adds it, or no migration does yet. */
        public boolean judges(String name) {
            return judged.contains(name) || !all.contains(name);
        }
    }

    private JudgedMigrations() {
    }

    /** The foreign keys of a folder's migrations; those of {@code applied} ones are not judged. */
    public static ForeignKeys foreignKeys(Snapshot snapshot, String folder, AppliedMigrations applied) {
        Set<String> judged = new HashSet<>();
        for (MigrationScan.ScannedMigration m : MigrationScan.of(snapshot)) {
            if (m.set().folder().equals(folder) && !applied.contains(m.migration())) {
                addForeignKeys(m.script(), judged);
            }
        }
        Set<String> all = new HashSet<>();
        for (MigrationSet set : snapshot.model(MigrationSets.KEY)) {
            if (set.folder().equals(folder)) {
                for (Migration migration : set.migrations()) {
                    migration.script(snapshot).ifPresent(script -> addForeignKeys(script, all));
                }
            }
        }
        return new ForeignKeys(judged, all);
    }

    private static void addForeignKeys(SqlScript script, Set<String> out) {
        for (SqlStatement s : script.statements()) {
            if (s instanceof SqlStatement.CreateTable create) {
                create.constraints().forEach(c -> addForeignKey(create.table().name(), c, out));
            } else if (s instanceof SqlStatement.AlterTable alter) {
                for (AlterTableAction action : alter.actions()) {
                    if (action instanceof AlterTableAction.AddConstraint add) {
                        addForeignKey(alter.table().name(), add.constraint(), out);
                    }
                }
            }
        }
    }

    private static void addForeignKey(String table, TableConstraint c, Set<String> out) {
        if (c.kind() != ConstraintKind.FOREIGN_KEY) {
            return;
        }
        // An unnamed key (`ADD FOREIGN KEY (...)`, older Prisma) gets PostgreSQL's name, which Prisma's matches.
        out.add(c.name() != null ? c.name().name()
                : table + "_" + String.join("_", c.columns().stream().map(Identifier::name).toList()) + "_fkey");
    }
}
