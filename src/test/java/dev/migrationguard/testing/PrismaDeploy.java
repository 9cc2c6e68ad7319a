package dev.migrationguard.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Applies a migrations folder to a database the way {@code prisma migrate deploy} does (Prisma's schema engine,
 * {@code apply_migrations.rs} and the PostgreSQL migration persistence): it creates {@code _prisma_migrations} as
 * Prisma does, and for each migration in folder-name order inserts a row with the script's checksum, runs the whole
 * script as one simple query, then sets {@code finished_at} and {@code applied_steps_count = 1}; a script that fails
 * keeps its row with the error in {@code logs} and no {@code finished_at}, and stops the deploy.
 */
public final class PrismaDeploy {
    /** Prisma's DDL for the tracking table on PostgreSQL. */
    public static final String CREATE_TABLE = """
            CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
                "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
                "checksum"              VARCHAR(64) NOT NULL,
                "finished_at"           TIMESTAMPTZ,
                "migration_name"        VARCHAR(255) NOT NULL,
                "logs"                  TEXT,
                "rolled_back_at"        TIMESTAMPTZ,
                "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
                "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
            )""";

    private PrismaDeploy() {
    }

    /** The migration folders of {@code migrations}, in the order Prisma applies them. */
    public static List<Path> folders(Path migrations) throws IOException {
        try (Stream<Path> s = Files.list(migrations)) {
            return s.filter(Files::isDirectory).sorted().toList();
        }
    }

    /** Applies every migration; returns the name of the one that failed, or null. */
    public static String deploy(String url, Path migrations) throws IOException, SQLException {
        return deploy(url, folders(migrations));
    }

    /** Applies the given migration folders in order; returns the name of the one that failed, or null. */
    public static String deploy(String url, List<Path> folders) throws IOException, SQLException {
        try (Connection c = TestPostgres.connect(url)) {
            try (Statement s = c.createStatement()) {
                s.execute(CREATE_TABLE);
            }
            for (Path folder : folders) {
                byte[] script = Files.readAllBytes(folder.resolve("migration.sql"));
                String name = folder.getFileName().toString();
                String id = UUID.randomUUID().toString();
                try (PreparedStatement s = c.prepareStatement("INSERT INTO \"_prisma_migrations\" (id, checksum, "
                        + "migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, now(), 0)")) {
                    s.setString(1, id);
                    s.setString(2, sha256(script));
                    s.setString(3, name);
                    s.executeUpdate();
                }
                try (Statement s = c.createStatement()) {
                    s.execute(new String(script, StandardCharsets.UTF_8));
                } catch (SQLException e) {
                    try (PreparedStatement s = c.prepareStatement(
                            "UPDATE \"_prisma_migrations\" SET logs = ? WHERE id = ?")) {
                        s.setString(1, e.getMessage());
                        s.setString(2, id);
                        s.executeUpdate();
                    }
                    return name;
                }
                try (PreparedStatement s = c.prepareStatement("UPDATE \"_prisma_migrations\" SET finished_at = now(), "
                        + "applied_steps_count = applied_steps_count + 1 WHERE id = ?")) {
                    s.setString(1, id);
                    s.executeUpdate();
                }
            }
        }
        return null;
    }

    /** Runs SQL by hand on the database, as a person with psql would. */
    public static void run(String url, String sql) throws SQLException {
        try (Connection c = TestPostgres.connect(url); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
