package dev.migrationguard.rules.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrationguard.rules.Finding;
import dev.migrationguard.rules.Rule;
import dev.migrationguard.testing.RuleTester;
import dev.migrationguard.workspace.WorkingTreeSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** On every sample, the findings of the schema rules are exactly the schema lines of its expected.txt. */
class SchemaDriftSampleTest {
    private static final Path SAMPLES = Path.of(System.getProperty("user.dir")).resolve("samples");
    private static final List<Rule> RULES = List.of(new SchemaDrift(), new PrismaLockMismatch(), new PrismaParseError());
    private static final Set<String> IDS = Set.of("schema-drift", "prisma-lock-mismatch", "prisma-parse-error");

    private static List<Finding> findings(Path sample) throws IOException {
        WorkingTreeSnapshot snapshot = new WorkingTreeSnapshot(sample);
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : RULES) {
            findings.addAll(RuleTester.run(rule, snapshot));
        }
        return findings;
    }

    private static List<String> expected(Path sample) throws IOException {
        return Files.readAllLines(sample.resolve("expected.txt")).stream().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .filter(line -> IDS.contains(line.substring(line.lastIndexOf(' ') + 1)))
                .sorted().toList();
    }

    @Test
    void schemaDriftSampleFlagsBothPushedModels() throws IOException {
        Path sample = SAMPLES.resolve("schema-drift");
        List<Finding> findings = findings(sample);
        assertEquals(expected(sample), RuleTester.locations(findings));
        assertEquals(List.of("model Quest has no migration creating table \"Quest\"; run `prisma migrate dev --name "
                + "add_quest`", "model Badge has no migration creating table \"Badge\"; run `prisma migrate dev "
                + "--name add_badge`"), findings.stream().map(Finding::message).toList());
    }
}
