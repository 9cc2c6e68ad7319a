package dev.migrationguard.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationguard.testing.TestRepository;
import dev.migrationguard.workspace.CommitSnapshot;
import dev.migrationguard.workspace.GitIndexSnapshot;
import dev.migrationguard.workspace.Notice;
import dev.migrationguard.workspace.WorkingTreeSnapshot;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.errors.RevWalkException;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitScanTest {
    @TempDir
    Path dir;

    private static List<String> describe(List<ChangeSet> changes) {
        return changes.stream().map(c -> c.kind() + " " + c.changes()).toList();
    }

    private GitScan scan(Path folder, ScanMode mode) throws Exception {
        return GitScan.run(folder, mode, ScanOptions.defaults());
    }

    @Test
    void outsideGitScansTheWorkingTreeWithoutHistoryOrNotices() throws Exception {
        Files.writeString(dir.resolve("schema.prisma"), "model A { id Int @id }");
        try (GitScan scan = scan(dir, ScanMode.local())) {
            assertFalse(scan.inRepository());
            assertTrue(scan.snapshot() instanceof WorkingTreeSnapshot);
            assertEquals(List.of("schema.prisma"), scan.snapshot().paths());
            assertEquals(List.of(), scan.changes());
            assertEquals(List.of(), scan.notices());
        }
    }

    @Test
    void localModeComparesWorkingTreeAndIndexWithHead() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.write(".gitignore", "*.log\n")
                    .write("prisma/migrations/1_init/migration.sql", "CREATE TABLE a();")
                    .write("prisma/schema.prisma", "model A { id Int @id }")
                    .commitAll("init");
            repo.write("prisma/migrations/1_init/migration.sql", "CREATE TABLE b();");
            repo.write("prisma/migrations/2_next/migration.sql", "CREATE TABLE c();");
            repo.write("staged.sql", "SELECT 1;").stage("staged.sql");
            repo.write("debug.log", "ignored");
            try (GitScan scan = scan(dir, ScanMode.local())) {
                assertTrue(scan.snapshot() instanceof WorkingTreeSnapshot);
                assertEquals(List.of("UNCOMMITTED [M prisma/migrations/1_init/migration.sql,"
                        + " A prisma/migrations/2_next/migration.sql, A staged.sql]"), describe(scan.changes()));
                ChangeSet change = scan.changes().get(0);
                assertEquals("the uncommitted change", change.description());
                assertEquals("CREATE TABLE a();", change.base().read("prisma/migrations/1_init/migration.sql").orElseThrow().text());
                assertEquals("CREATE TABLE b();", change.target().read("prisma/migrations/1_init/migration.sql").orElseThrow().text());
                assertEquals(Optional.empty(), change.commit());
            }
        }
    }

    @Test
    void withoutHistoryRulesPlainLintMakesNoUncommittedChange() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.write("prisma/migrations/1_init/migration.sql", "CREATE TABLE a();").commitAll("init");
            repo.write("prisma/migrations/1_init/migration.sql", "CREATE TABLE b();");
            try (GitScan scan = GitScan.start(dir, ScanMode.local(), ScanOptions.defaults(), false)) {
                assertEquals(List.of(), scan.changes());
                assertEquals("CREATE TABLE b();",
                        scan.snapshot().read("prisma/migrations/1_init/migration.sql").orElseThrow().text());
                assertTrue(scan.applied().covers("prisma/migrations/1_init/migration.sql"));
            }
            try (GitScan scan = GitScan.start(dir, ScanMode.local(), ScanOptions.defaults(), true)) {
                assertEquals(List.of("UNCOMMITTED [M prisma/migrations/1_init/migration.sql]"), describe(scan.changes()));
            }
        }
    }

    @Test
    void stagedModeReadsTheIndexAndIgnoresUnstagedEdits() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.write("a.sql", "one").write("b.sql", "one").commitAll("init");
            repo.write("a.sql", "staged").stage("a.sql").write("a.sql", "unstaged again");
            repo.write("b.sql", "unstaged only");
            try (GitScan scan = scan(dir, ScanMode.staged())) {
                assertTrue(scan.snapshot() instanceof GitIndexSnapshot);
                assertEquals("staged", scan.snapshot().read("a.sql").orElseThrow().text());
                assertEquals(List.of("STAGED [M a.sql]"), describe(scan.changes()));
                assertEquals("the staged change", scan.changes().get(0).description());
            }
        }
    }

    @Test
    void detectsRenamesOfCommittedFolders() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.write("prisma/migrations/1_init/migration.sql", "CREATE TABLE a (id int primary key);\n").commitAll("init");
            repo.delete("prisma/migrations/1_init");
            repo.write("prisma/migrations/0_init/migration.sql", "CREATE TABLE a (id int primary key);\n");
            repo.commitAll("rename");
            try (GitScan scan = scan(dir, ScanMode.history())) {
                assertEquals(List.of("COMMIT [A prisma/migrations/1_init/migration.sql]",
                        "COMMIT [R prisma/migrations/1_init/migration.sql -> prisma/migrations/0_init/migration.sql]"),
                        describe(scan.changes()));
            }
        }
    }

    @Test
    void historyModeWalksEveryCommitOldestFirstAndComparesMergesWithTheirFirstParent() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.write("a.txt", "1").commitAll("one");
            Git git = repo.git();
            git.branchCreate().setName("feature").call();
            repo.write("main.txt", "m").commitAll("main work");
            git.checkout().setName("feature").call();
            repo.write("feature.txt", "f").commitAll("feature work");
            git.checkout().setName("main").call();
            git.merge().include(repo.repository().resolve("feature")).setMessage("merge feature")
                    .setCommit(true).call();
            List<int[]> progress = new ArrayList<>();
            try (GitScan scan = GitScan.run(dir, ScanMode.history(),
                    ScanOptions.defaults().withProgress((done, total) -> progress.add(new int[] {done, total})))) {
                assertTrue(scan.snapshot() instanceof CommitSnapshot);
                List<String> seen = describe(scan.changes());
                assertEquals(4, seen.size(), seen::toString);
                assertEquals("COMMIT [A a.txt]", seen.get(0));
                ChangeSet merge = scan.changes().get(3);
                assertTrue(merge.commit().orElseThrow().merge());
                assertEquals("COMMIT [A feature.txt]", seen.get(3), "the merge against its first parent (main)");
                assertTrue(seen.contains("COMMIT [A main.txt]"));
                assertTrue(seen.contains("COMMIT [A feature.txt]"));
                assertEquals("merge feature", merge.commit().orElseThrow().subject());
                assertEquals(4, progress.get(progress.size() - 1)[0]);
                assertEquals(4, progress.get(progress.size() - 1)[1]);
            }
        }
    }

    @Test
    void parallelComparisonGivesTheSameChangeSetsInTheSameOrder() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            for (int i = 0; i < 40; i++) {
                repo.write("f" + (i % 7) + ".txt", "v" + i).commitAll("c" + i);
                if (i % 10 == 5) {
                    repo.delete("f" + (i % 7) + ".txt").write("moved/f" + i + ".txt", "v" + i).commitAll("move " + i);
                }
            }
            List<String> sequential;
            try (GitScan scan = scan(dir, ScanMode.history())) {
                sequential = describe(scan.changes());
            }
            int before = GitScan.commitsPerWorker;
            GitScan.commitsPerWorker = 1;
            try (GitScan scan = scan(dir, ScanMode.history())) {
                assertEquals(sequential, describe(scan.changes()));
            } finally {
                GitScan.commitsPerWorker = before;
            }
        }
    }

    @Test
    void readsTheCommitGraphFileGitWritesAndStillGivesEachCommitsMessage() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.write("a.txt", "1").commitAll("one");
            repo.write("b.txt", "2").commitAll("two");
            repo.write("a.txt", "3").delete("b.txt").commitAll("three");
            List<String> withoutGraph;
            try (GitScan scan = scan(dir, ScanMode.history())) {
                withoutGraph = describe(scan.changes());
            }
            StoredConfig config = repo.repository().getConfig();
            config.setBoolean("core", null, "commitGraph", true);
            config.setBoolean("gc", null, "writeCommitGraph", true);
            config.save();
            repo.git().gc().call();
            config.unset("core", null, "commitGraph");
            config.save();
            assertTrue(Files.exists(dir.resolve(".git/objects/info/commit-graph")));
            try (GitScan scan = scan(dir, ScanMode.history())) {
                assertEquals(withoutGraph, describe(scan.changes()));
                assertEquals(List.of("one", "two", "three"),
                        scan.changes().stream().map(c -> c.commit().orElseThrow().subject()).toList());
                assertEquals("Ada Lovelace", scan.changes().get(0).commit().orElseThrow().author());
            }
        }
    }

    @Test
    void startComparesCommitsInTheBackgroundAndGivesWhatRunGives() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.write("a.txt", "1").commitAll("one");
            repo.git().branchCreate().setName("base").call();
            repo.write("b.txt", "2").commitAll("two");
            repo.write("a.txt", "3").delete("b.txt").commitAll("three");
            for (ScanMode mode : List.of(ScanMode.history(), ScanMode.since("base"), ScanMode.since("nowhere"))) {
                try (GitScan ran = scan(dir, mode); GitScan started = GitScan.start(dir, mode, ScanOptions.defaults())) {
                    assertEquals(ran.snapshot().paths(), started.snapshot().paths());
                    assertEquals(describe(ran.changes()), describe(started.changes()), mode.toString());
                    assertEquals(ran.notices(), started.notices(), mode.toString());
                }
            }
        }
    }

    @Test
    void startReportsAFailedComparisonWhenTheChangesAreAskedFor() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            RevCommit first = repo.write("a.txt", "1").commitAll("one");
            repo.write("a.txt", "2").commitAll("two");
            repo.write("a.txt", "3").commitAll("three");
            forget(first);
            // A walk that meets a missing commit fails with JGit's RevWalkException: run() throws it at once,
            // start() when the changes are asked for.
            RevWalkException atOnce = assertThrows(RevWalkException.class, () -> scan(dir, ScanMode.history()).close());
            try (GitScan started = GitScan.start(dir, ScanMode.history(), ScanOptions.defaults())) {
                assertEquals("3", started.snapshot().read("a.txt").orElseThrow().text());
                RevWalkException later = assertThrows(RevWalkException.class, started::changes);
                assertEquals(atOnce.getMessage(), later.getMessage());
            }
        }
    }

    @Test
    void sinceModeChecksEachCommitOfTheRangeAndTheRangeAsAWhole() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.write("a.txt", "1").commitAll("base");
            repo.git().branchCreate().setName("feature").call();
            repo.write("main-only.txt", "m").commitAll("main moves on");
            repo.git().checkout().setName("feature").call();
            RevCommit first = repo.write("b.txt", "1").commitAll("first");
            RevCommit second = repo.write("b.txt", "2").write("c.txt", "3").commitAll("second");
            try (GitScan scan = scan(dir, ScanMode.since("main"))) {
                assertEquals(List.of("COMMIT [A b.txt]", "COMMIT [M b.txt, A c.txt]", "RANGE [A b.txt, A c.txt]"),
                        describe(scan.changes()));
                String range = scan.changes().get(2).range().orElseThrow();
                assertTrue(range.endsWith(".." + second.abbreviate(7).name()), range);
                assertEquals(first.name(), scan.changes().get(0).commit().orElseThrow().id());
                assertEquals("commit " + first.abbreviate(7).name(), scan.changes().get(0).description());
                assertTrue(scan.changes().get(0).inRange());
                assertEquals(Optional.of(range), scan.changes().get(0).range());
                assertEquals("2", scan.snapshot().read("b.txt").orElseThrow().text(), "static rules read HEAD");
                assertEquals(List.of(), scan.notices());
            }
        }
    }

    @Test
    void provenanceNamesTheRemoteWithoutCredentials() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            RevCommit head = repo.write("a.txt", "1").commitAll("one");
            var config = repo.repository().getConfig();
            config.setString("remote", "origin", "url", "https://x-access-token:secret@github.com/acme/app.git");
            config.save();
            try (GitScan scan = scan(dir, ScanMode.local())) {
                assertEquals(new Provenance(Optional.of("https://github.com/acme/app.git"), head.name(),
                        Optional.of("main")), scan.provenance().orElseThrow());
            }
        }
    }

    @Test
    void missingBaseRevisionIsAClearErrorAndStaticRulesStillRunOnHead() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.write("a.txt", "1").commitAll("base");
            try (GitScan scan = scan(dir, ScanMode.since("origin/main"))) {
                assertEquals(List.of(), scan.changes());
                assertEquals(List.of("a.txt"), scan.snapshot().paths());
                assertEquals(1, scan.notices().size());
                Notice notice = scan.notices().get(0);
                assertEquals(Notice.Level.ERROR, notice.level());
                assertTrue(notice.message().contains("`origin/main` is not in this clone"), notice.message());
                assertTrue(notice.message().contains("git fetch origin main"), notice.message());
            }
        }
    }

    @Test
    void shallowCloneSaysWhichHistoryIsMissingAndStillReturnsTheStaticSnapshot() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.write("a.txt", "1").commitAll("one");
            RevCommit boundary = repo.write("a.txt", "2").commitAll("two");
            repo.write("a.txt", "3").commitAll("three");
            Files.writeString(dir.resolve(".git/shallow"), boundary.name() + "\n", StandardCharsets.US_ASCII);
            try (GitScan scan = scan(dir, ScanMode.history())) {
                assertEquals(List.of("COMMIT [M a.txt]"), describe(scan.changes()));
                assertEquals("3", scan.snapshot().read("a.txt").orElseThrow().text());
                assertEquals(1, scan.notices().size());
                String message = scan.notices().get(0).message();
                assertTrue(message.contains("history before commit " + boundary.abbreviate(7).name()), message);
                assertTrue(message.contains("fetch-depth: 0"), message);
            }
        }
    }

    @Test
    void shallowCloneWithoutTheMergeBaseSaysSo() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.write("a.txt", "1").commitAll("one");
            repo.git().branchCreate().setName("old").call();
            RevCommit boundary = repo.write("a.txt", "2").commitAll("two");
            repo.write("a.txt", "3").commitAll("three");
            Files.writeString(dir.resolve(".git/shallow"), boundary.name() + "\n", StandardCharsets.US_ASCII);
            try (GitScan scan = scan(dir, ScanMode.since("old"))) {
                assertEquals(List.of(), scan.changes());
                String message = scan.notices().get(0).message();
                assertTrue(message.contains("no common ancestor") && message.contains("fetch-depth: 0"), message);
            }
        }
    }

    @Test
    void emptyRepositoryRunsStaticRulesOnly() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.write("schema.prisma", "model A { id Int @id }").stage("schema.prisma");
            for (ScanMode mode : List.of(ScanMode.history(), ScanMode.since("main"))) {
                // Issue 20 item 11: a mode that reads commits cannot run, rather than lint the working tree instead.
                IOException e = assertThrows(IOException.class, () -> scan(dir, mode).close(), mode::toString);
                assertTrue(e.getMessage().contains("no commits yet"), e.getMessage());
            }
            for (ScanMode mode : List.of(ScanMode.local(), ScanMode.staged())) {
                try (GitScan scan = scan(dir, mode)) {
                    assertEquals(List.of("schema.prisma"), scan.snapshot().paths(), mode::toString);
                    assertEquals(List.of(), scan.changes(), mode::toString);
                    assertTrue(scan.notices().get(0).message().contains("no commits yet"), mode::toString);
                    assertEquals(Optional.empty(), scan.provenance());
                }
            }
        }
    }

    @Test
    void detachedHeadScansTheCheckedOutCommit() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            RevCommit first = repo.write("a.txt", "1").commitAll("one");
            repo.write("a.txt", "2").commitAll("two");
            repo.git().checkout().setName(first.name()).call();
            try (GitScan scan = scan(dir, ScanMode.history())) {
                assertEquals(List.of("COMMIT [A a.txt]"), describe(scan.changes()));
                Provenance provenance = scan.provenance().orElseThrow();
                assertEquals(first.name(), provenance.revisionId());
                assertEquals(Optional.empty(), provenance.branch());
            }
            try (GitScan scan = scan(dir, ScanMode.local())) {
                assertEquals(List.of("UNCOMMITTED []"), describe(scan.changes()));
            }
        }
    }

    @Test
    void subdirectoryKeepsRepositoryRootPathsAndLimitsChangesToIt() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.write("apps/web/prisma/schema.prisma", "a").write("apps/api/schema.prisma", "b").commitAll("init");
            repo.write("apps/web/prisma/schema.prisma", "a2").write("apps/api/schema.prisma", "b2").commitAll("edit");
            repo.write("apps/web/new.sql", "x").write("apps/api/new.sql", "y");
            Path web = dir.resolve("apps/web");
            try (GitScan scan = scan(web, ScanMode.local())) {
                assertEquals(List.of("apps/web/new.sql", "apps/web/prisma/schema.prisma"), scan.snapshot().paths());
                assertEquals(List.of("UNCOMMITTED [A apps/web/new.sql]"), describe(scan.changes()));
            }
            try (GitScan scan = scan(web, ScanMode.history())) {
                assertEquals(List.of("COMMIT [A apps/web/prisma/schema.prisma]",
                        "COMMIT [M apps/web/prisma/schema.prisma]"), describe(scan.changes()));
                assertEquals(List.of("apps/web/prisma/schema.prisma"), scan.snapshot().paths());
            }
        }
    }

    @Test
    void linkedWorktreeIsFoundThroughItsGitFile() throws Exception {
        Path main = dir.resolve("main");
        Path linked = dir.resolve("linked");
        try (TestRepository repo = TestRepository.init(main)) {
            RevCommit first = repo.write("a.txt", "1").commitAll("one");
            repo.git().branchCreate().setName("other").call();
            Path admin = main.resolve(".git/worktrees/linked");
            Files.createDirectories(admin);
            Files.writeString(admin.resolve("HEAD"), "ref: refs/heads/other\n");
            Files.writeString(admin.resolve("commondir"), "../..\n");
            Files.writeString(admin.resolve("gitdir"), linked.resolve(".git") + "\n");
            Files.createDirectories(linked);
            Files.writeString(linked.resolve(".git"), "gitdir: " + admin + "\n");
            try (Repository wt = new FileRepositoryBuilder().findGitDir(linked.toFile()).build()) {
                Git.wrap(wt).reset().setMode(ResetCommand.ResetType.HARD).setRef(first.name()).call();
            }
            Files.writeString(linked.resolve("b.txt"), "new");
            try (GitScan scan = scan(linked, ScanMode.local())) {
                assertEquals(List.of("a.txt", "b.txt"), scan.snapshot().paths());
                assertEquals(List.of("UNCOMMITTED [A b.txt]"), describe(scan.changes()));
                assertEquals(Optional.of("other"), scan.provenance().orElseThrow().branch());
            }
        }
    }

    @Test
    void submodulesAreSkippedInEveryMode() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.write("a.txt", "1").commitAll("one");
            try (TestRepository inner = TestRepository.init(dir.resolve("vendor/lib"))) {
                inner.write("inner.sql", "SELECT 1;").commitAll("inner");
            }
            org.eclipse.jgit.dircache.DirCache index = repo.repository().lockDirCache();
            org.eclipse.jgit.dircache.DirCacheEditor editor = index.editor();
            editor.add(new org.eclipse.jgit.dircache.DirCacheEditor.PathEdit("vendor/lib") {
                @Override
                public void apply(org.eclipse.jgit.dircache.DirCacheEntry entry) {
                    entry.setFileMode(org.eclipse.jgit.lib.FileMode.GITLINK);
                    entry.setObjectId(org.eclipse.jgit.lib.ObjectId.fromString("3333333333333333333333333333333333333333"));
                }
            });
            editor.commit();
            repo.commit("add submodule");
            for (ScanMode mode : List.of(ScanMode.local(), ScanMode.staged(), ScanMode.history())) {
                try (GitScan scan = scan(dir, mode)) {
                    assertFalse(scan.snapshot().paths().stream().anyMatch(p -> p.startsWith("vendor/")),
                            () -> mode + " " + scan.snapshot().paths());
                    assertTrue(scan.changes().stream().flatMap(c -> c.changes().stream())
                            .noneMatch(c -> c.path().startsWith("vendor/")), () -> mode + " " + describe(scan.changes()));
                }
            }
        }
    }

    @Test
    void unreadableIndexIsANoticeAndTheWorkingTreeIsLinted() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.write("a.sql", "one").commitAll("init");
            Files.write(dir.resolve(".git/index"), "DIRC not really an index".getBytes(StandardCharsets.US_ASCII));
            for (ScanMode mode : List.of(ScanMode.staged(), ScanMode.local())) {
                try (GitScan scan = scan(dir, mode)) {
                    assertTrue(scan.snapshot() instanceof WorkingTreeSnapshot, mode::toString);
                    assertEquals(List.of("a.sql"), scan.snapshot().paths());
                    assertEquals(List.of(), scan.changes());
                    assertEquals(Notice.Level.ERROR, scan.notices().get(0).level());
                    assertTrue(scan.notices().get(0).message().startsWith("the git index could not be read"),
                            scan.notices().get(0).message());
                }
            }
        }
    }

    /** Deletes a loose object, as a partial clone never had it. */
    private void forget(org.eclipse.jgit.lib.ObjectId id) throws Exception {
        String name = id.name();
        Files.delete(dir.resolve(".git/objects/" + name.substring(0, 2) + "/" + name.substring(2)));
    }

    @Test
    void partialCloneWithoutBlobsStillListsChangesWithoutRenames() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            String sql = "CREATE TABLE a (id int primary key, name text, created timestamp);\n";
            repo.write("prisma/migrations/1_a/migration.sql", sql).commitAll("one");
            repo.delete("prisma/migrations/1_a");
            repo.write("prisma/migrations/0_a/migration.sql", sql + "-- moved\n").commitAll("move");
            forget(repo.repository().resolve("HEAD~1:prisma/migrations/1_a/migration.sql"));
            try (GitScan scan = scan(dir, ScanMode.history())) {
                assertEquals(List.of("COMMIT [A prisma/migrations/1_a/migration.sql]",
                        "COMMIT [A prisma/migrations/0_a/migration.sql, D prisma/migrations/1_a/migration.sql]"),
                        describe(scan.changes()), "without the old content no similarity, so no rename");
            }
        }
    }

    @Test
    void partialCloneWithoutTreesSkipsTheCommitsItCannotCompare() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.write("a/x.txt", "1").commitAll("one");
            repo.write("a/x.txt", "2").commitAll("two");
            repo.write("b.txt", "3").commitAll("three");
            forget(repo.repository().resolve("HEAD~1:a"));
            try (GitScan scan = scan(dir, ScanMode.history())) {
                assertEquals(List.of("COMMIT [A a/x.txt]", "COMMIT [A b.txt]"), describe(scan.changes()),
                        "the second commit needs the missing tree of a/, the third never opens it");
                assertTrue(scan.notices().get(0).message().contains("is not in this clone"),
                        scan.notices().get(0).message());
            }
        }
    }

    @Test
    void stagedModeHonoursTheIndexFileGitGivesHooks() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.write("a.sql", "one").commitAll("init");
            Files.copy(dir.resolve(".git/index"), dir.resolve(".git/other-index"));
            repo.write("a.sql", "two").stage("a.sql");
            ScanOptions options = ScanOptions.defaults().withEnvironment(Map.of("GIT_INDEX_FILE", ".git/other-index"));
            try (GitScan scan = GitScan.run(dir, ScanMode.staged(), options)) {
                assertEquals(List.of("STAGED []"), describe(scan.changes()));
                assertEquals("one", scan.snapshot().read("a.sql").orElseThrow().text());
            }
        }
    }
}
