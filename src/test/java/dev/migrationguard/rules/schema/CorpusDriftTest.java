package dev.migrationguard.rules.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationguard.rules.Finding;
import dev.migrationguard.rules.Rule;
import dev.migrationguard.schema.Difference;
import dev.migrationguard.schema.DriftReports;
import dev.migrationguard.testing.Corpus;
import dev.migrationguard.testing.RuleTester;
import dev.migrationguard.workspace.Snapshot;
import dev.migrationguard.workspace.WorkingTreeSnapshot;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Replaying the real corpora's migrations must reproduce their schema.prisma, apart from documented real drift. */
class CorpusDriftTest {
    private static final Path CORPUS = Corpus.ROOT;

    @BeforeAll
    static void corpusIsBesideTheClone() {
        Corpus.require();
    }

    private static List<String> findings(Snapshot snapshot) {
        List<String> out = new ArrayList<>();
        for (Rule rule : List.of(new SchemaDrift(), new PrismaLockMismatch(), new PrismaParseError())) {
            for (Finding f : RuleTester.run(rule, snapshot)) {
                out.add(f.path() + ":" + f.range().startLine() + ":" + f.range().startColumn() + " " + f.ruleId()
                        + " " + f.severity().label() + " " + f.message());
            }
        }
        return out;
    }

    @Test
    void documensoMigrationsReproduceItsSchemaExactly() throws IOException {
        Snapshot snapshot = new WorkingTreeSnapshot(CORPUS.resolve("documenso"));
        List<DriftReports.Report> reports = snapshot.model(DriftReports.KEY);
        assertEquals(1, reports.size());
        assertEquals(164 - 1, reports.get(0).migrations().migrations().size());
        assertEquals(List.of(), findings(snapshot));
        // Hand-written SQL the replay reads as opaque: the id-generator functions and nothing else (the data-seeding
        // DO block is read as the INSERT it runs); none of them names an object whose shape differs.
        assertEquals(List.of("DROP FUNCTION", "CREATE FUNCTION", "DROP FUNCTION", "CREATE FUNCTION",
                        "CREATE FUNCTION", "CREATE FUNCTION"),
                reports.get(0).replay().unmodelled().stream().map(u -> u.description()).toList());
        assertTrue(reports.get(0).replay().confidence() > 0.99);
    }

    @Test
    void umamiMigrationsReproduceItsSchemaExceptOneMissingIndex() throws IOException {
        Snapshot snapshot = new WorkingTreeSnapshot(CORPUS.resolve("umami"));
        List<DriftReports.Report> reports = snapshot.model(DriftReports.KEY);
        assertEquals(1, reports.size());
        assertEquals(19, reports.get(0).migrations().migrations().size());
        assertEquals(List.of(), reports.get(0).replay().unmodelled());
        // Real drift: model SessionReplay declares @@index([visitId]), but 19_add_session_replay creates every
        // other session_replay index and not "session_replay_visit_id_idx"; `prisma migrate dev` would add it.
        assertEquals(List.of(Difference.Kind.INDEX_MISSING),
                reports.get(0).differences().stream().map(Difference::kind).toList());
        assertEquals(List.of("prisma/schema.prisma:378:3 schema-drift error index \"session_replay_visit_id_idx\" on "
                        + "\"session_replay\"(visit_id) declared by model SessionReplay has no migration creating it"),
                findings(snapshot));
    }

    @Test
    void hoppscotchsHandWrittenIndexesAreErrorsThatNoTriggerExplains() throws IOException {
        // The four indexes Prisma's diff would drop; the CREATE TRIGGER statements on the same tables name no index.
        List<Finding> findings = RuleTester.run(new SchemaDrift(), new WorkingTreeSnapshot(CORPUS.resolve("hoppscotch")));
        assertEquals(List.of("error TeamCollection_title_trgm_idx", "error TeamRequest_title_trgm_idx",
                        "error idx_mock_examples_team_requests_gin", "error idx_mock_examples_user_requests_gin"),
                findings.stream().map(f -> f.severity().label() + " " + f.properties().get("subject")
                        .replace("index ", "")).sorted().toList());
    }
}
