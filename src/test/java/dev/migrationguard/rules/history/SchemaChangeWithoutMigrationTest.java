package dev.migrationguard.rules.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationguard.git.ScanMode;
import dev.migrationguard.rules.Finding;
import dev.migrationguard.testing.TestRepository;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaChangeWithoutMigrationTest {
    private static final String SCHEMA = "prisma/schema.prisma";
    private static final String HEADER = """
            generator client {
              provider = "prisma-client-js"
            }

            datasource db {
              provider = "postgresql"
              url      = env("DATABASE_URL")
            }
            """;
    private static final String USER = """

            model User {
              id    Int    @id @default(autoincrement())
              email String @unique
            }
            """;
    private static final String THREE_MODELS = """

            model Post {
              id       Int @id
              authorId Int
            }

            model Comment {
              id Int @id
            }

            model Tag {
              id Int @id
            }
            """;
    private static final String MIGRATION = "prisma/migrations/20240101000000_init/migration.sql";
    private static final String NEXT = "prisma/migrations/20240201000000_posts/migration.sql";

    @TempDir
    Path dir;

    private final SchemaChangeWithoutMigration rule = new SchemaChangeWithoutMigration();

    private TestRepository initial() {
        TestRepository repo = TestRepository.init(dir);
        repo.write(SCHEMA, HEADER + USER).write(MIGRATION, "CREATE TABLE \"User\" (id serial);\n").commitAll("init");
        return repo;
    }

    @Test
    void flagsTheIncidentCommitAddingThreeModelsWithoutAMigrationInHistoryMode() throws Exception {
        try (TestRepository repo = initial()) {
            RevCommit incident = repo.write(SCHEMA, HEADER + USER + THREE_MODELS).commitAll("add posts, comments, tags");
            repo.write("README.md", "later").commitAll("later");
            int postLine = (HEADER + USER).split("\n", -1).length + 1;
            assertEquals(List.of(SCHEMA + ":" + postLine + ":7 schema-change-without-migration @"
                    + incident.abbreviate(7).name()), HistoryRuleRun.run(rule, dir, ScanMode.history()));
            Finding finding = HistoryRuleRun.findings(rule, dir, ScanMode.history()).get(0);
            assertEquals(incident.name(), finding.properties().get("commit"));
            assertTrue(finding.message().startsWith("Commit " + incident.abbreviate(7).name()
                    + " changes the data model in prisma/schema.prisma (adds model Post, model Comment and model Tag)"
                    + " but adds no migration"), finding.message());
        }
    }

    @Test
    void aLongHistoryIsJudgedCommitByCommitAsAShortOneIs() throws Exception {
        // Over 64 change sets the rule judges commits on several threads: each finding must still name its own
        // commit, in the order of the history.
        try (TestRepository repo = initial()) {
            StringBuilder models = new StringBuilder();
            List<String> expected = new ArrayList<>();
            for (int i = 1; i <= 80; i++) {
                models.append("\nmodel M").append(i).append(" {\n  id Int @id\n}\n");
                repo.write(SCHEMA, HEADER + USER + models);
                if (i % 10 == 0) {
                    int line = (HEADER + USER + models).split("\n", -1).length - 3;
                    RevCommit flagged = repo.commitAll("model " + i + " without a migration");
                    expected.add(SCHEMA + ":" + line + ":7 schema-change-without-migration @" + flagged.abbreviate(7).name());
                } else {
                    repo.write(String.format("prisma/migrations/2024%02d%02d000000_m%d/migration.sql", 3 + i / 28,
                            1 + i % 28, i), "CREATE TABLE \"M" + i + "\" (id int);\n").commitAll("model " + i);
                }
            }
            List<Finding> findings = HistoryRuleRun.findings(rule, dir, ScanMode.history());
            assertEquals(expected.size(), findings.size());
            assertEquals(expected.stream().sorted().toList(), HistoryRuleRun.run(rule, dir, ScanMode.history()));
            for (int i = 0; i < findings.size(); i++) {
                assertTrue(findings.get(i).message().contains("model M" + (10 * (i + 1))), findings.get(i).message());
            }
        }
    }

    @Test
    void flagsTheIncidentCommitInSinceMode() throws Exception {
        try (TestRepository repo = initial()) {
            repo.git().checkout().setCreateBranch(true).setName("feature").call();
            RevCommit incident = repo.write(SCHEMA, HEADER + USER + THREE_MODELS).commitAll("add posts, comments, tags");
            repo.write("src/app.ts", "x").commitAll("use them");
            int postLine = (HEADER + USER).split("\n", -1).length + 1;
            assertEquals(List.of(SCHEMA + ":" + postLine + ":7 schema-change-without-migration @"
                    + incident.abbreviate(7).name()), HistoryRuleRun.run(rule, dir, ScanMode.since("main")));
        }
    }

    @Test
    void ignoresSchemaChangeCommittedWithItsMigration() throws Exception {
        try (TestRepository repo = initial()) {
            repo.write(SCHEMA, HEADER + USER + THREE_MODELS).write(NEXT, "CREATE TABLE \"Post\" (id int);\n")
                    .commitAll("posts with migration");
            assertEquals(List.of(), HistoryRuleRun.run(rule, dir, ScanMode.history()));
        }
    }

    @Test
    void ignoresCommentsFormattingMemberOrderAndTheGeneratorBlock() throws Exception {
        try (TestRepository repo = initial()) {
            String reformatted = """
                    // The client.
                    generator client {
                      provider        = "prisma-client-js"
                      previewFeatures = ["fullTextSearch"]
                    }

                    datasource db {
                      provider = "postgresql"
                      url      = env("DATABASE_URL")
                    }

                    /// A person who signs in.
                    model User {
                      email String @unique // their login
                      id Int @default(autoincrement()) @id
                    }
                    """;
            repo.write(SCHEMA, reformatted).commitAll("format and comment");
            assertEquals(List.of(), HistoryRuleRun.run(rule, dir, ScanMode.history()));
        }
    }

    @Test
    void flagsAChangedAttributeAtItsField() throws Exception {
        try (TestRepository repo = initial()) {
            RevCommit c = repo.write(SCHEMA, HEADER + USER.replace("String @unique", "String")).commitAll("drop unique");
            int emailLine = HEADER.split("\n", -1).length + 3;
            assertEquals(List.of(SCHEMA + ":" + emailLine + ":3 schema-change-without-migration @"
                    + c.abbreviate(7).name()), HistoryRuleRun.run(rule, dir, ScanMode.history()));
        }
    }

    @Test
    void flagsARemovedModelWhereItWas() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.write(SCHEMA, HEADER + USER + THREE_MODELS).write(MIGRATION, "-- init\n").commitAll("init");
            RevCommit c = repo.write(SCHEMA, HEADER + USER + THREE_MODELS.replace("""

                    model Comment {
                      id Int @id
                    }
                    """, "")).commitAll("drop comments");
            List<Finding> findings = HistoryRuleRun.findings(rule, dir, ScanMode.history());
            int tagLine = (HEADER + USER).split("\n", -1).length + 6;
            assertEquals(List.of(SCHEMA + ":" + tagLine + ":1 schema-change-without-migration @"
                    + c.abbreviate(7).name()), HistoryRuleRun.run(rule, dir, ScanMode.history()));
            assertTrue(findings.get(0).message().contains("(removes model Comment)"), findings.get(0).message());
        }
    }

    @Test
    void flagsAnAddedEnumValue() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            String roles = "\nenum Role {\n  USER\n  ADMIN\n}\n";
            repo.write(SCHEMA, HEADER + roles).write(MIGRATION, "-- init\n").commitAll("init");
            RevCommit c = repo.write(SCHEMA, HEADER + roles.replace("ADMIN", "ADMIN\n  OWNER")).commitAll("owner");
            int ownerLine = HEADER.split("\n", -1).length + 4;
            assertEquals(List.of(SCHEMA + ":" + ownerLine + ":3 schema-change-without-migration @"
                    + c.abbreviate(7).name()), HistoryRuleRun.run(rule, dir, ScanMode.history()));
        }
    }

    @Test
    void laterCommitOfTheSameRangeThatAddsTheMigrationSettlesIt() throws Exception {
        try (TestRepository repo = initial()) {
            repo.git().checkout().setCreateBranch(true).setName("feature").call();
            repo.write(SCHEMA, HEADER + USER + THREE_MODELS).commitAll("schema first");
            repo.write(NEXT, "CREATE TABLE \"Post\" (id int);\n").commitAll("then the migration");
            assertEquals(List.of(), HistoryRuleRun.run(rule, dir, ScanMode.since("main")));
            assertEquals(1, HistoryRuleRun.run(rule, dir, ScanMode.history()).size(),
                    "an audit of history still shows the commit without its migration");
        }
    }

    @Test
    void migrationAddedBeforeTheSchemaChangeDoesNotSettleIt() throws Exception {
        try (TestRepository repo = initial()) {
            repo.git().checkout().setCreateBranch(true).setName("feature").call();
            repo.write(NEXT, "CREATE TABLE \"Post\" (id int);\n").write(SCHEMA, HEADER + USER + THREE_MODELS)
                    .commitAll("posts with migration");
            RevCommit late = repo.write(SCHEMA, HEADER + USER + THREE_MODELS.replace("authorId Int", "authorId Int?"))
                    .commitAll("optional author");
            List<String> found = HistoryRuleRun.run(rule, dir, ScanMode.since("main"));
            assertEquals(1, found.size(), found::toString);
            assertTrue(found.get(0).endsWith("@" + late.abbreviate(7).name()), found::toString);
        }
    }

    @Test
    void stagedModeCountsOnlyAStagedMigration() throws Exception {
        try (TestRepository repo = initial()) {
            repo.write(SCHEMA, HEADER + USER + THREE_MODELS).stage(SCHEMA);
            repo.write(NEXT, "CREATE TABLE \"Post\" (id int);\n");
            int postLine = (HEADER + USER).split("\n", -1).length + 1;
            assertEquals(List.of(SCHEMA + ":" + postLine + ":7 schema-change-without-migration @the staged change"),
                    HistoryRuleRun.run(rule, dir, ScanMode.staged()));
            assertEquals(List.of(), HistoryRuleRun.run(rule, dir, ScanMode.local()), "on disk the migration is there");
            repo.stage(NEXT);
            assertEquals(List.of(), HistoryRuleRun.run(rule, dir, ScanMode.staged()));
        }
    }

    @Test
    void ignoresAModelMovedBetweenFilesOfASchemaFolder() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.write("prisma/schema/main.prisma", HEADER + USER)
                    .write("prisma/schema/blog.prisma", THREE_MODELS)
                    .write(MIGRATION, "-- init\n").commitAll("init");
            repo.write("prisma/schema/main.prisma", HEADER).write("prisma/schema/user.prisma", USER).commitAll("split");
            assertEquals(List.of(), HistoryRuleRun.run(rule, dir, ScanMode.history()));
        }
    }

    @Test
    void ignoresASchemaThatDoesNotParse() throws Exception {
        try (TestRepository repo = initial()) {
            repo.write(SCHEMA, HEADER + USER + "\nmodel Broken {\n  id Int @id\n").commitAll("half written");
            assertEquals(List.of(), HistoryRuleRun.run(rule, dir, ScanMode.history()));
        }
    }

    @Test
    void inAMonorepoAMigrationOfAnotherAppDoesNotSettleASchemaChange() throws Exception {
        String api = "apps/api/prisma/schema.prisma";
        String worker = "apps/worker/prisma/schema.prisma";
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.write(api, HEADER + USER).write("apps/api/prisma/migrations/20240101000000_init/migration.sql", "CREATE TABLE \"User\" (id serial);\n")
                    .write(worker, HEADER + "\nmodel Job {\n  id Int @id\n}\n")
                    .write("apps/worker/prisma/migrations/20240101000000_init/migration.sql", "CREATE TABLE \"Job\" (id int);\n")
                    .commitAll("two apps");
            RevCommit commit = repo.write(api, HEADER + USER + THREE_MODELS)
                    .write("apps/worker/prisma/migrations/20240301000000_add_job_state/migration.sql", "ALTER TABLE \"Job\" ADD COLUMN state text;\n")
                    .commitAll("api models, worker migration");
            int postLine = (HEADER + USER).split("\n", -1).length + 1;
            assertEquals(List.of(api + ":" + postLine + ":7 schema-change-without-migration @" + commit.abbreviate(7).name()),
                    HistoryRuleRun.run(rule, dir, ScanMode.history()));
        }
    }

    @Test
    void aMigrationBesideTheChangedSchemaSettlesItInAMonorepo() throws Exception {
        String api = "apps/api/prisma/schema.prisma";
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.write(api, HEADER + USER).write("apps/api/prisma/migrations/20240101000000_init/migration.sql", "CREATE TABLE \"User\" (id serial);\n")
                    .write("apps/worker/prisma/migrations/20240101000000_init/migration.sql", "CREATE TABLE \"Job\" (id int);\n")
                    .commitAll("two apps");
            repo.write(api, HEADER + USER + THREE_MODELS)
                    .write("apps/api/prisma/migrations/20240301000000_add_posts/migration.sql", "CREATE TABLE \"Post\" (id int);\n")
                    .commitAll("api models with their migration");
            assertEquals(List.of(), HistoryRuleRun.run(rule, dir, ScanMode.history()));
        }
    }

    @Test
    void migrationsKeptElsewhereStillSettleTheChange() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.write("schema/app.prisma", HEADER + USER).write("db/migrations/20240101000000_init/migration.sql", "CREATE TABLE \"User\" (id serial);\n")
                    .commitAll("init");
            repo.write("schema/app.prisma", HEADER + USER + THREE_MODELS)
                    .write("db/migrations/20240301000000_add_posts/migration.sql", "CREATE TABLE \"Post\" (id int);\n")
                    .commitAll("models with their migration, kept where prisma.config.ts says");
            assertEquals(List.of(), HistoryRuleRun.run(rule, dir, ScanMode.history()));
        }
    }
}
