package dev.migrationguard.database;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrationguard.testing.DbRun;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code db} on MariaDB (Prisma's {@code mysql} provider): the test starts a private server from Debian's
 * {@code mariadb-server} in a temp folder. Where that package is not installed (a machine with only Java and Maven)
 * the tests skip and say so; {@code .ci/run} installs it.
 */
class MariadbDatabaseTest {
    private static final String INIT = """
            -- CreateTable
            CREATE TABLE `User` (
                `id` INTEGER NOT NULL AUTO_INCREMENT,
                `email` VARCHAR(191) NOT NULL,
                `name` VARCHAR(191) NULL,
                `role` ENUM('USER', 'ADMIN') NOT NULL DEFAULT 'USER',
                `active` BOOLEAN NOT NULL DEFAULT true,
                `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

                UNIQUE INDEX `User_email_key`(`email`),
                PRIMARY KEY (`id`)
            ) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

            -- CreateTable
            CREATE TABLE `Post` (
                `id` INTEGER NOT NULL AUTO_INCREMENT,
                `title` VARCHAR(191) NOT NULL,
                `views` INTEGER NOT NULL DEFAULT 0,
                `authorId` INTEGER NOT NULL,

                INDEX `Post_authorId_idx`(`authorId`),
                PRIMARY KEY (`id`)
            ) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

            -- AddForeignKey
            ALTER TABLE `Post` ADD CONSTRAINT `Post_authorId_fkey` FOREIGN KEY (`authorId`) REFERENCES `User`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
            """;

    private static Process server;
    private static int port;
    private static Path data;

    @TempDir
    Path repo;

    private static Path binary(String name) {
        for (String dir : List.of("/usr/sbin", "/usr/bin", "/usr/local/bin", "/usr/local/sbin")) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    @BeforeAll
    static void startServer() throws Exception {
        Path mariadbd = binary("mariadbd");
        Path installDb = binary("mariadb-install-db");
        if (mariadbd == null || installDb == null) {
            String reason = "MariaDB tests skipped: no mariadbd (install Debian's mariadb-server, as .ci/run does)";
            System.out.println(reason);
            Assumptions.abort(reason);
        }
        data = Files.createTempDirectory("mg-mariadb");
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> user = "root".equals(System.getProperty("user.name")) ? List.of("--user=root") : List.of();
        List<String> install = new ArrayList<>(List.of(installDb.toString(), "--no-defaults", "--datadir=" + data,
                "--auth-root-authentication-method=normal", "--skip-test-db"));
        install.addAll(user);
        Process p = new ProcessBuilder(install).redirectErrorStream(true).redirectOutput(data.resolve("install.log")
                .toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            Assumptions.abort("MariaDB tests skipped: mariadb-install-db failed (" + data.resolve("install.log") + ")");
        }
        List<String> start = new ArrayList<>(List.of(mariadbd.toString(), "--no-defaults", "--datadir=" + data,
                "--port=" + port, "--bind-address=127.0.0.1", "--socket=" + data.resolve("mysqld.sock"),
                "--skip-grant-tables", "--skip-name-resolve", "--log-error=" + data.resolve("server.log")));
        start.addAll(user);
        server = new ProcessBuilder(start).redirectErrorStream(true).redirectOutput(data.resolve("stdout.log").toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                break;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline || !server.isAlive()) {
                    Assumptions.abort("MariaDB tests skipped: the server did not start (" + data + "/server.log)");
                }
                Thread.sleep(200);
            }
        }
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static Connection admin(String database) throws Exception {
        Properties p = new Properties();
        p.setProperty("user", "root");
        p.setProperty("allowMultiQueries", "true");
        return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/" + database, p);
    }

    /** A new database with the migrations applied as Prisma's MySQL connector applies them. */
    private String deploy(String... names) throws Exception {
        String database = "mg_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = admin(""); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
        try (Connection c = admin(database)) {
            try (Statement s = c.createStatement()) {
                s.execute("""
                        CREATE TABLE _prisma_migrations (
                            id                      VARCHAR(36) PRIMARY KEY NOT NULL,
                            checksum                VARCHAR(64) NOT NULL,
                            finished_at             DATETIME(3),
                            migration_name          VARCHAR(255) NOT NULL,
                            logs                    TEXT,
                            rolled_back_at          DATETIME(3),
                            started_at              DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
                            applied_steps_count     INTEGER UNSIGNED NOT NULL DEFAULT 0
                        ) DEFAULT CHARACTER SET utf8mb4""");
            }
            for (String name : names) {
                String sql = Files.readString(repo.resolve("prisma/migrations/" + name + "/migration.sql"));
                try (Statement s = c.createStatement()) {
                    s.execute(sql);
                }
                try (PreparedStatement p = c.prepareStatement("INSERT INTO _prisma_migrations (id, checksum, "
                        + "finished_at, migration_name, started_at, applied_steps_count) VALUES (?, ?, NOW(3), ?, NOW(3), 1)")) {
                    p.setString(1, UUID.randomUUID().toString());
                    p.setString(2, MigrationChecksum.of(sql));
                    p.setString(3, name);
                    p.executeUpdate();
                }
            }
        }
        return "mysql://root:pw@127.0.0.1:" + port + "/" + database;
    }

    private void project() throws Exception {
        Path init = repo.resolve("prisma/migrations/20240101000000_init/migration.sql");
        Files.createDirectories(init.getParent());
        Files.writeString(init, INIT);
        Files.writeString(repo.resolve("prisma/migrations/migration_lock.toml"), "provider = \"mysql\"\n");
        Files.writeString(repo.resolve("prisma/schema.prisma"), "datasource db {\n  provider = \"mysql\"\n}\n");
    }

    @Test
    void aDeployedDatabaseHasNoFinding() throws Exception {
        project();
        String url = deploy("20240101000000_init");
        DbRun run = DbRun.of(repo, "--url", url, "--format", "json");
        assertEquals(List.of(), run.messages(), run.err());
    }

    @Test
    void flagsATableAndAColumnChangedByHand() throws Exception {
        project();
        String url = deploy("20240101000000_init");
        String database = url.substring(url.lastIndexOf('/') + 1);
        try (Connection c = admin(database); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE `Quest` (`id` INTEGER NOT NULL PRIMARY KEY)");
            s.execute("ALTER TABLE `Post` MODIFY `views` INTEGER NOT NULL DEFAULT 1");
        }
        assertEquals(List.of("prisma/migrations/20240101000000_init/migration.sql:18:5 db-schema-drift",
                "prisma/migrations/migration_lock.toml:1:1 db-schema-drift"),
                DbRun.of(repo, "--url", url, "--format", "json").findings());
    }
}
