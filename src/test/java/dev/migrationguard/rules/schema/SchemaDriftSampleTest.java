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
import org.junit.jupiter.api.Test;

/** samples/schema-drift: the findings of the schema rules are exactly the lines of its expected.txt. */
class SchemaDriftSampleTest {
    private static final Path SAMPLE = Path.of(System.getProperty("user.dir")).resolve("samples/schema-drift");
    private static final List<Rule> RULES = List.of(new SchemaDrift(), new PrismaLockMismatch(), new PrismaParseError());

    @Test
    void schemaRulesFindExactlyTheExpectedLines() throws IOException {
        Set<String> ids = Set.of("schema-drift", "prisma-lock-mismatch", "prisma-parse-error");
        List<String> expected = Files.readAllLines(SAMPLE.resolve("expected.txt")).stream()
                .filter(line -> !line.isBlank() && ids.contains(line.substring(line.lastIndexOf(' ') + 1)))
                .sorted().toList();
        WorkingTreeSnapshot snapshot = new WorkingTreeSnapshot(SAMPLE);
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : RULES) {
            findings.addAll(RuleTester.run(rule, snapshot));
        }
        assertEquals(expected, RuleTester.locations(findings));
        assertEquals(List.of("model Quest has no migration creating table \"Quest\"; run `prisma migrate dev --name "
                + "add_quest`", "model Badge has no migration creating table \"Badge\"; run `prisma migrate dev "
                + "--name add_badge`"), findings.stream().map(Finding::message).toList());
    }
}
