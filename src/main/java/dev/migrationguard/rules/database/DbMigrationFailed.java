package dev.migrationguard.rules.database;

import dev.migrationguard.database.MigrationRecord;
import dev.migrationguard.rules.Findings;
import dev.migrationguard.sql.Migration;
import java.util.Optional;

/**
 * Flags each {@code _prisma_migrations} row of a migration that started and did not finish, and was not rolled
 * back: Prisma refuses every later {@code migrate deploy} (P3009) until it is resolved.
 */
public final class DbMigrationFailed extends DatabaseRule {

    @Override
    public String id() {
        return "db-migration-failed";
    }

    @Override
    void check(CheckedFolder db, Findings findings) {
        for (MigrationRecord row : db.database().history().orElse(java.util.List.of())) {
            if (!row.failed()) {
                continue;
            }
            String name = row.migrationName();
            String log = row.firstLogLine();
            Optional<Migration> migration = db.migration(name);
            String message = "migration " + name + " failed on this database"
                    + (row.startedAt() == null ? "" : " (started " + row.startedAt() + ")")
                    + (log.isEmpty() ? "" : ": " + log)
                    + "; `prisma migrate deploy` refuses to apply anything until it is resolved (P3009)"
                    + (migration.isPresent() ? "" : "; the migrations folder has no such migration");
            String fix = "find what it left half done, then either undo that and run `prisma migrate resolve "
                    + "--rolled-back " + name + "` (deploy applies it again), or finish it by hand and run `prisma migrate "
                    + "resolve --applied " + name + "`";
            Findings.Builder at = migration.map(m -> db.at(findings, m)).orElseGet(() -> db.atFolder(findings, name));
            at.message(message).fix(fix).key(name).property("migration", name).report();
        }
    }
}
