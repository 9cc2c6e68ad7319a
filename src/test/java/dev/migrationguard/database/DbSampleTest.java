package dev.migrationguard.database;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrationguard.rules.RulePages;
import dev.migrationguard.testing.DbRun;
import dev.migrationguard.testing.PrismaDeploy;
import dev.migrationguard.testing.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The sample of the database rules: {@code samples/database-incident/} holds the repository, and its
 * {@code database/} folder what happened to the production database. This builds that database on a real
 * PostgreSQL, step by step as the sample's README tells, and compares what {@code migration-guard db} reports with
 * the {@code db-*} lines of the sample's expected.txt ({@code SamplesTest} compares the others with {@code lint}).
 */
class DbSampleTest {
    static final Path SAMPLE = Path.of(System.getProperty("user.dir")).resolve("samples/database-incident");

    /** Whether a rule id belongs to a rule that only {@code migration-guard db} runs. */
    static boolean databaseRule(String id) {
        return RulePages.load(id).category().equals("database");
    }

    @Test
    void theIncidentDatabaseGivesExactlyTheSamplesDatabaseFindings() throws Exception {
        Path migrations = SAMPLE.resolve("prisma/migrations");
        List<String> first = Files.readAllLines(SAMPLE.resolve("database/applied-first.txt")).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        List<Path> folders = PrismaDeploy.folders(migrations);
        String url = TestPostgres.newDatabase();
        assertEquals(null, PrismaDeploy.deploy(url, folders.stream()
                .filter(f -> first.contains(f.getFileName().toString())).toList()));
        PrismaDeploy.run(url, Files.readString(SAMPLE.resolve("database/incident.sql")));
        String failed = PrismaDeploy.deploy(url, folders.stream()
                .filter(f -> !first.contains(f.getFileName().toString())).toList());
        assertEquals("20240405100000_add_quest", failed);

        DbRun run = DbRun.of(SAMPLE, "--url", url, "--format", "json");
        assertEquals(expected(), run.findings(), String.join("\n", run.messages()) + run.err());
        assertEquals(1, run.exitCode());
    }

    static List<String> expected() throws IOException {
        try (Stream<String> lines = Files.lines(SAMPLE.resolve("expected.txt"))) {
            return lines.map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .filter(l -> databaseRule(l.substring(l.indexOf(' ') + 1))).sorted().toList();
        }
    }
}
