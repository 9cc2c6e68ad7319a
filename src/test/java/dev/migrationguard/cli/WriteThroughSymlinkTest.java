package dev.migrationguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationguard.testing.CliRun;
import dev.migrationguard.testing.TestRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.lib.StoredConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands that write (baseline, init, install-hook) never write through a symbolic link: a repository can
 * commit a dangling link where the file would go, or a link to a folder outside it, to make them create or
 * overwrite a file anywhere.
 */
class WriteThroughSymlinkTest {
    @TempDir
    Path dir;

    private Path outside;
    private TestRepository repo;

    @BeforeEach
    void repository() throws IOException {
        outside = Files.createDirectories(dir.resolve("outside"));
        repo = TestRepository.init(dir.resolve("repo"));
        repo.write("scripts/deploy.sh", "npx prisma db push\n").commitAll("initial");
    }

    private void assertRefused(CliRun run, String what) {
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("symbolic link"), run.err());
        assertTrue(run.err().contains(what), run.err());
    }

    @Test
    void baselineRefusesADanglingLinkWhereItsFileGoes() throws IOException {
        Path target = outside.resolve("created.json");
        Files.createSymbolicLink(repo.root().resolve(".migration-guard-baseline.json"), target);
        assertRefused(CliRun.of(repo.root(), "baseline"), ".migration-guard-baseline.json");
        assertRefused(CliRun.of(repo.root(), "baseline", "--force"), ".migration-guard-baseline.json");
        assertFalse(Files.exists(target));
    }

    @Test
    void baselineWithForceDoesNotOverwriteTheFileALinkPointsTo() throws IOException {
        Path target = Files.writeString(outside.resolve("precious.txt"), "keep me\n");
        Files.createSymbolicLink(repo.root().resolve(".migration-guard-baseline.json"), target);
        assertRefused(CliRun.of(repo.root(), "baseline", "--force"), ".migration-guard-baseline.json");
        assertEquals("keep me\n", Files.readString(target));
    }

    @Test
    void baselineRefusesAFolderOnTheWayThatIsALink() throws IOException {
        Files.createSymbolicLink(repo.root().resolve("ci"), outside);
        assertRefused(CliRun.of(repo.root(), "baseline", "--output", "ci/baseline.json"), "ci");
        assertFalse(Files.exists(outside.resolve("baseline.json")));
    }

    @Test
    void initRefusesALinkedConfigFile() throws IOException {
        Path target = outside.resolve("config.yml");
        Files.createSymbolicLink(repo.root().resolve(".migration-guard.yml"), target);
        assertRefused(CliRun.of(repo.root(), "init", "--force"), ".migration-guard.yml");
        assertFalse(Files.exists(target));
    }

    @Test
    void installHookRefusesALinkedHookAndALinkedHooksFolder() throws IOException {
        Path hooks = Files.createDirectories(repo.root().resolve(".git/hooks"));
        Path target = Files.writeString(outside.resolve("bashrc"), "keep me\n");
        Files.createSymbolicLink(hooks.resolve("pre-commit"), target);
        assertRefused(CliRun.of(repo.root(), "install-hook", "--force"), "pre-commit");
        assertEquals("keep me\n", Files.readString(target));

        Files.createSymbolicLink(repo.root().resolve(".husky"), outside);
        StoredConfig config = repo.repository().getConfig();
        config.setString("core", null, "hooksPath", ".husky");
        config.save();
        assertRefused(CliRun.of(repo.root(), "install-hook"), ".husky");
        assertFalse(Files.exists(outside.resolve("pre-commit")));
    }

    @Test
    void writesStillWorkWhereThereIsNoLinkAndStillRefuseToOverwriteWithoutForce() throws IOException {
        assertEquals(0, CliRun.of(repo.root(), "baseline").exitCode());
        CliRun again = CliRun.of(repo.root(), "baseline");
        assertEquals(2, again.exitCode());
        assertTrue(again.err().contains("pass --force"), again.err());
        assertEquals(0, CliRun.of(repo.root(), "baseline", "--force").exitCode());
        assertEquals(0, CliRun.of(repo.root(), "init").exitCode());
        assertEquals(0, CliRun.of(repo.root(), "install-hook").exitCode());
        assertTrue(Files.isExecutable(repo.root().resolve(".git/hooks/pre-commit")));
    }
}
