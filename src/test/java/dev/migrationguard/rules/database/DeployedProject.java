package dev.migrationguard.rules.database;

import dev.migrationguard.testing.Corpus;
import dev.migrationguard.testing.DbRun;
import dev.migrationguard.testing.PrismaDeploy;
import dev.migrationguard.testing.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;

/**
 * A copy of a real corpus project (umami: 19 PostgreSQL migrations) and a fresh PostgreSQL database it was deployed
 * to as {@code prisma migrate deploy} deploys; tests then make one fault by hand and run {@code migration-guard db}.
 */
final class DeployedProject {
    static final String MIGRATIONS = "prisma/migrations";
    final Path root;
    final String url;

    private DeployedProject(Path root, String url) {
        this.root = root;
        this.url = url;
    }

    /** The project copied into {@code dir}, with its first {@code applied} migrations deployed (all when negative). */
    static DeployedProject umami(Path dir, int applied) throws IOException, SQLException {
        Corpus.require();
        Path source = Corpus.ROOT.resolve("umami");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : files.toList()) {
                Path target = dir.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                    target.toFile().setWritable(true);
                }
            }
        }
        List<Path> folders = PrismaDeploy.folders(dir.resolve(MIGRATIONS));
        String url = TestPostgres.newDatabase();
        String failed = PrismaDeploy.deploy(url, applied < 0 ? folders : folders.subList(0, applied));
        if (failed != null) {
            throw new IllegalStateException(failed + " did not apply");
        }
        return new DeployedProject(dir, url);
    }

    static DeployedProject umami(Path dir) throws IOException, SQLException {
        return umami(dir, -1);
    }

    Path migration(String name) {
        return root.resolve(MIGRATIONS).resolve(name).resolve("migration.sql");
    }

    /**
     * Records a failed attempt at a migration as Prisma's engine does when its script stops with an error: the
     * row keeps the file's checksum and the error in {@code logs}, and gets no {@code finished_at}.
     */
    void failedRow(String name, String logs) throws IOException, SQLException {
        String checksum = dev.migrationguard.database.MigrationChecksum.of(Files.readString(migration(name)));
        sql("INSERT INTO \"_prisma_migrations\" (id, checksum, migration_name, logs, started_at, applied_steps_count)"
                + " VALUES ('" + java.util.UUID.randomUUID() + "', '" + checksum + "', '" + name + "', '"
                + logs.replace("'", "''") + "', now(), 0)");
    }

    /** Runs SQL on the database by hand. */
    void sql(String statements) throws SQLException {
        PrismaDeploy.run(url, statements);
    }

    /** {@code migration-guard db} on the project and its database, as JSON. */
    DbRun check() {
        return DbRun.of(root, "--url", url, "--format", "json");
    }

    /** The findings of {@link #check()}, one {@code path:line:col rule-id} each. */
    List<String> findings() {
        return check().findings();
    }
}
