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

class MigrationModifiedTest {
    private static final String INIT = "prisma/migrations/20240101000000_init/migration.sql";
    private static final String ORIGINAL = "-- CreateTable\nCREATE TABLE \"User\" (\n    \"id\" SERIAL PRIMARY KEY\n);\n";
    private static final String EDITED = "-- CreateTable\nCREATE TABLE \"User\" (\n    \"id\" SERIAL PRIMARY KEY,\n    \"email\" TEXT\n);\n";

    @TempDir
    Path dir;

    private final MigrationModified rule = new MigrationModified();

    @Test
    void flagsCommitThatEditsACommittedMigrationAtTheFirstChangedLine() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.write(INIT, ORIGINAL).commitAll("init");
            RevCommit edit = repo.write(INIT, EDITED).commitAll("fix init");
            List<Finding> findings = HistoryRuleRun.findings(rule, dir, ScanMode.history());
            assertEquals(List.of(INIT + ":3:1 migration-modified @" + edit.abbreviate(7).name()),
                    HistoryRuleRun.run(rule, dir, ScanMode.history()));
            Finding finding = findings.get(0);
            assertEquals(edit.name(), finding.properties().get("commit"));
            assertTrue(finding.message().startsWith("Commit " + edit.abbreviate(7).name() + " edits migration"
                    + " 20240101000000_init"), finding.message());
            assertTrue(finding.message().contains("checksum"), finding.message());
            assertTrue(finding.fix().contains("new migration"), finding.fix());
        }
    }

    @Test
    void flagsStagedEditOfACommittedMigrationInStagedMode() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.write(INIT, ORIGINAL).commitAll("init");
            repo.write(INIT, EDITED).stage(INIT);
            assertEquals(List.of(INIT + ":3:1 migration-modified @the staged change"),
                    HistoryRuleRun.run(rule, dir, ScanMode.staged()));
        }
    }

    @Test
    void ignoresTheSameEditLeftUnstagedInStagedMode() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.write(INIT, ORIGINAL).commitAll("init");
            repo.write(INIT, EDITED);
            assertEquals(List.of(), HistoryRuleRun.run(rule, dir, ScanMode.staged()));
            assertEquals(List.of(INIT + ":3:1 migration-modified @the uncommitted change"),
                    HistoryRuleRun.run(rule, dir, ScanMode.local()), "a local run sees the working tree");
        }
    }

    @Test
    void ignoresEditsOfOtherFilesBesideMigrations() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.write(INIT, ORIGINAL)
                    .write("prisma/migrations/migration_lock.toml", "provider = \"postgresql\"")
                    .write("prisma/migrations/20240101000000_init/README.md", "notes")
                    .write("prisma/seed.sql", "INSERT INTO x VALUES (1);")
                    .write("db/migration.sql", "SELECT 1;")
                    .commitAll("init");
            repo.write("prisma/migrations/migration_lock.toml", "provider = \"mysql\"")
                    .write("prisma/migrations/20240101000000_init/README.md", "more notes")
                    .write("prisma/seed.sql", "INSERT INTO x VALUES (2);")
                    .write("db/migration.sql", "SELECT 2;")
                    .commitAll("edit others");
            assertEquals(List.of(), HistoryRuleRun.run(rule, dir, ScanMode.history()));
        }
    }

    @Test
    void ignoresMigrationAddedAndEditedWithinThePullRequest() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.write("a.txt", "base").commitAll("base");
            repo.git().checkout().setCreateBranch(true).setName("feature").call();
            repo.write(INIT, ORIGINAL).commitAll("add migration");
            repo.write(INIT, EDITED).commitAll("edit it");
            assertEquals(List.of(), HistoryRuleRun.run(rule, dir, ScanMode.since("main")));
        }
    }

    @Test
    void flagsPullRequestCommitThatEditsAMigrationOfTheBaseBranchOnce() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.write(INIT, ORIGINAL).commitAll("init");
            repo.git().checkout().setCreateBranch(true).setName("feature").call();
            RevCommit edit = repo.write(INIT, EDITED).commitAll("edit it");
            repo.write("b.txt", "more").commitAll("unrelated");
            assertEquals(List.of(INIT + ":3:1 migration-modified @" + edit.abbreviate(7).name()),
                    HistoryRuleRun.run(rule, dir, ScanMode.since("main")));
        }
    }

    @Test
    void mergeCommitDoesNotRepeatAnEditItsBranchAlreadyShowed() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.write(INIT, ORIGINAL).commitAll("init");
            repo.git().checkout().setCreateBranch(true).setName("feature").call();
            RevCommit edit = repo.write(INIT, EDITED).commitAll("edit it");
            repo.git().checkout().setName("main").call();
            repo.write("main.txt", "m").commitAll("main work");
            repo.git().merge().include(edit).setMessage("merge").call();
            assertEquals(List.of(INIT + ":3:1 migration-modified @" + edit.abbreviate(7).name()),
                    HistoryRuleRun.run(rule, dir, ScanMode.history()));
        }
    }
}
