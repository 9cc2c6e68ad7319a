package dev.migrationguard.rules.database;

import dev.migrationguard.database.MigrationRecord;
import dev.migrationguard.rules.Findings;
import dev.migrationguard.sql.Migration;
import java.util.List;

/**
 * Flags each migration of the folder that the database has not applied: the code expects tables and columns the
 * database does not have, the 500s of the incident this project comes from.
 */
public final class DbMigrationPending extends DatabaseRule {

    @Override
    public String id() {
        return "db-migration-pending";
    }

    @Override
    void check(CheckedFolder db, Findings findings) {
        boolean tracked = db.database().history().isPresent();
        boolean emptyDatabase = db.database().catalog().tables().isEmpty();
        for (Migration m : db.set().migrations()) {
            List<MigrationRecord> rows = db.database().records(m.name());
            // A row not rolled back is applied or failed (db-migration-failed); only a migration without one is pending.
            if (rows.stream().anyMatch(r -> r.rolledBackAt() == null)) {
                continue;
            }
            String message = "migration " + m.name() + " is not applied to this database"
                    + (rows.isEmpty() ? "" : " (it was rolled back and not applied again)")
                    + ": the tables and columns it makes are missing until it is";
            String fix = "run `prisma migrate deploy` against this database before the code that needs it is deployed";
            if (!tracked) {
                message += "; the database has no _prisma_migrations table";
                if (!emptyDatabase) {
                    message += " although it has tables, so `prisma migrate deploy` refuses to start (P3005)";
                    fix = "baseline the database: for each migration its tables already reflect, run `prisma migrate "
                            + "resolve --applied <name>`, then `prisma migrate deploy` for the rest";
                }
            }
            db.at(findings, m).message(message).fix(fix).property("migration", m.name()).report();
        }
    }
}
