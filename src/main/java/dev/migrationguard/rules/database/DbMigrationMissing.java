package dev.migrationguard.rules.database;

import dev.migrationguard.database.MigrationRecord;
import dev.migrationguard.rules.Findings;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Flags each migration the database has applied that the migrations folder does not have: deleted, renamed, or
 * applied from a branch that was never merged.
 */
public final class DbMigrationMissing extends DatabaseRule {

    @Override
    public String id() {
        return "db-migration-missing";
    }

    @Override
    void check(CheckedFolder db, Findings findings) {
        Set<String> reported = new LinkedHashSet<>();
        for (MigrationRecord row : db.database().history().orElse(java.util.List.of())) {
            String name = row.migrationName();
            // A failed row is db-migration-failed's; a rolled-back one no longer counts as applied.
            if (!row.applied() || db.migration(name).isPresent() || !reported.add(name)) {
                continue;
            }
            db.atFolder(findings, name)
                    .message("migration " + name + " is applied to this database"
                            + (row.finishedAt() == null ? "" : " (finished " + row.finishedAt() + ")")
                            + " but " + db.folder() + " has no such folder: it was deleted, renamed, or applied from a "
                            + "branch that was not merged")
                    .fix("restore " + db.folder() + "/" + name + "/ from the branch that applied it (`git log --all -- '"
                            + db.folder() + "/" + name + "'`); a migration keeps the name it was applied under")
                    .property("migration", name)
                    .report();
        }
    }
}
