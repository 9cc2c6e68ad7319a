package dev.migrationguard.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationguard.sql.AppliedMigrations;
import dev.migrationguard.testing.TestRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which migrations a run treats as applied: those committed on its base revision, chosen by mode. */
class AppliedMigrationsTest {
    private static final String M1 = "prisma/migrations/20240101000000_init";
    private static final String M2 = "prisma/migrations/20240201000000_add_posts";
    private static final String M3 = "prisma/migrations/20240301000000_add_tags";

    @TempDir
    Path dir;

    private AppliedMigrations applied(ScanMode mode) throws IOException {
        try (GitScan scan = GitScan.run(dir, mode, ScanOptions.defaults())) {
            return scan.applied();
        }
    }

    private static void migration(TestRepository repo, String folder) {
        repo.write(folder + "/migration.sql", "CREATE TABLE \"T" + folder.hashCode() + "\" (\"id\" INT);\n");
    }

    private static void pointRef(TestRepository repo, String name, RevCommit at) throws IOException {
        RefUpdate update = repo.repository().updateRef(name);
        update.setNewObjectId(at);
        update.setForceUpdate(true);
        update.update();
    }

    @Test
    void stagedRunTreatsWhatHeadHasAsAppliedAndTheStagedMigrationAsNew() throws IOException {
        try (TestRepository repo = TestRepository.init(dir)) {
            migration(repo, M1);
            repo.commitAll("init");
            migration(repo, M2);
            repo.stage(M2 + "/migration.sql");
            AppliedMigrations applied = applied(ScanMode.staged());
            assertEquals(Set.of(M1), applied.folders());
            assertTrue(applied.base().startsWith("HEAD ("), applied.base());
        }
    }

    @Test
    void stagedRunReadsWhatHeadHasFromTheIndexAndTheStagedChange() throws IOException {
        try (TestRepository repo = TestRepository.init(dir)) {
            migration(repo, M1);
            migration(repo, M2);
            repo.commitAll("init");
            // M2 deleted, M1's folder renamed, M3 added and edited again after staging: HEAD has M1 and M2 only.
            repo.delete(M2).stage(M2 + "/migration.sql");
            String renamed = "prisma/migrations/20240101000001_init_renamed";
            repo.write(renamed + "/migration.sql", "CREATE TABLE \"T" + M1.hashCode() + "\" (\"id\" INT);\n");
            repo.delete(M1).stage(M1 + "/migration.sql", renamed + "/migration.sql");
            migration(repo, M3);
            repo.stage(M3 + "/migration.sql");
            repo.write(M3 + "/migration.sql", "-- edited after staging\n");
            AppliedMigrations applied = applied(ScanMode.staged());
            assertEquals(Set.of(M1, M2), applied.folders());
            assertTrue(applied.base().startsWith("HEAD ("), applied.base());
        }
    }

    @Test
    void localRunWithoutARemoteTreatsEverythingCommittedAsApplied() throws IOException {
        try (TestRepository repo = TestRepository.init(dir)) {
            migration(repo, M1);
            repo.commitAll("init");
            migration(repo, M2);
            repo.commitAll("posts");
            migration(repo, M3);
            assertEquals(Set.of(M1, M2), applied(ScanMode.local()).folders());
        }
    }

    @Test
    void localRunOnABranchJudgesWhatTheBranchAddedSinceTheRemoteDefaultBranch() throws IOException {
        try (TestRepository repo = TestRepository.init(dir)) {
            migration(repo, M1);
            RevCommit main = repo.commitAll("init");
            migration(repo, M2);
            repo.commitAll("posts, on a feature branch");
            pointRef(repo, "refs/remotes/origin/main", main);
            AppliedMigrations applied = applied(ScanMode.local());
            assertEquals(Set.of(M1), applied.folders());
            assertEquals("the merge base with origin/main (" + main.abbreviate(7).name() + ")", applied.base());
            // --history reads HEAD and takes the same base.
            assertEquals(Set.of(M1), applied(ScanMode.history()).folders());
        }
    }

    @Test
    void theRemoteHeadNamesTheDefaultBranchBeforeMainOrMaster() throws IOException {
        try (TestRepository repo = TestRepository.init(dir)) {
            migration(repo, M1);
            RevCommit first = repo.commitAll("init");
            migration(repo, M2);
            RevCommit second = repo.commitAll("posts");
            migration(repo, M3);
            repo.commitAll("tags");
            pointRef(repo, "refs/remotes/origin/develop", first);
            pointRef(repo, "refs/remotes/origin/main", second);
            RefUpdate head = repo.repository().updateRef("refs/remotes/origin/HEAD");
            head.link("refs/remotes/origin/develop");
            assertEquals(Set.of(M1), applied(ScanMode.local()).folders());
        }
    }

    @Test
    void originMasterIsTheLastFallbackBeforeHead() throws IOException {
        try (TestRepository repo = TestRepository.init(dir)) {
            migration(repo, M1);
            RevCommit first = repo.commitAll("init");
            migration(repo, M2);
            repo.commitAll("posts");
            pointRef(repo, "refs/remotes/origin/master", first);
            assertEquals(Set.of(M1), applied(ScanMode.local()).folders());
        }
    }

    @Test
    void pullRequestRunTreatsTheMergeBaseAsApplied() throws IOException {
        try (TestRepository repo = TestRepository.init(dir)) {
            migration(repo, M1);
            RevCommit base = repo.commitAll("init");
            migration(repo, M2);
            repo.commitAll("posts");
            pointRef(repo, "refs/heads/target", base);
            AppliedMigrations applied = applied(ScanMode.since("target"));
            assertEquals(Set.of(M1), applied.folders());
            assertEquals("the merge base with target (" + base.abbreviate(7).name() + ")", applied.base());
            assertEquals(AppliedMigrations.NONE, applied(ScanMode.since("no-such-branch")));
        }
    }

    @Test
    void outsideGitEveryMigrationIsNew() throws IOException {
        Files.createDirectories(dir.resolve(M1));
        Files.writeString(dir.resolve(M1 + "/migration.sql"), "SELECT 1;\n");
        assertEquals(AppliedMigrations.NONE, applied(ScanMode.local()));
    }

    @Test
    void aRepositoryWithoutCommitsHasNothingApplied() throws IOException {
        try (TestRepository repo = TestRepository.init(dir)) {
            migration(repo, M1);
            repo.stage(M1 + "/migration.sql");
            assertEquals(AppliedMigrations.NONE, applied(ScanMode.staged()));
        }
    }
}
