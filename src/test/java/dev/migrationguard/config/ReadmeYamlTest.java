package dev.migrationguard.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.migrationguard.rules.RuleRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every YAML example of the README and docs/ loads: a block whose top-level keys are configuration keys loads as
 * {@code .migration-guard.yml} with the real rules, every other one (workflows, pre-commit manifests) parses as YAML.
 */
class ReadmeYamlTest {
    private static final Path ROOT = Path.of(System.getProperty("user.dir"));
    private static final Pattern BLOCK = Pattern.compile("(?ms)^```ya?ml\\n(.*?)^```");
    private static final Pattern TOP_KEY = Pattern.compile("(?m)^([a-z][a-z-]*):");
    private static final Set<String> CONFIG_KEYS = Set.of("rules", "ignore", "paths", "max-file-size", "overrides");

    record Example(String file, int line, String text) {
    }

    static List<Example> examples(Path file) throws IOException {
        String text = Files.readString(file);
        List<Example> out = new ArrayList<>();
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            int line = text.substring(0, m.start()).split("\n", -1).length;
            out.add(new Example(ROOT.relativize(file).toString(), line, m.group(1)));
        }
        return out;
    }

    private static boolean isConfig(String yaml) {
        Matcher m = TOP_KEY.matcher(yaml);
        boolean any = false;
        while (m.find()) {
            if (!CONFIG_KEYS.contains(m.group(1))) {
                return false;
            }
            any = true;
        }
        return any;
    }

    @Test
    void everyConfigurationExampleLoadsAndEveryOtherYamlExampleParses() throws IOException {
        List<Example> all = new ArrayList<>(examples(ROOT.resolve("README.md")));
        try (var docs = Files.list(ROOT.resolve("docs"))) {
            for (Path doc : docs.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                all.addAll(examples(doc));
            }
        }
        ConfigLoader loader = new ConfigLoader(RuleRegistry.all());
        int configs = 0;
        for (Example e : all) {
            String where = e.file() + ":" + e.line();
            if (isConfig(e.text())) {
                configs++;
                try {
                    loader.parse(where, e.text());
                } catch (ConfigException failure) {
                    throw new AssertionError(where + ": the example does not load: " + failure.getMessage(), failure);
                }
            } else {
                assertDoesNotThrow(() -> new ObjectMapper(new YAMLFactory()).readTree(e.text()), where);
            }
        }
        assertTrue(configs >= 1, "the README has a configuration example");
        assertFalse(all.isEmpty());
    }

    @Test
    void theExtractorSeesABrokenExample() throws ConfigException {
        // What the test would catch: the README's old example named an option the rule does not have.
        ConfigLoader loader = new ConfigLoader(RuleRegistry.all());
        assertTrue(isConfig("rules:\n  migration-not-atomic:\n    max-tables: 5\n"));
        org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
                () -> loader.parse("x", "rules:\n  migration-not-atomic:\n    max-tables: 5\n"));
    }
}
