package dev.migrationguard.rules.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationguard.git.ScanMode;
import dev.migrationguard.rules.Finding;
import dev.migrationguard.testing.TestRepository;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationDeletedTest {
    private static final String INIT = "prisma/migrations/20240101000000_init/migration.sql";
    private static final String POSTS = "prisma/migrations/20240215000000_posts/migration.sql";
    private static final String SQL = "CREATE TABLE \"User\" (\n    \"id\" SERIAL PRIMARY KEY\n);\n";
    private static final String POSTS_SQL = "CREATE TABLE \"Post\" (\n    \"id\" SERIAL PRIMARY KEY\n);\n";

    @TempDir
    Path dir;

    private final MigrationDeleted rule = new MigrationDeleted();

    @Test
    void flagsCommitThatDeletesACommittedMigrationFolder() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.write(INIT, SQL).write(POSTS, POSTS_SQL).commitAll("init");
            RevCommit delete = repo.delete("prisma/migrations/20240215000000_posts").commitAll("drop posts migration");
            List<Finding> findings = HistoryRuleRun.findings(rule, dir, ScanMode.history());
            assertEquals(List.of(POSTS + ":1:1 migration-deleted @" + delete.abbreviate(7).name()),
                    HistoryRuleRun.run(rule, dir, ScanMode.history()));
            assertEquals(delete.name(), findings.get(0).properties().get("commit"));
            assertTrue(findings.get(0).message().contains("deletes migration 20240215000000_posts"),
                    findings.get(0).message());
        }
    }

    @Test
    void flagsCommitThatRenamesACommittedMigrationFolderAtTheNewPath() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.write(INIT, SQL).commitAll("init");
            repo.delete("prisma/migrations/20240101000000_init");
            RevCommit rename = repo.write("prisma/migrations/0_init/migration.sql", SQL).commitAll("baseline");
            List<Finding> findings = HistoryRuleRun.findings(rule, dir, ScanMode.history());
            assertEquals(List.of("prisma/migrations/0_init/migration.sql:1:1 migration-deleted @"
                    + rename.abbreviate(7).name()), HistoryRuleRun.run(rule, dir, ScanMode.history()));
            assertTrue(findings.get(0).message().contains("renames migration folder"
                    + " prisma/migrations/20240101000000_init to prisma/migrations/0_init"), findings.get(0).message());
        }
    }

    @Test
    void flagsUncommittedAndStagedDeletions() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.write(INIT, SQL).write(POSTS, POSTS_SQL).commitAll("init");
            repo.delete(POSTS).stage(POSTS);
            repo.delete(INIT);
            assertEquals(List.of(POSTS + ":1:1 migration-deleted @the staged change"),
                    HistoryRuleRun.run(rule, dir, ScanMode.staged()));
            assertEquals(List.of(INIT + ":1:1 migration-deleted @the uncommitted change",
                    POSTS + ":1:1 migration-deleted @the uncommitted change"),
                    HistoryRuleRun.run(rule, dir, ScanMode.local()));
        }
    }

    @Test
    void ignoresDeletingFilesThatAreNotMigrations() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.write(INIT, SQL)
                    .write("prisma/migrations/migration_lock.toml", "provider = \"postgresql\"")
                    .write("prisma/migrations/20240101000000_init/notes.md", "x")
                    .write("scripts/migration.sql", "SELECT 1;")
                    .commitAll("init");
            repo.delete("prisma/migrations/migration_lock.toml")
                    .delete("prisma/migrations/20240101000000_init/notes.md")
                    .delete("scripts/migration.sql")
                    .commitAll("clean up");
            assertEquals(List.of(), HistoryRuleRun.run(rule, dir, ScanMode.history()));
        }
    }

    @Test
    void ignoresMigrationAddedAndDeletedWithinThePullRequest() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.write(INIT, SQL).commitAll("init");
            repo.git().checkout().setCreateBranch(true).setName("feature").call();
            repo.write(POSTS, POSTS_SQL).commitAll("add posts");
            repo.delete("prisma/migrations/20240215000000_posts").commitAll("not yet");
            assertEquals(List.of(), HistoryRuleRun.run(rule, dir, ScanMode.since("main")));
        }
    }
}
