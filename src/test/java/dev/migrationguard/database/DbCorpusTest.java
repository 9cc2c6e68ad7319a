package dev.migrationguard.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.migrationguard.testing.Corpus;
import dev.migrationguard.testing.DbRun;
import dev.migrationguard.testing.PrismaDeploy;
import dev.migrationguard.testing.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Each real project of the corpus, deployed to a real PostgreSQL as {@code prisma migrate deploy} deploys it, is a
 * database in step with its folder: {@code migration-guard db} reports nothing on it.
 */
class DbCorpusTest {

    /** The corpus projects' migrations folders, by project. */
    static List<Path> migrationFolders() throws IOException {
        Corpus.require();
        try (Stream<Path> s = Files.walk(Corpus.ROOT)) {
            return s.filter(p -> p.getFileName().toString().equals("migration_lock.toml")).map(Path::getParent)
                    .sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyCorpusProjectDeployedToPostgresHasNoFinding() throws IOException {
        return migrationFolders().stream().map(migrations -> DynamicTest.dynamicTest(
                Corpus.ROOT.relativize(migrations).toString(), () -> {
                    String url = TestPostgres.newDatabase();
                    assertNull(PrismaDeploy.deploy(url, migrations), "a migration failed to apply");
                    DbRun run = DbRun.of(migrations.getParent(), "--url", url, "--format", "json");
                    System.out.println("CORPUS " + migrations + "\n" + String.join("\n", run.findings()) + "\n" + String.join("\n", run.messages()));
                    assertEquals(List.of(), run.messages(), run.err());
                    assertEquals(0, run.exitCode(), run.err());
                }));
    }
}
