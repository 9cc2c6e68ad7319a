package dev.migrationguard.rules.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationguard.git.ScanMode;
import dev.migrationguard.rules.Finding;
import dev.migrationguard.testing.CliRun;
import dev.migrationguard.testing.TestRepository;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.MergeResult;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsInHistoryTest {
    private static final String SECRET = "Wq9-live-7714";
    private static final String ENV = ".env.production";
    private static final String LEAK = "DATABASE_URL=\"postgresql://app:" + SECRET + "@db.internal:5432/app\"\n";

    @TempDir
    Path dir;

    private final CredentialsInHistory rule = new CredentialsInHistory();

    @Test
    void flagsAPasswordACommitWroteAndALaterCommitRemoved() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.write("README.md", "# app\n").commitAll("init");
            RevCommit leak = repo.write(ENV, LEAK).commitAll("add production env");
            repo.delete(ENV).commitAll("remove the env file again");
            List<Finding> findings = HistoryRuleRun.findings(rule, dir, ScanMode.history());
            assertEquals(List.of(ENV + ":1:32 credentials-in-history @" + leak.abbreviate(7).name()),
                    HistoryRuleRun.run(rule, dir, ScanMode.history()));
            Finding f = findings.get(0);
            assertEquals(leak.name(), f.properties().get("commit"));
            assertTrue(f.message().startsWith("Commit " + leak.abbreviate(7).name() + " wrote a database URL with an"
                    + " inline password: postgresql://app:****@db.internal:5432/app"), f.message());
            assertFalse(f.message().contains(SECRET), f.message());
            assertTrue(f.fix().startsWith("Rotate this password"), f.fix());
            assertEquals(1, f.redactions().size());
        }
    }

    @Test
    void staysSilentOnPlaceholdersLocalDefaultsAndAllowedPasswords() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.write("README.md", "# app\n").commitAll("init");
            repo.write("docs/setup.md", """
                    DATABASE_URL="postgresql://user:<password>@db.example.com/app"
                    DATABASE_URL="postgresql://postgres:postgres@localhost:5432/app"
                    DATABASE_URL="postgresql://app:${DB_PASSWORD}@db.internal/app"
                    """).commitAll("docs");
            repo.delete("docs/setup.md").commitAll("drop docs");
            assertEquals(List.of(), HistoryRuleRun.run(rule, dir, ScanMode.history()));
        }
    }

    @Test
    void leavesAPasswordStillInTheFilesToDatabaseUrlCredentials() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.write("README.md", "# app\n").commitAll("init");
            repo.write(ENV, LEAK).commitAll("add production env");
            repo.write("README.md", "# app\n\nDeploy with the env file.\n").commitAll("docs");
            assertEquals(List.of(), HistoryRuleRun.run(rule, dir, ScanMode.history()));
            CliRun run = CliRun.of(dir, "lint", "--history", "--format", "json");
            assertTrue(run.out().contains("\"database-url-credentials\""), run.out());
            assertFalse(run.out().contains("\"credentials-in-history\""), run.out());
        }
    }

    @Test
    void reportsAPasswordMergedFromABranchOnceAtTheCommitThatWroteIt() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.write("README.md", "# app\n").commitAll("init");
            repo.git().checkout().setCreateBranch(true).setName("feature").call();
            RevCommit leak = repo.write(ENV, LEAK).commitAll("add production env");
            repo.git().checkout().setName("main").call();
            repo.write("CHANGELOG.md", "- work\n").commitAll("main moves on");
            MergeResult merged = repo.git().merge().include(leak).setCommit(true).setMessage("merge feature").call();
            assertTrue(merged.getMergeStatus().isSuccessful(), merged.toString());
            ObjectId merge = merged.getNewHead();
            repo.delete(ENV).commitAll("remove the env file");
            assertEquals(List.of(ENV + ":1:32 credentials-in-history @" + leak.abbreviate(7).name()),
                    HistoryRuleRun.run(rule, dir, ScanMode.history()));
            assertFalse(merge.equals(leak));
        }
    }

    @Test
    void judgesAPullRequestsCommitsButNeitherTheWorkingTreeNorTheIndex() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            RevCommit base = repo.write("README.md", "# app\n").commitAll("init");
            RevCommit leak = repo.write(ENV, LEAK).commitAll("add production env");
            repo.delete(ENV).commitAll("oops, remove it");
            // Added and removed inside the pull request: pushed all the same.
            assertEquals(List.of(ENV + ":1:32 credentials-in-history @" + leak.abbreviate(7).name()),
                    HistoryRuleRun.run(rule, dir, ScanMode.since(base.name())));
            repo.write("notes.txt", LEAK).stage("notes.txt");
            repo.delete("notes.txt");
            assertEquals(List.of(), HistoryRuleRun.run(rule, dir, ScanMode.staged()));
            assertEquals(List.of(), HistoryRuleRun.run(rule, dir, ScanMode.local()));
        }
    }

    @Test
    void neverPrintsThePasswordInAnyFormat() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.write("README.md", "# app\n").commitAll("init");
            repo.write(ENV, LEAK).commitAll("add production env");
            repo.delete(ENV).commitAll("remove it");
            for (String format : List.of("text", "json", "sarif", "github")) {
                CliRun run = CliRun.of(dir, "lint", "--history", "--format", format);
                assertEquals(1, run.exitCode(), format + ": " + run.err());
                assertTrue(run.out().contains("credentials-in-history"), format + ": " + run.out());
                assertFalse(run.out().contains(SECRET), format + ": " + run.out());
                assertFalse(run.err().contains(SECRET), format + ": " + run.err());
            }
        }
    }
}
