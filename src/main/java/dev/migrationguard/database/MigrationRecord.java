package dev.migrationguard.database;

import java.time.Instant;

/**
 * One row of {@code _prisma_migrations}, as Prisma's schema engine writes it.
 *
 * @param id                a random identifier Prisma gives each attempt
 * @param checksum          SHA-256 of the migration.sql Prisma applied, in lower-case hex ({@link MigrationChecksum})
 * @param finishedAt        when the migration finished successfully; null while running or after a failure
 * @param migrationName     the migration folder's name
 * @param logs              the error of a failed attempt, or null
 * @param rolledBackAt      when {@code prisma migrate resolve --rolled-back} marked it rolled back, or null
 * @param startedAt         when the attempt started
 * @param appliedStepsCount 1 once the script ran (Prisma counts the whole script as one step)
 */
public record MigrationRecord(String id, String checksum, Instant finishedAt, String migrationName, String logs,
                              Instant rolledBackAt, Instant startedAt, int appliedStepsCount) {

    /** Applied and not rolled back: the database has this migration. */
    public boolean applied() {
        return finishedAt != null && rolledBackAt == null;
    }

    /** Not finished and not rolled back: Prisma's P3009 refuses every later deploy until it is resolved. */
    public boolean failed() {
        return finishedAt == null && rolledBackAt == null;
    }

    /** The first non-blank line of the logs, or empty. */
    public String firstLogLine() {
        if (logs == null) {
            return "";
        }
        return logs.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
    }
}
