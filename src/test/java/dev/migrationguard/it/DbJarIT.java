package dev.migrationguard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar: lint never loads a database driver, and db runs with the drivers shaded into it. */
class DbJarIT {
    private static final Path ROOT = Path.of(System.getProperty("user.dir"));

    @TempDir
    Path dir;

    private static String run(Path workingDir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(workingDir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        return p.exitValue() + "\n" + out;
    }

    @Test
    void lintLoadsNoDatabaseDriver() throws Exception {
        String out = run(ROOT, "-verbose:class", "-jar", Jar.path().toString(), "lint", "samples/database-incident",
                "--fail-on", "never");
        assertTrue(out.startsWith("0\n"), out.lines().limit(5).toList().toString());
        List<String> loaded = out.lines().filter(l -> l.startsWith("[") && l.contains("class,load"))
                .filter(l -> l.contains("org.postgresql") || l.contains("org.mariadb") || l.contains("org.sqlite")
                        || l.contains("dev.migrationguard.database."))
                .toList();
        assertEquals(List.of(), loaded);
    }

    @Test
    void dbChecksASqliteDatabaseWithTheDriverInTheJar() throws Exception {
        Path migration = dir.resolve("prisma/migrations/20240101000000_init/migration.sql");
        Files.createDirectories(migration.getParent());
        Files.writeString(migration, "CREATE TABLE \"User\" (\"id\" INTEGER NOT NULL PRIMARY KEY);\n");
        Files.writeString(dir.resolve("prisma/migrations/migration_lock.toml"), "provider = \"sqlite\"\n");
        Files.writeString(dir.resolve("prisma/schema.prisma"),
                "datasource db {\n  provider = \"sqlite\"\n  url      = \"file:./dev.db\"\n}\n");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("prisma/dev.db"));
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE \"Quest\" (\"id\" INTEGER NOT NULL PRIMARY KEY)");
        }
        String out = run(dir, "-jar", Jar.path().toString(), "db", "--url", "file:./dev.db");
        assertTrue(out.startsWith("1\n"), out);
        assertTrue(out.contains("prisma/migrations/20240101000000_init/migration.sql\n  1:1  error  db-migration-pending  migration "
                + "20240101000000_init is not applied"), out);
        assertTrue(out.contains("no _prisma_migrations table"), out);
    }
}
