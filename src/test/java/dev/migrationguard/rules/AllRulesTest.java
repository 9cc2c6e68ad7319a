package dev.migrationguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationguard.report.ConfigErrorReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Checkstyle's AllChecksTest for this project: every registered rule is a whole unit (page, test class, sample)
 * and every page belongs to a registered rule.
 */
class AllRulesTest {
    private static final Path ROOT = Path.of(System.getProperty("user.dir"));

    /** The registered rules, and the one finding the engine reports itself (a configuration it cannot use). */
    private static Set<String> registeredIds() {
        Set<String> ids = RuleRegistry.all().stream().map(Rule::id).collect(Collectors.toCollection(TreeSet::new));
        ids.add(ConfigErrorReport.RULE_ID);
        return ids;
    }

    @Test
    void registryIsSortedAndHasNoDuplicates() {
        List<String> ids = RuleRegistry.all().stream().map(Rule::id).toList();
        assertEquals(ids.stream().sorted().distinct().toList(), ids);
    }

    @Test
    void everyRuleHasAPageWhoseFrontMatterParses() {
        for (Rule rule : RuleRegistry.all()) {
            assertTrue(Files.isRegularFile(ROOT.resolve("rules/" + rule.id() + ".md")), "rules/" + rule.id() + ".md missing");
            RuleInfo info = RulePages.load(rule.id());
            assertTrue(info.body().contains("## Why"), rule.id() + " page lacks a Why section");
            assertTrue(info.body().contains("## How to fix"), rule.id() + " page lacks a How to fix section");
        }
    }

    @Test
    void everyPageNamesARegisteredRule() throws IOException {
        Set<String> pages;
        try (Stream<Path> files = Files.list(ROOT.resolve("rules"))) {
            pages = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".md") && !n.equals("README.md"))
                    .map(n -> n.substring(0, n.length() - 3)).collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(registeredIds(), pages);
    }

    @Test
    void everyRuleHasATestClass() {
        List<String> missing = new ArrayList<>();
        for (Rule rule : RuleRegistry.all()) {
            String test = rule.getClass().getName() + "Test";
            try {
                Class.forName(test);
            } catch (ClassNotFoundException e) {
                missing.add(test);
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void everyRuleAppearsInASamplesExpectedFindings() throws IOException {
        Set<String> mentioned = new TreeSet<>();
        try (Stream<Path> samples = Files.list(ROOT.resolve("samples"))) {
            for (Path sample : samples.toList()) {
                Path expected = sample.resolve("expected.txt");
                if (Files.isRegularFile(expected)) {
                    for (String line : Files.readAllLines(expected)) {
                        String[] parts = line.strip().split("\\s+");
                        if (parts.length == 2) {
                            mentioned.add(parts[1]);
                        }
                    }
                }
            }
        }
        Set<String> missing = new TreeSet<>(registeredIds());
        missing.removeAll(mentioned);
        assertEquals(Set.of(), missing, "rules no sample triggers");
    }
}
