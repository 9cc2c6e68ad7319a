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
 * not yet build what PostgreSQL built (listed below, each a gap issue 21 names; when the replay learns it, the
 * entry goes).
 */
class DbCorpusTest {
    private static final Map<String, List<String>> REPLAY_GAPS = Map.of(
            // E'...' string defaults: the replay keeps the E prefix (issue 21, point 2).
            "ghostfolio/prisma/migrations", List.of(
                    "migrations/20210604190809_initial_migration/migration.sql:126:5 db-schema-drift",
                    "migrations/20210604190809_initial_migration/migration.sql:130:5 db-schema-drift",
                    "migrations/20210703194509_added_balance_to_account/migration.sql:6:12 db-schema-drift"),
            "rallly/packages/database/prisma/migrations", List.of(
                    "migrations/20220511113020_add_if_need_be/migration.sql:5:35 db-schema-drift"),
            // Index names past 63 bytes, which PostgreSQL truncates and the replay does not (issue 21, point 2).
            "inbox-zero/apps/web/prisma/migrations", List.of(
                    "migrations/20260115091612_follow_up_index/migration.sql:2:1 db-schema-drift",
                    "migrations/20260317113949_add_reply_memories/migration.sql:49:1 db-schema-drift",
                    "migrations/20260319090000_reply_memory_learning_rework/migration.sql:67:5 db-schema-drift",
                    "migrations/20260319090000_reply_memory_learning_rework/migration.sql:70:1 db-schema-drift",
                    "migrations/20260322000000_add_sender_classification/migration.sql:19:1 db-schema-drift"),
            // ADD CONSTRAINT ... PRIMARY KEY USING INDEX, which the replay does not read (issue 21, point 2).
            "langfuse/packages/shared/prisma/migrations", List.of(
                    "migrations/20251210133946_dataset_items_create_idx_id_project_id_valid_from/migration.sql:8:1"
                            + " db-schema-drift",
                    "migrations/20251211204006_dataset_items_switch_pk/migration.sql:9:5 db-schema-drift"));

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
