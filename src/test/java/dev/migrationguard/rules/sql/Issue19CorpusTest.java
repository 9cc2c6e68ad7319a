package dev.migrationguard.rules.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrationguard.config.Config;
import dev.migrationguard.report.Baseline;
import dev.migrationguard.report.Linter;
import dev.migrationguard.report.Result;
import dev.migrationguard.rules.RuleRegistry;
import dev.migrationguard.sql.AppliedMigrations;
import dev.migrationguard.sql.MigrationSet;
import dev.migrationguard.sql.MigrationSets;
import dev.migrationguard.testing.Corpus;
import dev.migrationguard.workspace.WorkingTreeSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The lock, transaction and data-hazard rules of issue 19 on the eight real corpus projects with every migration
 * applied: what applied migrations did is history, so none of them may report anything.
 */
class Issue19CorpusTest {
    private static final Set<String> RULES = Set.of("concurrent-index-in-transaction", "drop-index-blocking",
            "missing-lock-timeout", "add-check-blocking", "add-column-rewrites-table", "transaction-nesting",
            "mysql-table-copy", "foreign-key-dropped", "data-change-in-migration", "drop-not-null",
            "prisma-warning-unaddressed", "identifier-too-long", "missing-foreign-key-index");

    @Test
    void noneFiresOnTheCorpusWhenEveryMigrationIsApplied() throws IOException {
        Corpus.require();
        List<Path> projects;
        try (Stream<Path> list = Files.list(Corpus.ROOT)) {
            projects = list.filter(Files::isDirectory).sorted().toList();
        }
        assertEquals(8, projects.size());
        for (Path project : projects) {
            WorkingTreeSnapshot snapshot = new WorkingTreeSnapshot(project);
            List<String> sqlPaths = snapshot.model(MigrationSets.KEY).stream().map(MigrationSet::migrations)
                    .flatMap(List::stream).map(m -> m.sqlPath()).toList();
            Linter linter = new Linter(RuleRegistry.all(), Config.defaults(), Baseline.none())
                    .withApplied(AppliedMigrations.of("test", sqlPaths), false);
            List<String> fired = linter.run(snapshot).results().stream().map(Result::finding)
                    .filter(f -> RULES.contains(f.ruleId()))
                    .map(f -> f.path() + ":" + f.range().startLine() + " " + f.ruleId()).toList();
            assertEquals(List.of(), fired, project.getFileName().toString());
        }
    }
}
