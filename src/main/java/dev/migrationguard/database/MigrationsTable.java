package dev.migrationguard.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads {@code _prisma_migrations}, the same columns on every database; only how a timestamp is stored differs. */
final class MigrationsTable {

    /** Reads a timestamp column of the current row. */
    @FunctionalInterface
    interface Timestamps {
        Instant read(ResultSet row, int column) throws SQLException;
    }

    private MigrationsTable() {
    }

    /**
     * The rows in the order Prisma started them, or empty when {@code exists} (a catalog query with the table's name
     * as its one parameter) finds no such table.
     */
    static Optional<List<MigrationRecord>> read(Connection connection, String exists, String existsParameter,
                                                String quotedTable, Timestamps timestamps) throws SQLException {
        try (PreparedStatement s = PostgresCatalog.prepare(connection, exists)) {
            s.setString(1, existsParameter);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
            }
        }
        List<MigrationRecord> rows = new ArrayList<>();
        try (PreparedStatement s = PostgresCatalog.prepare(connection, "SELECT id, checksum, finished_at, migration_name,"
                + " logs, rolled_back_at, started_at, applied_steps_count FROM " + quotedTable + " ORDER BY started_at, id");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                rows.add(new MigrationRecord(r.getString(1), r.getString(2), timestamps.read(r, 3), r.getString(4),
                        r.getString(5), timestamps.read(r, 6), timestamps.read(r, 7), r.getInt(8)));
            }
        }
        return Optional.of(List.copyOf(rows));
    }

    /** A {@code TIMESTAMPTZ} or {@code DATETIME(3)} column. */
    static Instant sqlTimestamp(ResultSet row, int column) throws SQLException {
        java.sql.Timestamp t = row.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
