package dev.migrationguard.rules.commands;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The commands rules find exactly the lines of each sample's expected.txt that name them. */
class CommandRulesSamplesTest {
    private static final List<Rule> RULES = List.of(new PrismaAcceptDataLoss(), new PrismaDbPush(),
            new PrismaMigrateDevInDeploy(), new SchemaPushCommand());
    private static final Set<String> IDS = Set.of(PrismaAcceptDataLoss.ID, PrismaDbPush.ID,
            PrismaMigrateDevInDeploy.ID, SchemaPushCommand.ID);

    @ParameterizedTest
    @ValueSource(strings = {"prisma-unsafe", "prisma-clean"})
    void findingsEqualExpectedTxt(String sample) throws IOException {
        Path root = Path.of(System.getProperty("user.dir")).resolve("samples").resolve(sample);
        List<String> expected = Files.readAllLines(root.resolve("expected.txt")).stream()
                .filter(line -> !line.isBlank() && IDS.contains(line.substring(line.lastIndexOf(' ') + 1)))
                .sorted().toList();
        WorkingTreeSnapshot snapshot = new WorkingTreeSnapshot(root);
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : RULES) {
            findings.addAll(RuleTester.run(rule, snapshot));
        }
        assertEquals(expected, RuleTester.locations(findings));
    }
}
