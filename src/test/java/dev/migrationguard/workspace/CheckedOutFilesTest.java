package dev.migrationguard.workspace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.migrationguard.testing.TestRepository;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A snapshot of HEAD or of the index reads a file from the working tree only when git's index vouches that the file
 * holds exactly the blob, by the same stat test as {@code git status}; otherwise from git.
 */
class CheckedOutFilesTest {
    private static final String SQL = "CREATE TABLE \"Quest\" (\"id\" TEXT NOT NULL);\n";

    @TempDir
    Path dir;

    /** A repository whose own config rules out the user's autocrlf and attributes file. */
    private TestRepository repository() throws Exception {
        TestRepository repo = TestRepository.init(dir);
        StoredConfig config = repo.repository().getConfig();
        config.setString("core", null, "autocrlf", "false");
        config.setString("core", null, "attributesFile", dir.resolve("no-such-attributes").toString());
        config.save();
        return repo;
    }

    /** Writes a file dated a minute ago, so that the index written next is newer than it (not "racily clean"). */
    private static void writeOld(TestRepository repo, String path, String text) throws Exception {
        repo.write(path, text);
        Files.setLastModifiedTime(repo.root().resolve(path), FileTime.from(Instant.now().minusSeconds(60)));
    }

    /** The working-tree bytes CheckedOutFiles gives for a file of a commit, or null. */
    private static byte[] checkedOutCopy(TestRepository repo, RevCommit commit, String path) throws Exception {
        return CheckedOutFiles.of(repo.repository()).read(path, blobAt(repo, commit, path));
    }

    private static ObjectId blobAt(TestRepository repo, RevCommit commit, String path) throws Exception {
        try (TreeWalk walk = TreeWalk.forPath(repo.repository(), path, commit.getTree())) {
            return walk.getObjectId(0);
        }
    }

    /** HEAD's snapshot as the CLI makes it in --since and --history mode. */
    private static CommitSnapshot headReadingCheckouts(TestRepository repo, RevCommit head) {
        CommitSnapshot snapshot = new CommitSnapshot(repo.repository(), head, "", PathFilter.defaults(),
                AbstractSnapshot.DEFAULT_MAX_FILE_BYTES);
        snapshot.readCheckedOutCopies(CheckedOutFiles.of(repo.repository()));
        return snapshot;
    }

    @Test
    void aCleanFileIsReadFromTheWorkingTreeWithTheBlobsSize() throws Exception {
        try (TestRepository repo = repository()) {
            writeOld(repo, "prisma/migrations/1_init/migration.sql", SQL);
            RevCommit head = repo.commitAll("init");
            CheckedOutFiles files = CheckedOutFiles.of(repo.repository());
            ObjectId blob = blobAt(repo, head, "prisma/migrations/1_init/migration.sql");
            assertArrayEquals(SQL.getBytes(StandardCharsets.UTF_8), files.read("prisma/migrations/1_init/migration.sql", blob));
            assertEquals(SQL.length(), files.size("prisma/migrations/1_init/migration.sql", blob));
        }
    }

    @Test
    void trustsTheIndexStatDataAsGitDoes() throws Exception {
        // Proof that the bytes come from disk: an edit that keeps the size and the time recorded in the index is
        // invisible to `git status` too, and the file's bytes are what is read.
        try (TestRepository repo = repository()) {
            writeOld(repo, "a.sql", "SELECT 1;");
            RevCommit head = repo.commitAll("init");
            Path file = repo.root().resolve("a.sql");
            FileTime recorded = Files.getLastModifiedTime(file);
            Files.writeString(file, "SELECT 2;");
            Files.setLastModifiedTime(file, recorded);
            assertEquals("SELECT 2;", new String(CheckedOutFiles.of(repo.repository()).read("a.sql",
                    blobAt(repo, head, "a.sql")), StandardCharsets.UTF_8));
        }
    }

    @Test
    void anEditedFileIsReadFromGit() throws Exception {
        try (TestRepository repo = repository()) {
            writeOld(repo, "a.sql", "SELECT 1;");
            RevCommit head = repo.commitAll("init");
            // Same size, new time: the stat data no longer matches.
            repo.write("a.sql", "SELECT 2;");
            ObjectId blob = blobAt(repo, head, "a.sql");
            assertNull(CheckedOutFiles.of(repo.repository()).read("a.sql", blob));
            // The size comes from the index's record of the blob, not from the edited file.
            assertEquals(repo.repository().open(blob).getSize(), CheckedOutFiles.of(repo.repository()).size("a.sql", blob));

            repo.write("a.sql", "SELECT 22;");
            assertEquals(repo.repository().open(blob).getSize(), CheckedOutFiles.of(repo.repository()).size("a.sql", blob));
            CommitSnapshot snapshot = headReadingCheckouts(repo, head);
            assertEquals("SELECT 1;", snapshot.read("a.sql").orElseThrow().text());
        }
    }

    @Test
    void aFileDeletedFromTheWorkingTreeIsReadFromGit() throws Exception {
        try (TestRepository repo = repository()) {
            writeOld(repo, "a.sql", "SELECT 1;");
            RevCommit head = repo.commitAll("init");
            Files.delete(repo.root().resolve("a.sql"));
            CommitSnapshot snapshot = headReadingCheckouts(repo, head);
            assertEquals("SELECT 1;", snapshot.read("a.sql").orElseThrow().text());
        }
    }

    @Test
    void aFileNoOlderThanTheIndexIsNotTrusted() throws Exception {
        try (TestRepository repo = repository()) {
            repo.write("a.sql", "SELECT 1;");
            Files.setLastModifiedTime(repo.root().resolve("a.sql"), FileTime.from(Instant.now().plusSeconds(60)));
            RevCommit head = repo.commitAll("init");
            assertNull(checkedOutCopy(repo, head, "a.sql"));
        }
    }

    /** What a.sql reads as from the working tree when committed beside a .gitattributes file (null: from git). */
    private byte[] readBesideAttributes(String attributes) throws Exception {
        try (TestRepository repo = repository()) {
            writeOld(repo, ".gitattributes", attributes);
            writeOld(repo, "a.sql", "SELECT 1;");
            return checkedOutCopy(repo, repo.commitAll("init"), "a.sql");
        }
    }

    @Test
    void attributesThatConvertOnCheckoutTurnItOff() throws Exception {
        assertNull(readBesideAttributes("# large files\n*.sql filter=lfs diff=lfs merge=lfs -text\n"));
        assertNull(readBesideAttributes("*.sql text eol=crlf\n"));
        assertNull(readBesideAttributes("*.sql working-tree-encoding=UTF-16\n"));
    }

    @Test
    void lineEndAttributesThatKeepLfLeaveItOn() throws Exception {
        assertArrayEquals("SELECT 1;".getBytes(StandardCharsets.UTF_8),
                readBesideAttributes("* text=auto eol=lf\n*.png binary\n"));
        // Read with git's syntax: a comment is not an attribute, and an unset filter converts nothing.
        assertArrayEquals("SELECT 1;".getBytes(StandardCharsets.UTF_8),
                readBesideAttributes("# no filter=lfs here, nor ident\n*.sql -filter -crlf -text\n"));
    }

    /** A step taken after a.sql is committed (JGit's calls throw checked exceptions). */
    private interface Step {
        void take(TestRepository repo) throws Exception;
    }

    /** What the committed a.sql reads as from the working tree once {@code step} is taken (null: from git). */
    private byte[] readAfter(Step step) throws Exception {
        try (TestRepository repo = repository()) {
            writeOld(repo, "a.sql", "SELECT 1;\n");
            RevCommit head = repo.commitAll("init");
            step.take(repo);
            return checkedOutCopy(repo, head, "a.sql");
        }
    }

    @Test
    void anotherVersionStagedIsNotTheCommitsBlob() throws Exception {
        assertNull(readAfter(repo -> {
            writeOld(repo, "a.sql", "SELECT 22;\n");
            repo.stage("a.sql");
        }));
    }

    @Test
    void noSizeIsGivenForABlobTheIndexDoesNotRecord() throws Exception {
        try (TestRepository repo = repository()) {
            writeOld(repo, "a.sql", "SELECT 1;");
            RevCommit head = repo.commitAll("init");
            writeOld(repo, "a.sql", "SELECT 22;");
            repo.stage("a.sql");
            assertEquals(-1, CheckedOutFiles.of(repo.repository()).size("a.sql", blobAt(repo, head, "a.sql")));
        }
    }

    @Test
    void crlfCheckoutTurnsItOff() throws Exception {
        assertNull(readAfter(repo -> {
            StoredConfig config = repo.repository().getConfig();
            config.setString("core", null, "autocrlf", "true");
            config.save();
        }));
    }

    @Test
    void aRepositoryAttributesFileThatConvertsTurnsItOff() throws Exception {
        assertNull(readAfter(repo -> {
            Path info = repo.repository().getDirectory().toPath().resolve("info/attributes");
            Files.createDirectories(info.getParent());
            Files.writeString(info, "*.sql ident\n");
        }));
    }

    @Test
    void nothingTakenLeavesItOn() throws Exception {
        assertArrayEquals("SELECT 1;\n".getBytes(StandardCharsets.UTF_8), readAfter(repo -> { }));
    }
}
