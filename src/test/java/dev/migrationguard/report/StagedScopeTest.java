package dev.migrationguard.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationguard.config.Config;
import dev.migrationguard.git.ChangeSet;
import dev.migrationguard.git.GitScan;
import dev.migrationguard.git.ScanMode;
import dev.migrationguard.git.ScanOptions;
import dev.migrationguard.rules.ChangeScope;
import dev.migrationguard.rules.Finding;
import dev.migrationguard.rules.RuleRegistry;
import dev.migrationguard.testing.CliRun;
import dev.migrationguard.testing.TestRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code lint --staged} judges what the staged change touches: rules whose inputs it leaves alone are skipped,
 * per-file rules see only the changed files, and findings in untouched files are kept only for rules about the
 * repository as a whole. {@code --all-files} lints the whole index.
 */
class StagedScopeTest {
    private static final Path SAMPLES = Path.of(System.getProperty("user.dir")).resolve("samples");
    private static final String LOCK = "prisma/migrations/migration_lock.toml";
    private static final String SCHEMA = "prisma/schema.prisma";
    private static final String FIRST = "prisma/migrations/20240101000000_add_quest/migration.sql";
    private static final String SECOND = "prisma/migrations/20240201000000_drop_badge/migration.sql";

    @TempDir
    Path dir;

    /** A committed project whose first migration already drops a table (applied long ago). */
    private TestRepository project() {
        TestRepository repo = TestRepository.init(dir.resolve("repo"));
        repo.write(LOCK, "provider = \"postgresql\"\n")
                .write(SCHEMA, """
                        datasource db {
                          provider = "postgresql"
                          url      = env("DATABASE_URL")
                        }

                        model Quest {
                          id   Int    @id
                          name String
                        }
                        """)
                .write(FIRST, """
                        -- CreateTable
                        CREATE TABLE "Quest" ("id" INTEGER NOT NULL, "name" TEXT NOT NULL, CONSTRAINT "Quest_pkey" PRIMARY KEY ("id"));
                        DROP TABLE "Legacy";
                        """)
                .write("package.json", "{\n  \"name\": \"app\",\n  \"scripts\": {\n    \"build\": \"tsc\"\n  }\n}\n")
                .write("src/db.ts", "export const url = process.env.DATABASE_URL;\n")
                .commitAll("initial");
        return repo;
    }

    @Test
    void aStagedScriptChangeSkipsTheMigrationRulesAndTheOldMigrationsFindings() {
        try (TestRepository repo = project()) {
            repo.write("package.json", "{\n  \"name\": \"app\",\n  \"scripts\": {\n    \"build\": \"tsc\",\n"
                    + "    \"deploy\": \"prisma db push && node dist/server.js\"\n  }\n}\n").stage("package.json");

            CliRun staged = CliRun.of(repo.root(), "lint", "--staged", "--format", "json");
            assertEquals(1, staged.exitCode(), staged.err());
            assertTrue(staged.out().contains("\"ruleId\" : \"prisma-db-push\""), staged.out());
            assertFalse(staged.out().contains("destructive-drop"), staged.out());

            CliRun all = CliRun.of(repo.root(), "lint", "--staged", "--all-files", "--format", "json");
            assertTrue(all.out().contains("\"ruleId\" : \"prisma-db-push\""), all.out());
            // The committed migration is applied: only an audit re-judges it.
            assertFalse(all.out().contains("\"ruleId\" : \"destructive-drop\""), all.out());
            CliRun audit = CliRun.of(repo.root(), "lint", "--staged", "--all-files", "--all-migrations", "--format", "json");
            assertTrue(audit.out().contains("\"ruleId\" : \"destructive-drop\""), audit.out());
        }
    }

    @Test
    void aStagedMigrationIsJudgedAndTheCommittedOnesAreNot() throws IOException {
        try (TestRepository repo = project()) {
            repo.write(SECOND, "-- DropTable\nDROP TABLE \"Badge\";\n").stage(SECOND);

            List<String> findings = findings(repo, false);
            assertTrue(findings.contains(SECOND + ":2:1 destructive-drop"), findings.toString());
            assertFalse(findings.stream().anyMatch(f -> f.startsWith(FIRST)), findings.toString());
            assertTrue(findings(repo, true).contains(FIRST + ":3:1 destructive-drop"));
        }
    }

    @Test
    void driftInTheUntouchedSchemaIsReportedWhenAStagedMigrationCausesIt() throws IOException {
        try (TestRepository repo = project()) {
            repo.write(SECOND, "-- DropTable\nDROP TABLE \"Quest\";\n").stage(SECOND);

            List<String> findings = findings(repo, false);
            assertTrue(findings.stream().anyMatch(f -> f.startsWith(SCHEMA + ":") && f.endsWith(" schema-drift")),
                    findings.toString());
        }
    }

    @Test
    void credentialsAreLookedForInTheStagedFilesOnly() throws IOException {
        try (TestRepository repo = project()) {
            repo.write("deploy/old.env", "DATABASE_URL=postgresql://app:S3cretPassw0rd@db.example.com:5432/app\n")
                    .commitAll("an old leak");
            repo.write("deploy/new.env", "DATABASE_URL=postgresql://app:An0therSecret@db.example.com:5432/app\n")
                    .stage("deploy/new.env");

            List<String> findings = findings(repo, false);
            assertEquals(List.of("deploy/new.env:1:31 database-url-credentials"), findings);
            assertTrue(findings(repo, true).contains("deploy/old.env:1:31 database-url-credentials"));
        }
    }

    @Test
    void aPackageJsonThatMovesTheSchemaIsAMigrationInput() throws IOException {
        try (TestRepository repo = project()) {
            repo.write("package.json", "{\n  \"name\": \"app\",\n  \"prisma\": {\"schema\": \"prisma/schema.prisma\"}\n}\n")
                    .stage("package.json");

            try (GitScan scan = GitScan.run(repo.root(), new ScanMode.Staged(), ScanOptions.defaults())) {
                ChangeScope scope = new ChangeScope(staged(scan));
                assertTrue(scope.affects(new dev.migrationguard.rules.sql.DestructiveDrop().inputs()));
            }
            repo.commit("schema named in package.json");
            repo.write("package.json", "{\n  \"name\": \"app\",\n  \"prisma\": {\"schema\": \"prisma/schema.prisma\", "
                    + "\"seed\": \"node seed.js\"}\n}\n").stage("package.json");
            try (GitScan scan = GitScan.run(repo.root(), new ScanMode.Staged(), ScanOptions.defaults())) {
                // The prisma key changes, the schema it names does not.
                assertFalse(new ChangeScope(staged(scan)).affects(new dev.migrationguard.rules.sql.DestructiveDrop().inputs()));
            }
            repo.write("package.json", "{\n  \"name\": \"app\"\n}\n").stage("package.json").commit("no prisma key");
            repo.write("package.json", "{\n  \"name\": \"app\",\n  \"version\": \"2.0.0\"\n}\n").stage("package.json");
            try (GitScan scan = GitScan.run(repo.root(), new ScanMode.Staged(), ScanOptions.defaults())) {
                ChangeScope scope = new ChangeScope(staged(scan));
                assertFalse(scope.affects(new dev.migrationguard.rules.sql.DestructiveDrop().inputs()));
                assertFalse(scope.affects(new dev.migrationguard.rules.schema.SchemaDrift().inputs()));
                assertTrue(scope.affects(new dev.migrationguard.rules.commands.PrismaDbPush().inputs()));
            }
        }
    }

    @Test
    void aStrayFileBesideALockFileIsAMigrationInput() throws IOException {
        try (TestRepository repo = TestRepository.init(dir.resolve("custom"))) {
            repo.write("db/history/migration_lock.toml", "provider = \"postgresql\"\n")
                    .write("db/history/20240101000000_init/migration.sql", "CREATE TABLE \"A\" (\"id\" INTEGER);\n")
                    .commitAll("initial");
            repo.write("db/history/20240101000000_init/notes.txt", "applied by hand\n").stage("db/history/20240101000000_init/notes.txt");
            try (GitScan scan = GitScan.run(repo.root(), new ScanMode.Staged(), ScanOptions.defaults())) {
                ChangeScope scope = new ChangeScope(staged(scan));
                assertTrue(scope.affects(new dev.migrationguard.rules.migrations.MigrationStrayFile().inputs()));
            }
        }
    }

    @Test
    void allFilesGoesWithStaged() {
        try (TestRepository repo = project()) {
            CliRun run = CliRun.of(repo.root(), "lint", "--all-files");
            assertEquals(2, run.exitCode());
            assertTrue(run.err().contains("--all-files goes with --staged"), run.err());
        }
    }

    static Stream<String> samples() throws IOException {
        try (Stream<Path> list = Files.list(SAMPLES)) {
            return list.filter(p -> Files.isRegularFile(p.resolve("expected.txt")))
                    .filter(p -> !Files.isDirectory(p.resolve("history")))
                    .filter(p -> !Files.exists(p.resolve(".migration-guard.yml")))
                    .map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    /**
     * The scoped run is a faithful part of the whole: for a one-file change to each file of a sample, it reports
     * nothing the whole run does not, and everything the whole run reports in that file.
     */
    @ParameterizedTest
    @MethodSource("samples")
    void aOneFileChangeReportsEveryFindingOfThatFileAndNothingElseNew(String sample) throws IOException {
        Path source = SAMPLES.resolve(sample);
        List<String> files;
        try (Stream<Path> walk = Files.walk(source)) {
            files = walk.filter(Files::isRegularFile).map(p -> source.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.equals("expected.txt")).sorted().toList();
        }
        try (TestRepository repo = TestRepository.init(dir.resolve(sample))) {
            for (String file : files) {
                repo.write(file, Files.readString(source.resolve(file)));
            }
            repo.stageAll();
            // Nothing committed yet: every file is added, so the scoped run is the whole run.
            assertEquals(findings(repo, true), findings(repo, false), sample + ": first commit");
            repo.commit("sample");

            int checked = 0;
            for (String file : files) {
                String original = Files.readString(source.resolve(file));
                repo.write(file, original + "\n").stage(file);
                List<String> whole = findings(repo, true);
                List<String> scoped = findings(repo, false);
                for (String f : scoped) {
                    assertTrue(whole.contains(f), sample + ", change to " + file + ": " + f + " is not in the whole run");
                }
                for (String f : whole) {
                    if (f.startsWith(file + ":")) {
                        assertTrue(scoped.contains(f), sample + ", change to " + file + ": " + f + " is missing");
                        checked++;
                    }
                }
                repo.write(file, original).stage(file);
            }
            assertTrue(checked > 0 || sample.equals("prisma-clean"), sample + ": no finding was checked");
        }
    }

    private static ChangeSet staged(GitScan scan) {
        return scan.changes().stream().filter(c -> c.kind() == ChangeSet.Kind.STAGED).findFirst().orElseThrow();
    }

    /** The findings of a staged run, scoped to the change or over all files. */
    private static List<String> findings(TestRepository repo, boolean allFiles) throws IOException {
        try (GitScan scan = GitScan.run(repo.root(), new ScanMode.Staged(), ScanOptions.defaults())) {
            Optional<ChangeScope> scope = allFiles ? Optional.empty()
                    : scan.changes().stream().filter(c -> c.kind() == ChangeSet.Kind.STAGED).findFirst().map(ChangeScope::new);
            Report report = new Linter(RuleRegistry.all(), Config.defaults(), Baseline.none())
                    .run(scan.snapshot(), scan.changes(), scope);
            List<String> out = new ArrayList<>();
            for (Result r : report.results()) {
                Finding f = r.finding();
                out.add(f.path() + ":" + f.range().startLine() + ":" + f.range().startColumn() + " " + f.ruleId());
            }
            return out.stream().sorted().toList();
        }
    }
}
