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

class MigrationOutOfOrderTest {
    private static final String DIR = "prisma/migrations/";

    @TempDir
    Path dir;

    private final MigrationOutOfOrder rule = new MigrationOutOfOrder();

    private static String sql(String name) {
        return "-- " + name + "\nCREATE TABLE \"" + name + "\" (id int);\n";
    }

    @Test
    void flagsCommitAddingAMigrationOlderThanTheNewestCommittedOne() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.write(DIR + "20240101000000_init/migration.sql", sql("init"))
                    .write(DIR + "20240301000000_invoices/migration.sql", sql("invoices")).commitAll("init");
            RevCommit late = repo.write(DIR + "20240215000000_posts/migration.sql", sql("posts")).commitAll("posts");
            List<Finding> findings = HistoryRuleRun.findings(rule, dir, ScanMode.history());
            assertEquals(List.of(DIR + "20240215000000_posts/migration.sql:1:1 migration-out-of-order @"
                    + late.abbreviate(7).name()), HistoryRuleRun.run(rule, dir, ScanMode.history()));
            assertTrue(findings.get(0).message().contains("sorts before 20240301000000_invoices"),
                    findings.get(0).message());
            assertEquals(late.name(), findings.get(0).properties().get("commit"));
        }
    }

    @Test
    void eachCommitIsJudgedAgainstTheFoldersItsParentHadAfterAdditionsAndDeletions() throws Exception {
        // The folders are carried from commit to commit: a deleted migration no longer counts as the newest, and a
        // migration added since does.
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.write(DIR + "20240101000000_init/migration.sql", sql("init"))
                    .write(DIR + "20240301000000_invoices/migration.sql", sql("invoices")).commitAll("init");
            repo.delete(DIR + "20240301000000_invoices/migration.sql").commitAll("drop the unreleased invoices");
            repo.write(DIR + "20240215000000_posts/migration.sql", sql("posts")).commitAll("posts");
            repo.write(DIR + "20240401000000_tags/migration.sql", sql("tags")).commitAll("tags");
            RevCommit late = repo.write(DIR + "20240315000000_likes/migration.sql", sql("likes")).commitAll("likes");
            repo.write("README.md", "later").commitAll("later");
            List<Finding> findings = HistoryRuleRun.findings(rule, dir, ScanMode.history());
            assertEquals(List.of(DIR + "20240315000000_likes/migration.sql:1:1 migration-out-of-order @"
                    + late.abbreviate(7).name()), HistoryRuleRun.run(rule, dir, ScanMode.history()));
            assertTrue(findings.get(0).message().contains("sorts before 20240401000000_tags"), findings.get(0).message());
        }
    }

    @Test
    void ignoresMigrationsAddedInOrderAndTheFirstMigration() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.write(DIR + "20240101000000_init/migration.sql", sql("init")).commitAll("first");
            repo.write(DIR + "20240215000000_posts/migration.sql", sql("posts")).commitAll("second");
            repo.write(DIR + "20240301000000_invoices/migration.sql", sql("invoices")).stage(DIR + "20240301000000_invoices/migration.sql");
            assertEquals(List.of(), HistoryRuleRun.run(rule, dir, ScanMode.history()));
            assertEquals(List.of(), HistoryRuleRun.run(rule, dir, ScanMode.staged()));
        }
    }

    @Test
    void ordersEachMigrationsDirectorySeparately() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.write("apps/a/prisma/migrations/20240301000000_a/migration.sql", sql("a")).commitAll("a");
            repo.write("apps/b/prisma/migrations/20240101000000_b/migration.sql", sql("b")).commitAll("b");
            assertEquals(List.of(), HistoryRuleRun.run(rule, dir, ScanMode.history()));
        }
    }

    @Test
    void flagsUncommittedMigrationOlderThanHead() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.write(DIR + "20240301000000_invoices/migration.sql", sql("invoices")).commitAll("init");
            repo.write(DIR + "20240215000000_posts/migration.sql", sql("posts"));
            assertEquals(List.of(DIR + "20240215000000_posts/migration.sql:1:1 migration-out-of-order"
                    + " @the uncommitted change"), HistoryRuleRun.run(rule, dir, ScanMode.local()));
        }
    }

    @Test
    void pullRequestMayAddItsOwnMigrationsInAnyOrder() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.write(DIR + "20240101000000_init/migration.sql", sql("init")).commitAll("init");
            repo.git().checkout().setCreateBranch(true).setName("feature").call();
            repo.write(DIR + "20240301000000_invoices/migration.sql", sql("invoices")).commitAll("invoices");
            repo.write(DIR + "20240215000000_posts/migration.sql", sql("posts")).commitAll("posts");
            assertEquals(List.of(), HistoryRuleRun.run(rule, dir, ScanMode.since("main")));
        }
    }

    @Test
    void flagsPullRequestMigrationOlderThanOneOnTheBaseBranch() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.write(DIR + "20240301000000_invoices/migration.sql", sql("invoices")).commitAll("init");
            repo.git().checkout().setCreateBranch(true).setName("feature").call();
            RevCommit posts = repo.write(DIR + "20240215000000_posts/migration.sql", sql("posts")).commitAll("posts");
            repo.write("b.txt", "x").commitAll("more");
            assertEquals(List.of(DIR + "20240215000000_posts/migration.sql:1:1 migration-out-of-order @"
                    + posts.abbreviate(7).name()), HistoryRuleRun.run(rule, dir, ScanMode.since("main")));
        }
    }

    @Test
    void aFolderWithoutTimestampIsNotTheNewestForEveryLaterCommit() throws Exception {
        // "manual_indexes" sorts after every timestamp: migration-name-format reports it once, at that folder.
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.write(DIR + "20240101000000_init/migration.sql", sql("init"))
                    .write(DIR + "manual_indexes/migration.sql", sql("manual")).commitAll("init");
            repo.write(DIR + "20240201000000_posts/migration.sql", sql("posts")).commitAll("posts");
            repo.write(DIR + "20240301000000_tags/migration.sql", sql("tags")).commitAll("tags");
            assertEquals(List.of(), HistoryRuleRun.run(rule, dir, ScanMode.history()));
            // The timestamped migrations still order among themselves.
            RevCommit late = repo.write(DIR + "20240215000000_likes/migration.sql", sql("likes")).commitAll("likes");
            assertEquals(List.of(DIR + "20240215000000_likes/migration.sql:1:1 migration-out-of-order @"
                    + late.abbreviate(7).name()), HistoryRuleRun.run(rule, dir, ScanMode.history()));
        }
    }
}
