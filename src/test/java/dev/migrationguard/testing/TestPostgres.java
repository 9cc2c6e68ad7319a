package dev.migrationguard.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server for the whole test run (its binaries come from Maven Central in a jar, so nothing is
 * installed by hand), and a fresh database on it for each test.
 */
public final class TestPostgres {
    private static EmbeddedPostgres server;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private TestPostgres() {
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException e) {
                    // The JVM is exiting; the server's temp folder goes with it.
                }
            }));
        }
        return server;
    }

    /** A new, empty database; its Prisma-style URL (the server trusts local connections: any password works). */
    public static String newDatabase(String password) {
        String name = "mg_test_" + DATABASES.incrementAndGet();
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return "postgresql://postgres:" + password + "@localhost:" + server().getPort() + "/" + name;
    }

    public static String newDatabase() {
        return newDatabase("postgres");
    }

    /** A read-write connection to a database of {@link #newDatabase}, in the simple query protocol Prisma uses. */
    public static Connection connect(String prismaUrl) throws SQLException {
        String database = prismaUrl.substring(prismaUrl.lastIndexOf('/') + 1);
        Properties p = new Properties();
        p.setProperty("user", "postgres");
        p.setProperty("preferQueryMode", "simple");
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + server().getPort() + "/" + database, p);
    }

    private static Connection admin() throws SQLException {
        return connect("postgresql://x/postgres");
    }
}
