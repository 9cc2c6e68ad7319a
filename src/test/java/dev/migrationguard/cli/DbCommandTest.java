package dev.migrationguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationguard.testing.CliRun;
import dev.migrationguard.testing.DbRun;
import dev.migrationguard.testing.PrismaDeploy;
import dev.migrationguard.testing.SarifValidation;
import dev.migrationguard.testing.TestPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code migration-guard db} as a command: its options, its exit codes, and what it never prints. */
class DbCommandTest {
    @TempDir
    Path repo;

    private void project(String migration) throws IOException {
        Files.createDirectories(repo.resolve("prisma/migrations/20240101000000_init"));
        Files.writeString(repo.resolve("prisma/schema.prisma"),
                "datasource db {\n  provider = \"postgresql\"\n  url      = env(\"APP_DB_URL\")\n}\n");
        Files.writeString(repo.resolve("prisma/migrations/migration_lock.toml"), "provider = \"postgresql\"\n");
        Files.writeString(repo.resolve("prisma/migrations/20240101000000_init/migration.sql"), migration);
    }

    /** A local port nothing listens on. */
    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void aDatabaseThatCannotBeReachedIsOneLineAndExitTwoWithoutThePassword() throws IOException {
        project("CREATE TABLE \"a\" (\"id\" INT);\n");
        DbRun run = DbRun.of(repo, "--url", "postgresql://app:Sup3rS3cretPw@127.0.0.1:" + closedPort() + "/shop");
        assertEquals(2, run.exitCode());
        List<String> lines = run.err().lines().toList();
        assertEquals(1, lines.size(), run.err());
        assertTrue(lines.get(0).startsWith("migration-guard: cannot read the database postgresql://app:****@127.0.0.1:"),
                lines.get(0));
        assertFalse((run.out() + run.err()).contains("Sup3rS3cretPw"));
    }

    @Test
    void readsTheUrlFromTheVariableTheDatasourceNames() throws IOException {
        project("CREATE TABLE \"a\" (\"id\" INT);\n");
        DbRun run = DbRun.of(repo);
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("APP_DB_URL is not set"), run.err());
    }

    @Test
    void namesTheVariableWhoseValueIsNoDatabaseUrl() throws IOException {
        project("CREATE TABLE \"a\" (\"id\" INT);\n");
        DbRun run = DbRun.of(repo, "--url-env", "PATH");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("environment variable PATH: "), run.err());
    }

    @Test
    void refusesTwoUrls() throws IOException {
        project("CREATE TABLE \"a\" (\"id\" INT);\n");
        assertEquals(2, DbRun.of(repo, "--url", "postgresql://h/d", "--url-env", "X").exitCode());
    }

    @Test
    void reportsInEveryFormatAndSarifIsValid() throws Exception {
        project("CREATE TABLE \"a\" (\"id\" INT);\n");
        String url = TestPostgres.newDatabase("Sup3rS3cretPw");
        PrismaDeploy.run(url, "CREATE TABLE \"b\" (\"id\" INT)");
        DbRun sarif = DbRun.of(repo, "--url", url, "--format", "sarif");
        assertEquals(1, sarif.exitCode(), sarif.err());
        assertEquals(List.of(), SarifValidation.errors(sarif.out()));
        assertTrue(sarif.out().contains("\"ruleId\" : \"db-migration-pending\""), sarif.out());
        DbRun text = DbRun.of(repo, "--url", url);
        assertTrue(text.out().contains("prisma/migrations/20240101000000_init/migration.sql\n  1:1  "), text.out());
        assertTrue(text.out().contains("database postgresql://postgres:****@localhost:"), text.out());
        DbRun github = DbRun.of(repo, "--url", url, "--format", "github");
        assertTrue(github.out().contains("::error file=prisma/migrations/20240101000000_init/migration.sql"),
                github.out());
        for (DbRun run : List.of(sarif, text, github)) {
            assertFalse((run.out() + run.err()).contains("Sup3rS3cretPw"));
        }
    }

    @Test
    void theConnectionIsReadOnly() throws Exception {
        project("CREATE TABLE \"a\" (\"id\" INT);\n");
        String url = TestPostgres.newDatabase();
        PrismaDeploy.deploy(url, repo.resolve("prisma/migrations"));
        dev.migrationguard.database.DatabaseUrl parsed = dev.migrationguard.database.DatabaseUrl.parse(url, repo);
        assertEquals("on", dev.migrationguard.database.LiveDatabaseProbe.setting(parsed, "default_transaction_read_only"));
        assertEquals("on", dev.migrationguard.database.LiveDatabaseProbe.setting(parsed, "transaction_read_only"));
        assertEquals("30s", dev.migrationguard.database.LiveDatabaseProbe.setting(parsed, "statement_timeout"));
        assertEquals(0, DbRun.of(repo, "--url", url).exitCode());
    }

    @Test
    void lintNeverRunsTheDatabaseRules() throws IOException {
        project("CREATE TABLE \"a\" (\"id\" INT);\n");
        CliRun run = CliRun.of(repo, "lint", repo.toString(), "--format", "sarif");
        assertFalse(run.out().contains("db-migration-pending"), "lint lists the database rules: " + run.out());
    }
}
