package dev.migrationguard.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationguard.rules.Severity;
import dev.migrationguard.testing.MarkerRule;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {
    private final ConfigLoader loader = new ConfigLoader(List.of(new MarkerRule()));

    @Test
    void readsSeveritiesOptionsIgnoreAndPaths() throws ConfigException {
        Config c = loader.parse("cfg.yml", """
                rules:
                  test-marker:
                    severity: note
                    limit: 3
                ignore: ["legacy/**", "test/fixtures"]
                paths:
                  - build/deploy.sh
                max-file-size: 2MB
                """);
        Config.RuleSetting s = c.rule("test-marker").orElseThrow();
        assertEquals(Optional.of(Severity.NOTE), s.severity());
        assertEquals(3, s.options().integer("limit", 0));
        assertEquals(List.of("legacy/**", "test/fixtures"), c.ignore());
        assertEquals(List.of("build/deploy.sh"), c.paths());
        assertEquals(2L * 1024 * 1024, c.maxFileBytes());
    }

    @Test
    void readsOffAsDisabledEvenThoughYamlCallsItFalse() throws ConfigException {
        assertFalse(loader.parse("c", "rules:\n  test-marker: off\n").rule("test-marker").orElseThrow().enabled());
    }

    @Test
    void emptyFileIsDefaults() throws ConfigException {
        assertEquals(List.of(), loader.parse("c", "").ignore());
    }

    private ConfigException error(String yaml) {
        return assertThrows(ConfigException.class, () -> loader.parse(".migration-guard.yml", yaml));
    }

    @Test
    void unknownTopLevelKeyNamesKeyAndLine() {
        ConfigException e = error("ignore: []\nrulez:\n  x: off\n");
        assertEquals(".migration-guard.yml:2: unknown key 'rulez' (expected one of: rules, ignore, paths, max-file-size, overrides)",
                e.describe());
    }

    @Test
    void unknownRuleIdIsAnErrorAtItsLine() {
        assertEquals(".migration-guard.yml:3: unknown rule 'prisma-db-pushh' (run `migration-guard rules` to list them)",
                error("rules:\n  test-marker: warning\n  prisma-db-pushh: off\n").describe());
    }

    @Test
    void badSeverityIsAnErrorAtItsLine() {
        assertEquals(".migration-guard.yml:2: bad severity 'fatal' for test-marker (expected error, warning, note or off)",
                error("rules:\n  test-marker: fatal\n").describe());
    }

    @Test
    void unknownRuleOptionListsTheKnownOnes() {
        assertEquals(".migration-guard.yml:3: rule test-marker has no option 'max' (it takes: severity, limit)",
                error("rules:\n  test-marker:\n    max: 3\n").describe());
    }

    @Test
    void optionOfWrongTypeIsAnError() {
        assertEquals(".migration-guard.yml:3: test-marker.limit must be a whole number",
                error("rules:\n  test-marker:\n    limit: many\n").describe());
    }

    @Test
    void invalidYamlIsAnErrorWithALine() {
        ConfigException e = error("rules:\n  test-marker: [\n");
        assertEquals(".migration-guard.yml", e.file());
        assertEquals(3, e.line(), e.describe());
    }

    @Test
    void duplicateKeysAreErrors() {
        assertEquals(".migration-guard.yml:2: duplicate key 'ignore'", error("ignore: []\nignore: []\n").describe());
    }

    @Test
    void ignoreMustBeAListOfStrings() {
        assertEquals(".migration-guard.yml:1: ignore must be a list of strings", error("ignore: {a: b}\n").describe());
    }

    @Test
    void maxFileSizePastALongIsAnErrorAtItsLine() {
        assertEquals(".migration-guard.yml:2: max-file-size '99999999999999999999' is too large",
                error("ignore: []\nmax-file-size: 99999999999999999999\n").describe());
        assertEquals(".migration-guard.yml:1: max-file-size '9999999999GB' is too large",
                error("max-file-size: 9999999999GB\n").describe());
    }

    @Test
    void overridesSetASeverityOrOffForSomePaths() throws ConfigException {
        Config c = loader.parse("c", """
                overrides:
                  - paths: ["scripts/seed/**"]
                    rules:
                      test-marker: off
                  - paths: ["scripts/seed/keep.sh", "docs/*.{md,txt}"]
                    rules: {test-marker: note}
                """);
        assertFalse(c.overrideFor("test-marker", "scripts/seed/a.sh").orElseThrow().enabled());
        assertEquals(java.util.Optional.of(dev.migrationguard.rules.Severity.NOTE),
                c.overrideFor("test-marker", "scripts/seed/keep.sh").orElseThrow().severity());
        assertEquals(java.util.Optional.of(dev.migrationguard.rules.Severity.NOTE),
                c.overrideFor("test-marker", "docs/a.txt").orElseThrow().severity());
        assertTrue(c.overrideFor("test-marker", "scripts/deploy.sh").isEmpty());
    }

    @Test
    void badOverridesAndGlobsAreErrorsAtTheirLine() {
        ConfigException unknownRule = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
                () -> loader.parse("c", "overrides:\n  - paths: [a]\n    rules:\n      nope: off\n"));
        assertEquals(4, unknownRule.line());
        ConfigException noPaths = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
                () -> loader.parse("c", "overrides:\n  - rules: {test-marker: off}\n"));
        assertTrue(noPaths.getMessage().contains("needs both 'paths'"), noPaths.getMessage());
        ConfigException glob = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
                () -> loader.parse("c", "ignore:\n  - ok/**\n  - \"*.{yml\"\n"));
        assertEquals(3, glob.line());
        assertTrue(glob.getMessage().contains("without its '}'"), glob.getMessage());
    }
}
