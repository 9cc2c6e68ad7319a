package dev.migrationguard.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationguard.testing.Corpus;
import dev.migrationguard.workspace.WorkingTreeSnapshot;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every migration.sql of the eight real corpora must be found and parse without a single problem. */
class CorpusParseTest {
    private static final Path CORPUS = Corpus.ROOT;

    @BeforeAll
    static void corpusIsBesideTheClone() {
        Corpus.require();
    }

    @Test
    void everyCorpusMigrationParsesWithoutProblems() throws IOException {
        WorkingTreeSnapshot snapshot = new WorkingTreeSnapshot(CORPUS);
        List<MigrationSet> sets = snapshot.model(MigrationSets.KEY);
        assertEquals(List.of("documenso/packages/prisma/migrations", "ghostfolio/prisma/migrations",
                        "hoppscotch/packages/hoppscotch-backend/prisma/migrations",
                        "inbox-zero/apps/web/prisma/migrations", "langfuse/packages/shared/prisma/migrations",
                        "papermark/prisma/migrations", "rallly/packages/database/prisma/migrations",
                        "umami/prisma/migrations"),
                sets.stream().map(MigrationSet::folder).toList());
        assertEquals(List.of(163, 121, 21, 240, 434, 107, 145, 19),
                sets.stream().map(s -> s.migrations().size()).toList());
        List<String> problems = new ArrayList<>();
        int statements = 0;
        for (MigrationSet set : sets) {
            assertEquals(SqlDialect.POSTGRESQL, set.dialect());
            assertEquals(DialectSource.LOCK_FILE, set.dialectSource());
            for (Migration migration : set.migrations()) {
                SqlScript script = migration.script(snapshot).orElseThrow();
                statements += script.statements().size();
                for (SqlProblem problem : script.problems()) {
                    int at = problem.span().start();
                    problems.add(migration.sqlPath() + ":" + script.file().line(at) + ":" + script.file().column(at)
                            + " " + problem.message());
                }
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(statements > 900, "the corpus holds over 900 statements, parsed " + statements);
    }
}
