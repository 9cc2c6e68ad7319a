package dev.migrationguard.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationguard.testing.CliRun;
import dev.migrationguard.testing.TestRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.eclipse.jgit.lib.StoredConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The linter never runs what the scanned repository configures: a clean filter assigned by .gitattributes is how git
 * would hash a changed file, and JGit's working-tree iterator runs it. Every test sets up a filter that would leave
 * a marker file behind, gives git a reason to hash (a file whose stat or content differs from the index), and
 * checks that the marker never appears while the change is still seen.
 */
class RepositoryCommandsNotRunTest {
    @TempDir
    Path dir;

    private Path marker;
    private TestRepository repo;

    @BeforeEach
    void repositoryWithAHostileCleanFilter() throws IOException {
        marker = dir.resolve("pwned");
        repo = TestRepository.init(dir.resolve("repo"));
        repo.write(".gitattributes", "* filter=evil\n")
                .write("prisma/schema.prisma", "datasource db {\n  provider = \"postgresql\"\n}\n")
                .write("scripts/deploy.sh", "npx prisma migrate deploy\n")
                .commitAll("initial");
        filter(true);
    }

    /** Sets up the hostile filter, or takes it away while the test itself stages with JGit (which would run it). */
    private void filter(boolean on) throws IOException {
        StoredConfig config = repo.repository().getConfig();
        if (on) {
            String command = "touch '" + marker + "'; cat";
            config.setString("filter", "evil", "clean", command);
            config.setString("filter", "evil", "smudge", command);
            config.setString("filter", "evil", "process", command);
            config.setBoolean("filter", "evil", "required", true);
        } else {
            config.unsetSection("filter", "evil");
        }
        config.save();
    }

    @Test
    void lintOfAnEditedTrackedFileDoesNotRunTheCleanFilter() throws IOException {
        repo.write("scripts/deploy.sh", "npx prisma db push\n");
        CliRun run = CliRun.of(repo.root(), "lint");
        assertFalse(Files.exists(marker), "the repository's clean filter ran");
        assertTrue(run.out().contains("prisma-db-push"), run.out());
    }

    @Test
    void lintOfATouchedButUnchangedFileDoesNotRunTheCleanFilterAndSeesNoChange() throws IOException {
        Path file = repo.root().resolve("scripts/deploy.sh");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(120)));
        CliRun run = CliRun.of(repo.root(), "lint", "--format", "json");
        assertFalse(Files.exists(marker), "the repository's clean filter ran");
        assertEquals(0, run.exitCode(), run.out() + run.err());
    }

    @Test
    void lintSeesARenamedFileAsARenameWithoutRunningTheFilter() throws IOException {
        repo.write("scripts/deploy-prod.sh", "npx prisma migrate deploy\n").delete("scripts/deploy.sh");
        CliRun run = CliRun.of(repo.root(), "lint");
        assertFalse(Files.exists(marker), "the repository's clean filter ran");
        assertEquals(0, run.exitCode(), run.out() + run.err());
    }

    @Test
    void baselineDoesNotRunTheCleanFilter() throws IOException {
        repo.write("scripts/deploy.sh", "npx prisma db push\n");
        CliRun run = CliRun.of(repo.root(), "baseline");
        assertFalse(Files.exists(marker), "the repository's clean filter ran");
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue(Files.readString(repo.root().resolve(".migration-guard-baseline.json")).contains("prisma-db-push"));
    }

    @Test
    void stagedAndHistoryModesDoNotRunTheFilter() throws IOException {
        filter(false);
        repo.write("scripts/deploy.sh", "npx prisma db push\n").stage("scripts/deploy.sh");
        filter(true);
        Files.setLastModifiedTime(repo.root().resolve("scripts/deploy.sh"), FileTime.from(Instant.now().plusSeconds(120)));
        assertTrue(CliRun.of(repo.root(), "lint", "--staged").out().contains("prisma-db-push"));
        filter(false);
        repo.commit("push");
        filter(true);
        Files.setLastModifiedTime(repo.root().resolve("scripts/deploy.sh"), FileTime.from(Instant.now().plusSeconds(120)));
        CliRun.of(repo.root(), "lint", "--history");
        CliRun.of(repo.root(), "lint", "--since", "HEAD~1");
        assertFalse(Files.exists(marker), "the repository's clean filter ran");
    }

    @Test
    void lineEndingsAreConvertedAsGitDoesWhenAFileIsHashedFromDisk() throws IOException {
        filter(false);
        String migration = "prisma/migrations/20240101000000_init/migration.sql";
        repo.write(migration, "CREATE TABLE \"Quest\" (\"id\" TEXT NOT NULL);\n").commitAll("init");
        StoredConfig config = repo.repository().getConfig();
        config.setString("core", null, "autocrlf", "true");
        config.save();
        filter(true);
        repo.write(migration, "CREATE TABLE \"Quest\" (\"id\" TEXT NOT NULL);\r\n");
        Files.setLastModifiedTime(repo.root().resolve(migration), FileTime.from(Instant.now().plusSeconds(120)));
        CliRun same = CliRun.of(repo.root(), "lint");
        assertFalse(same.out().contains("migration-modified"), same.out());
        repo.write(migration, "CREATE TABLE \"Quest\" (\"id\" INTEGER NOT NULL);\r\n");
        CliRun edited = CliRun.of(repo.root(), "lint");
        assertTrue(edited.out().contains("migration-modified"), edited.out());
        assertFalse(Files.exists(marker), "the repository's clean filter ran");
    }
}
