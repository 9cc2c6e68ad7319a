package dev.migrationguard.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationguard.testing.CliRun;
import dev.migrationguard.testing.TestRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20, item 4: a repository whose files or git settings are FIFOs or devices. Only regular files are ever
 * opened, and every read of what the repository controls is bounded, so each run ends (the timeouts catch a hang):
 * a FIFO in the working tree is no file to lint, and git settings that are not small regular files refuse the
 * repository with a message naming the file.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HostileRepositoryTest {
    @TempDir
    Path dir;

    private TestRepository repo;

    @BeforeEach
    void repositoryWithACommittedFinding() {
        repo = TestRepository.init(dir.resolve("repo"));
        repo.write("scripts/deploy.sh", "#!/bin/sh\nnpx prisma db push\n")
                .write("scripts/tracked.sh", "echo ok\n")
                .write("sub/.gitattributes", "*.sh text\n")
                .commitAll("initial");
    }

    private static void mkfifo(Path path) throws IOException, InterruptedException {
        Files.createDirectories(path.getParent());
        Process p;
        try {
            p = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        } catch (IOException e) {
            Assumptions.abort("mkfifo is not available: " + e.getMessage());
            return;
        }
        Assumptions.assumeTrue(p.waitFor() == 0, "mkfifo failed");
    }

    private void assertLintsTheFinding(String... args) {
        CliRun run = CliRun.of(repo.root(), args);
        assertFalse(run.err().contains("Exception"), run.err());
        assertTrue(run.out().contains("scripts/deploy.sh:2:"), run.out() + run.err());
        assertEquals(1, run.exitCode(), run.out() + run.err());
    }

    /** Exit 2 with one line on stderr that names what was refused. */
    private void assertRefused(String named, String... args) {
        CliRun run = CliRun.of(repo.root(), args);
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains(named) && run.err().contains("not a regular file"), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
    }

    @Test
    void fifosInTheWorkingTreeTrackedOrNotAreNoFilesToOpen() throws Exception {
        Files.delete(repo.root().resolve("scripts/tracked.sh"));
        mkfifo(repo.root().resolve("scripts/tracked.sh"));
        mkfifo(repo.root().resolve("scripts/untracked.sh"));
        mkfifo(repo.root().resolve("prisma/migrations/20240101120000_init/migration.sql"));
        assertLintsTheFinding("lint");
        assertLintsTheFinding("lint", "--staged", "--all-files");
        CliRun baseline = CliRun.of(repo.root(), "baseline");
        assertEquals(0, baseline.exitCode(), baseline.out() + baseline.err());
        assertTrue(Files.isRegularFile(repo.root().resolve(".migration-guard-baseline.json")));
    }

    @Test
    void gitattributesAndGitignoreThatAreFifosOrDevicesAreNotRead() throws Exception {
        mkfifo(repo.root().resolve(".gitattributes"));
        mkfifo(repo.root().resolve("scripts/.gitignore"));
        Files.delete(repo.root().resolve("sub/.gitattributes"));
        Files.createSymbolicLink(repo.root().resolve("sub/.gitattributes"), Path.of("/dev/zero"));
        Files.createSymbolicLink(repo.root().resolve(".gitignore"), Path.of("/dev/urandom"));
        assertLintsTheFinding("lint");
        assertLintsTheFinding("lint", "--history");
        assertLintsTheFinding("lint", "--staged", "--all-files");
    }

    @Test
    void aConfigIncludeThatIsAFifoOrADeviceRefusesTheRepository() throws Exception {
        Path config = repo.root().resolve(".git/config");
        String original = Files.readString(config);
        mkfifo(repo.root().resolve(".git/extra"));
        for (String include : new String[] {"extra", "/dev/zero", "/dev/urandom"}) {
            Files.writeString(config, original + "[include]\n\tpath = " + include + "\n");
            assertRefused("include.path `" + include + "`", "lint");
            assertRefused("include.path `" + include + "`", "baseline");
        }
        // Nested: a regular include that includes a device.
        Files.writeString(repo.root().resolve(".git/first"), "[include]\n\tpath = /dev/zero\n");
        Files.writeString(config, original + "[include]\n\tpath = first\n");
        assertRefused("/dev/zero", "lint");
    }

    @Test
    void infoExcludeOrAConfiguredAttributesFileThatIsNotARegularFileRefusesTheRepository() throws Exception {
        Path exclude = repo.root().resolve(".git/info/exclude");
        Files.deleteIfExists(exclude);
        mkfifo(exclude);
        assertRefused("info/exclude", "lint");
        Files.delete(exclude);
        Files.createSymbolicLink(exclude, Path.of("/dev/zero"));
        assertRefused("info/exclude", "lint");
        Files.delete(exclude);
        Path config = repo.root().resolve(".git/config");
        Files.writeString(config, Files.readString(config) + "[core]\n\tattributesFile = /dev/urandom\n");
        assertRefused("core.attributesfile", "lint");
    }

    @Test
    void aConfigurationOrBaselineFileThatIsAFifoIsAConfigurationError() throws Exception {
        mkfifo(repo.root().resolve(".migration-guard.yml"));
        CliRun run = CliRun.of(repo.root(), "lint");
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("not a regular file"), run.err());
        Files.delete(repo.root().resolve(".migration-guard.yml"));
        mkfifo(repo.root().resolve("baseline.json"));
        run = CliRun.of(repo.root(), "lint", "--baseline", "baseline.json");
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("not a regular file"), run.err());
    }
}
