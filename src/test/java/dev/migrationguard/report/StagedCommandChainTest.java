package dev.migrationguard.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrationguard.testing.CliRun;
import dev.migrationguard.testing.TestRepository;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hook judges the commit: a command rule reports when the change touches the command's file or its chain. */
class StagedCommandChainTest {
    private static final String PACKAGE = """
            {
              "name": "app",
              "scripts": {
                "boot": "npm run db:sync && node server.js",
                "db:sync": "prisma db push"
              }
            }
            """;
    private static final String WORKFLOW = """
            on: push
            jobs:
              release:
                runs-on: ubuntu-latest
                steps:
                  - run: npm ci
                  - run: npm run boot
            """;

    @TempDir
    Path dir;

    private static List<String> rules(CliRun run) {
        return run.out().lines().filter(l -> l.matches("^\\S+:\\d+:\\d+  .*")).map(l -> {
            String[] parts = l.split("  ");
            return parts[0] + " " + parts[parts.length - 1];
        }).toList();
    }

    private TestRepository committed() {
        TestRepository repo = TestRepository.init(dir);
        repo.write("package.json", PACKAGE).write(".github/workflows/release.yml", WORKFLOW).commitAll("app");
        return repo;
    }

    @Test
    void aCommitThatOnlyAddsAnUnrelatedScriptIsNotHeldUpByOldCommands() {
        try (TestRepository repo = committed()) {
            repo.write("scripts/hello.sh", "#!/bin/sh\necho hello\n").stage("scripts/hello.sh");
            CliRun run = CliRun.of(dir, "lint", "--staged");
            assertEquals(List.of(), rules(run), run.out());
            assertEquals(0, run.exitCode(), run.out());
            // The whole repository still has it.
            assertEquals(List.of("package.json:5:24 prisma-db-push"), rules(CliRun.of(dir, "lint", "--staged", "--all-files")));
        }
    }

    @Test
    void aCommitThatEditsTheFileHoldingTheCommandIsJudged() {
        try (TestRepository repo = committed()) {
            repo.write("package.json", PACKAGE.replace("\"name\": \"app\"", "\"name\": \"app2\"")).stage("package.json");
            CliRun run = CliRun.of(dir, "lint", "--staged");
            assertEquals(List.of("package.json:5:24 prisma-db-push"), rules(run), run.out());
            assertEquals(1, run.exitCode());
        }
    }

    @Test
    void aCommitThatEditsAFileOfTheChainIsJudged() {
        try (TestRepository repo = committed()) {
            repo.write(".github/workflows/release.yml", WORKFLOW.replace("npm ci", "npm ci --ignore-scripts"))
                    .stage(".github/workflows/release.yml");
            CliRun run = CliRun.of(dir, "lint", "--staged");
            assertEquals(List.of("package.json:5:24 prisma-db-push"), rules(run), run.out());
        }
    }
}
