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
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Each real project of the corpus, deployed to a real PostgreSQL as {@code prisma migrate deploy} deploys it, is a
 * database in step with its folder: {@code migration-guard db} reports nothing on it, except where the replay does
 * not yet build what PostgreSQL built (listed in REPLAY_GAPS; the E'...' defaults, 63-byte names and PRIMARY KEY
 * USING INDEX that issue 21 named are learnt).
 */
class DbCorpusTest {
    /** Corpus projects whose replay still differs from what PostgreSQL built (none left). */
    private static final Map<String, List<String>> REPLAY_GAPS = Map.of();

    /** The corpus projects' migrations folders. */
    static List<Path> migrationFolders() throws IOException {
        Corpus.require();
        try (Stream<Path> s = Files.walk(Corpus.ROOT)) {
            return s.filter(p -> p.getFileName().toString().equals("migration_lock.toml")).map(Path::getParent)
                    .sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyCorpusProjectDeployedToPostgresHasNoFinding() throws IOException {
        List<Path> folders = migrationFolders();
        assertEquals(8, folders.size(), "corpus projects");
        return folders.stream().map(migrations -> {
            String project = Corpus.ROOT.relativize(migrations).toString().replace('\\', '/');
            return DynamicTest.dynamicTest(project, () -> {
                String url = TestPostgres.newDatabase();
                assertNull(PrismaDeploy.deploy(url, migrations), "a migration failed to apply");
                DbRun run = DbRun.of(migrations.getParent(), "--url", url, "--format", "json");
                assertEquals(REPLAY_GAPS.getOrDefault(project, List.of()), run.findings(),
                        String.join("\n", run.messages()) + run.err());
            });
        });
    }
}
