package dev.migrationguard.rules.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrationguard.rules.Finding;
import dev.migrationguard.schema.DriftReports;
import dev.migrationguard.testing.Corpus;
import dev.migrationguard.testing.PrismaDiffComparison;
import dev.migrationguard.testing.RuleTester;
import dev.migrationguard.workspace.Snapshot;
import dev.migrationguard.workspace.WorkingTreeSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Prisma's own verdict is the reference: for every corpus folder with a PRISMA-DIFF.sql (what
 * {@code prisma migrate diff --from-migrations ... --to-schema ...} prints for it), the whole set of
 * {@code schema-drift} findings names exactly the elements its statements name, each where it belongs (the schema
 * element, or the migration for an object only the migrations have), and nothing else.
 */
class PrismaDiffCorpusTest {

    static List<Path> foldersWithPrismaDiff() throws IOException {
        Corpus.require();
        try (Stream<Path> s = Files.list(Corpus.ROOT)) {
            return s.filter(p -> Files.isRegularFile(p.resolve("PRISMA-DIFF.sql"))).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> driftFindingsNameWhatPrismasDiffNames() throws IOException {
        List<Path> folders = foldersWithPrismaDiff();
        assertEquals(6, folders.size(), "corpus folders with PRISMA-DIFF.sql");
        return folders.stream().map(folder -> DynamicTest.dynamicTest(folder.getFileName().toString(), () -> {
            Snapshot snapshot = new WorkingTreeSnapshot(folder);
            List<DriftReports.Report> reports = snapshot.model(DriftReports.KEY);
            assertEquals(1, reports.size(), "drift reports (one schema with its migrations)");
            List<Finding> findings = RuleTester.run(new SchemaDrift(), snapshot);
            List<String> prisma = PrismaDiffComparison.prisma(Files.readString(folder.resolve("PRISMA-DIFF.sql")),
                    Optional.of(reports.get(0).replay().model()));
            List<String> ours = PrismaDiffComparison.ours(findings);
            List<String> disagreements = new java.util.ArrayList<>();
            PrismaDiffComparison.minus(ours, prisma).forEach(l -> disagreements.add("+" + l));
            PrismaDiffComparison.minus(prisma, ours).forEach(l -> disagreements.add("-" + l));
            assertEquals(List.of(), disagreements,
                    () -> "Prisma only: " + PrismaDiffComparison.minus(prisma, ours)
                    + "\nours only: " + PrismaDiffComparison.minus(ours, prisma) + "\nfindings:\n"
                    + String.join("\n", findings.stream().map(f -> f.path() + ":" + f.range().startLine() + " "
                    + f.severity().label() + " " + f.message()).toList()));
        }));
    }
}
