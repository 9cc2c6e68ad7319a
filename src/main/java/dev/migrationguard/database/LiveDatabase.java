package dev.migrationguard.database;

import dev.migrationguard.schema.SchemaModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Connects to a database read-only and reads what the rules compare: the catalog and {@code _prisma_migrations}.
 * The session is read-only twice over (the connection and its transaction), every query has a timeout, and only
 * catalog queries and one SELECT of the tracking table are sent: never DDL or DML.
 */
public final class LiveDatabase {
    static final int CONNECT_TIMEOUT_SECONDS = 10;
    static final int SOCKET_TIMEOUT_SECONDS = 60;

    /** The database could not be reached or read; the message names why, never the password. */
    public static final class UnreachableException extends Exception {
        private static final long serialVersionUID = 1L;

        UnreachableException(String message) {
            super(message);
        }
    }

    private LiveDatabase() {
    }

    /**
     * Reads the database. {@code schema} overrides the URL's {@code ?schema=} (PostgreSQL; default {@code public}).
     */
    public static DatabaseState read(DatabaseUrl url, String schema, String migrationsFolder)
            throws UnreachableException {
        String target = schema != null && !schema.isEmpty() ? schema : !url.schema().isEmpty() ? url.schema() : "public";
        CatalogReader reader = switch (url.provider()) {
            case POSTGRESQL, COCKROACHDB -> new PostgresCatalog();
            case MYSQL -> new MysqlCatalog();
            case SQLITE -> new SqliteCatalog();
            case SQLSERVER -> throw new UnreachableException("SQL Server databases are not supported by `db` yet");
        };
        try (Connection connection = connect(url)) {
            if (url.provider() == dev.migrationguard.schema.DatabaseProvider.MYSQL) {
                target = connection.getCatalog();
            }
            SchemaModel catalog = reader.schema(connection, target);
            Optional<List<MigrationRecord>> history = reader.migrations(connection, target);
            connection.rollback();
            return new DatabaseState(url, target, migrationsFolder, catalog, history);
        } catch (SQLException e) {
            throw new UnreachableException(describe(e, url));
        }
    }

    static Connection connect(DatabaseUrl url) throws SQLException, UnreachableException {
        Properties properties = new Properties();
        Driver driver;
        switch (url.provider()) {
            case POSTGRESQL, COCKROACHDB -> {
                driver = new org.postgresql.Driver();
                properties.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
                properties.setProperty("loginTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
                properties.setProperty("socketTimeout", String.valueOf(SOCKET_TIMEOUT_SECONDS));
                properties.setProperty("ApplicationName", "migration-guard");
                properties.setProperty("readOnly", "true");
                properties.setProperty("options", "-c default_transaction_read_only=on -c statement_timeout="
                        + CatalogReader.QUERY_TIMEOUT_SECONDS * 1000);
            }
            case MYSQL -> {
                driver = new org.mariadb.jdbc.Driver();
                properties.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS * 1000));
                properties.setProperty("socketTimeout", String.valueOf(SOCKET_TIMEOUT_SECONDS * 1000));
                // The MariaDB driver speaks to MySQL servers too; Prisma's mysql:// URLs mean either.
                properties.setProperty("permitMysqlScheme", "true");
            }
            case SQLITE -> {
                Path file = Path.of(url.jdbcUrl().substring("jdbc:sqlite:".length()));
                if (!Files.isRegularFile(file)) {
                    throw new UnreachableException("no SQLite database file at " + file);
                }
                driver = new org.sqlite.JDBC();
                org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
                config.setReadOnly(true);
                config.setBusyTimeout(CONNECT_TIMEOUT_SECONDS * 1000);
                properties = config.toProperties();
            }
            default -> throw new UnreachableException("SQL Server databases are not supported by `db` yet");
        }
        if (!url.user().isEmpty()) {
            properties.setProperty("user", url.user());
        }
        if (!url.password().isEmpty()) {
            properties.setProperty("password", url.password());
        }
        Connection connection = driver.connect(url.jdbcUrl(), properties);
        if (connection == null) {
            throw new UnreachableException("no driver accepts " + url.display());
        }
        try {
            connection.setReadOnly(true);
            connection.setAutoCommit(false);
            try (Statement s = connection.createStatement()) {
                s.setQueryTimeout(CatalogReader.QUERY_TIMEOUT_SECONDS);
                switch (url.provider()) {
                    case POSTGRESQL, COCKROACHDB -> s.execute("SET TRANSACTION READ ONLY");
                    case MYSQL -> {
                        s.execute("SET SESSION TRANSACTION READ ONLY");
                        sessionTimeout(s);
                    }
                    case SQLITE -> s.execute("PRAGMA query_only = true");
                    default -> {
                    }
                }
            }
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    /** MariaDB and MySQL name their statement time limit differently; whichever the server knows is set. */
    private static void sessionTimeout(Statement s) {
        for (String sql : new String[] {"SET SESSION max_statement_time = " + CatalogReader.QUERY_TIMEOUT_SECONDS,
                "SET SESSION max_execution_time = " + CatalogReader.QUERY_TIMEOUT_SECONDS * 1000}) {
            try {
                s.execute(sql);
                return;
            } catch (SQLException e) {
                // Not this server's variable: try the other one.
            }
        }
    }

    /** The driver's message, first line only, with the password masked wherever the driver repeated it. */
    static String describe(SQLException e, DatabaseUrl url) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        message = message.lines().findFirst().orElse("").strip();
        if (url.password().length() >= 1) {
            message = message.replace(url.password(), "****");
        }
        return message;
    }
}
