package dev.migrationguard.rules.database;

import dev.migrationguard.database.MigrationChecksum;
import dev.migrationguard.database.MigrationRecord;
import dev.migrationguard.rules.Findings;
import dev.migrationguard.sql.Migration;
import dev.migrationguard.workspace.SourceFile;
import java.util.Optional;

/**
 * Flags a migration whose migration.sql no longer has the checksum the database recorded when it applied it: the
 * file was edited afterwards, so a fresh database built from the folder is not the one in production.
 */
public final class DbMigrationModified extends DatabaseRule {

    @Override
    public String id() {
        return "db-migration-modified";
    }

    @Override
    void check(CheckedFolder db, Findings findings) {
        for (Migration m : db.set().migrations()) {
            Optional<MigrationRecord> row = db.database().records(m.name()).stream()
                    .filter(r -> r.rolledBackAt() == null).findFirst();
            Optional<SourceFile> file = db.snapshot().read(m.sqlPath());
            if (row.isEmpty() || file.isEmpty() || MigrationChecksum.matches(file.get().text(), row.get().checksum())) {
                continue;
            }
            db.at(findings, m)
                    .message("migration " + m.name() + " was edited after it was applied to this database: its "
                            + "checksum is " + abbreviate(MigrationChecksum.of(file.get().text())) + ", the database "
                            + "recorded " + abbreviate(row.get().checksum()))
                    .fix("restore " + m.sqlPath() + " as it was applied (`git log -p -- " + m.sqlPath() + "` shows the "
                            + "edit) and write the change as a new migration with `prisma migrate dev --name "
                            + "<descriptive_name>`")
                    .property("migration", m.name())
                    .report();
        }
    }

    private static String abbreviate(String checksum) {
        return checksum == null ? "none" : checksum.length() > 12 ? checksum.substring(0, 12) + "..." : checksum;
    }
}
