package dev.migrationguard.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationguard.testing.TestRepository;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitSnapshotTest {
    @TempDir
    Path dir;

    @Test
    void commitSnapshotListsFilesSortedWithoutSkippedFoldersAndBinaries() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.write("prisma/schema.prisma", "model A { id Int @id }\n")
                    .write("node_modules/x/index.js", "x")
                    .write("logo.png", "png")
                    .write("README.md", "hi");
            RevCommit c = repo.commitAll("init");
            CommitSnapshot s = new CommitSnapshot(repo.repository(), c, "", PathFilter.defaults(), AbstractSnapshot.DEFAULT_MAX_FILE_BYTES);
            assertEquals(List.of("README.md", "prisma/schema.prisma"), s.paths());
            assertEquals("model A { id Int @id }\n", s.read("prisma/schema.prisma").orElseThrow().text());
            assertEquals("commit " + c.abbreviate(7).name(), s.description());
        }
    }

    @Test
    void hasPathLooksOnePathUpWithTheListingsAnswer() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.write("apps/web/prisma/migrations/migration_lock.toml", "provider = \"postgresql\"\n")
                    .write("apps/web/node_modules/x/migration_lock.toml", "x")
                    .write("apps/api/migration_lock.toml", "y")
                    .write("apps/web/logo.png", "png");
            RevCommit c = repo.commitAll("init");
            repo.stage("apps/web/prisma/migrations/migration_lock.toml");
            List<String> asked = List.of("apps/web/prisma/migrations/migration_lock.toml", "apps/web/prisma/migrations",
                    "apps/web/node_modules/x/migration_lock.toml", "apps/api/migration_lock.toml", "apps/web/logo.png",
                    "apps/web/missing.toml", "apps/web/prisma/migrations/migration_lock.toml/x");
            for (int version = 0; version < 2; version++) {
                // Asked before anything is listed (one path looked up), then of a snapshot that listed its files.
                AbstractSnapshot alone = version == 0
                        ? new CommitSnapshot(repo.repository(), c, "apps/web", PathFilter.defaults(), AbstractSnapshot.DEFAULT_MAX_FILE_BYTES)
                        : new GitIndexSnapshot(repo.repository(), "apps/web", PathFilter.defaults(), AbstractSnapshot.DEFAULT_MAX_FILE_BYTES);
                AbstractSnapshot listed = version == 0
                        ? new CommitSnapshot(repo.repository(), c, "apps/web", PathFilter.defaults(), AbstractSnapshot.DEFAULT_MAX_FILE_BYTES)
                        : new GitIndexSnapshot(repo.repository(), "apps/web", PathFilter.defaults(), AbstractSnapshot.DEFAULT_MAX_FILE_BYTES);
                List<Boolean> lookedUp = asked.stream().map(alone::hasPath).toList();
                List<Boolean> fromListing = asked.stream().map(listed::contains).toList();
                assertEquals(List.of(true, false, false, false, false, false, false), lookedUp, alone.description());
                assertEquals(fromListing, lookedUp, alone.description());
                assertEquals(fromListing, asked.stream().map(listed::hasPath).toList(), alone.description());
            }
        }
    }

    @Test
    void commitSnapshotReadsTheCommitNotTheWorkingTree() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            RevCommit c = repo.write("a.sql", "SELECT 1;").commitAll("one");
            repo.write("a.sql", "SELECT 2;").commitAll("two");
            CommitSnapshot s = CommitSnapshot.of(repo.repository(), c);
            assertEquals("SELECT 1;", s.read("a.sql").orElseThrow().text());
        }
    }

    @Test
    void indexSnapshotReadsStagedContentWhenTheWorkingTreeDiffers() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.write("a.sql", "SELECT 1;").commitAll("one");
            repo.write("a.sql", "SELECT 2;").stage("a.sql").write("a.sql", "SELECT 3;");
            repo.write("untracked.sql", "x");
            GitIndexSnapshot s = new GitIndexSnapshot(repo.repository());
            assertEquals(List.of("a.sql"), s.paths());
            assertEquals("SELECT 2;", s.read("a.sql").orElseThrow().text());
            assertEquals("index", s.description());
        }
    }

    @Test
    void scopeKeepsPathsRelativeToTheRepositoryRoot() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.write("apps/web/prisma/schema.prisma", "x").write("apps/api/schema.prisma", "y").write("top.sql", "z");
            RevCommit c = repo.commitAll("init");
            CommitSnapshot commit = new CommitSnapshot(repo.repository(), c, "apps/web", PathFilter.defaults(), AbstractSnapshot.DEFAULT_MAX_FILE_BYTES);
            GitIndexSnapshot index = new GitIndexSnapshot(repo.repository(), "apps/web/", PathFilter.defaults(), AbstractSnapshot.DEFAULT_MAX_FILE_BYTES);
            WorkingTreeSnapshot tree = new WorkingTreeSnapshot(dir, "apps/web", PathFilter.defaults(), AbstractSnapshot.DEFAULT_MAX_FILE_BYTES);
            List<String> expected = List.of("apps/web/prisma/schema.prisma");
            assertEquals(expected, commit.paths());
            assertEquals(expected, index.paths());
            assertEquals(expected, tree.paths());
        }
    }

    @Test
    void skipsSubmodulesAndReadsNonUtf8FileNames() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            byte[] latin1Name = "caf\u00e9.sql".getBytes(StandardCharsets.ISO_8859_1);
            RevCommit c = commitTree(repo, tree -> {
                ObjectId blob = tree.inserter.insert(Constants.OBJ_BLOB, "SELECT 1;".getBytes(StandardCharsets.UTF_8));
                tree.formatter.append(latin1Name, FileMode.REGULAR_FILE, blob);
                tree.formatter.append("vendor-lib", FileMode.GITLINK, ObjectId.fromString("1111111111111111111111111111111111111111"));
            });
            CommitSnapshot s = CommitSnapshot.of(repo.repository(), c);
            assertEquals(Optional.of("SELECT 1;"), CommitSnapshot.of(repo.repository(), c).read("caf\u00e9.sql")
                    .map(SourceFile::text), "read by its decoded name without listing first");
            assertEquals(1, s.paths().size(), () -> "paths " + s.paths());
            String name = s.paths().get(0);
            assertEquals(Optional.of("SELECT 1;"), s.read(name).map(SourceFile::text));
            assertEquals(List.of(), s.notices());
        }
    }

    @Test
    void blobMissingFromAPartialCloneBecomesANoticeOnlyWhenRead() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            RevCommit c = commitTree(repo, tree -> {
                ObjectId present = tree.inserter.insert(Constants.OBJ_BLOB, "SELECT 1;".getBytes(StandardCharsets.UTF_8));
                tree.formatter.append("a.sql", FileMode.REGULAR_FILE, present);
                tree.formatter.append("b.sql", FileMode.REGULAR_FILE, ObjectId.fromString("2222222222222222222222222222222222222222"));
            });
            CommitSnapshot s = CommitSnapshot.of(repo.repository(), c);
            assertEquals(List.of("a.sql", "b.sql"), s.paths());
            assertTrue(s.read("a.sql").isPresent());
            assertEquals(List.of(), s.notices(), "b.sql was never read, so it was never loaded");
            assertEquals(Optional.empty(), s.read("b.sql"));
            assertEquals(1, s.notices().size());
            Notice notice = s.notices().get(0);
            assertEquals("b.sql", notice.path());
            assertTrue(notice.message().contains("partial clone"), notice.message());
        }
    }

    @Test
    void commitSnapshotReadsOneFileAndListsSubfoldersWithoutListingEveryFile() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.write("prisma/migrations/2_b/migration.sql", "b").write("prisma/migrations/1_a/migration.sql", "a")
                    .write("prisma/migrations/migration_lock.toml", "x").write("node_modules/m/migration.sql", "n");
            RevCommit c = repo.commitAll("init");
            CommitSnapshot s = CommitSnapshot.of(repo.repository(), c);
            assertEquals("b", s.read("prisma/migrations/2_b/migration.sql").orElseThrow().text());
            assertEquals(Optional.empty(), s.read("node_modules/m/migration.sql"), "skipped folders stay skipped");
            assertEquals(Optional.empty(), s.read("prisma/migrations/3_c/migration.sql"));
            assertEquals(List.of("1_a", "2_b"), s.subfolders("prisma/migrations"));
            assertEquals(List.of("prisma"), s.subfolders(""), "node_modules is skipped");
            assertEquals(List.of(), s.subfolders("nowhere"));
            assertEquals(List.of("prisma/migrations/1_a/migration.sql", "prisma/migrations/2_b/migration.sql",
                    "prisma/migrations/migration_lock.toml"), s.paths());
            assertEquals(List.of("1_a", "2_b"), s.subfolders("prisma/migrations"), "the same once listed");
        }
    }

    @Test
    void commitSnapshotsOfTwoCommitsFindTheirOwnFilesThroughSharedFolders() throws Exception {
        // Parsed folders are shared by tree id between snapshots: each commit still sees its own tree.
        try (TestRepository repo = TestRepository.init(dir)) {
            RevCommit one = repo.write("prisma/migrations/1_a/migration.sql", "a").write("docs/x.md", "x")
                    .commitAll("one");
            RevCommit two = repo.write("prisma/migrations/1_a/migration.sql", "a2")
                    .write("prisma/migrations/2_b/migration.sql", "b").commitAll("two");
            CommitSnapshot first = CommitSnapshot.of(repo.repository(), one);
            CommitSnapshot second = CommitSnapshot.of(repo.repository(), two);
            assertEquals("a", first.read("prisma/migrations/1_a/migration.sql").orElseThrow().text());
            assertEquals("a2", second.read("prisma/migrations/1_a/migration.sql").orElseThrow().text());
            assertEquals(Optional.empty(), first.read("prisma/migrations/2_b/migration.sql"));
            assertEquals(List.of("1_a"), first.subfolders("prisma/migrations"));
            assertEquals(List.of("1_a", "2_b"), second.subfolders("prisma/migrations"));
            assertEquals(Optional.empty(), second.read("prisma/migrations"), "a folder is not a file");
            assertEquals(Optional.empty(), second.read("docs/x.md/y"), "nothing lies below a file");
            assertEquals("x", second.read("docs/x.md").orElseThrow().text(), "the unchanged folder, shared");
        }
    }

    private static final class TreeParts {
        final ObjectInserter inserter;
        final TreeFormatter formatter = new TreeFormatter();

        TreeParts(ObjectInserter inserter) {
            this.inserter = inserter;
        }
    }

    private interface TreeFiller {
        void fill(TreeParts tree) throws Exception;
    }

    /** A commit whose tree is written by hand, for what the porcelain refuses to create. */
    private static RevCommit commitTree(TestRepository repo, TreeFiller filler) throws Exception {
        try (ObjectInserter inserter = repo.repository().newObjectInserter();
             org.eclipse.jgit.revwalk.RevWalk walk = new org.eclipse.jgit.revwalk.RevWalk(repo.repository())) {
            TreeParts parts = new TreeParts(inserter);
            filler.fill(parts);
            ObjectId tree = inserter.insert(parts.formatter);
            CommitBuilder cb = new CommitBuilder();
            PersonIdent who = new PersonIdent("Ada", "ada@example.com");
            cb.setAuthor(who);
            cb.setCommitter(who);
            cb.setTreeId(tree);
            cb.setMessage("hand-made tree\n");
            ObjectId id = inserter.insert(cb);
            inserter.flush();
            org.eclipse.jgit.lib.RefUpdate ru = repo.repository().updateRef(Constants.HEAD);
            ru.setNewObjectId(id);
            ru.forceUpdate();
            return walk.parseCommit(id);
        }
    }
}
