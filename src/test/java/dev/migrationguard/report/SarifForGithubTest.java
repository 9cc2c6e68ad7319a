package dev.migrationguard.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migrationguard.rules.Finding;
import dev.migrationguard.rules.RuleInfo;
import dev.migrationguard.rules.Severity;
import dev.migrationguard.testing.InMemorySnapshot;
import dev.migrationguard.testing.SarifValidation;
import dev.migrationguard.workspace.TextRange;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What GitHub's documented SARIF support asks of the report, one test a point. */
class SarifForGithubTest {
    private static final RuleInfo DELETED = new RuleInfo("migration-deleted", "MigrationDeleted", "history",
            Severity.ERROR, "A committed migration folder is deleted.", List.of("migrations"), "# migration-deleted\n");
    private static final RuleInfo CREDENTIALS = new RuleInfo("database-url-credentials", "DatabaseUrlCredentials",
            "secrets", Severity.ERROR, "A password in a URL.", List.of("security", "credentials"), "# x\n");
    private static final RuleInfo ATOMIC = new RuleInfo("migration-not-atomic", "MigrationNotAtomic", "migrations",
            Severity.NOTE, "Many tables in one migration.", List.of(), "# x\n");

    private static Finding finding(RuleInfo rule, String path, int line) {
        return new Finding(rule.id(), rule.defaultSeverity(), path, new TextRange(line, 1, line, 5), "message", "fix",
                Finding.fingerprintOf(rule.id(), path, "key"), Map.of("commit", "1a2b3c"), List.of());
    }

    private static JsonNode sarif(Report report, boolean includeSuppressed) throws IOException {
        StringBuilder out = new StringBuilder();
        new SarifRenderer(includeSuppressed).render(report, out);
        assertEquals(List.of(), SarifValidation.errors(out.toString()));
        return new ObjectMapper().readTree(out.toString()).at("/runs/0");
    }

    @Test
    void aHistoryFindingAboutADeletedFileIsLocatedAtTheFirstFileOfItsNearestFolderAtHead() throws IOException {
        InMemorySnapshot head = InMemorySnapshot.of(
                "prisma/migrations/20240201000000_add_badges/migration.sql", "CREATE TABLE \"Badge\" (id int);\n",
                "prisma/migrations/migration_lock.toml", "provider = \"postgresql\"\n",
                "prisma/schema.prisma", "\n");
        String deleted = "prisma/migrations/20240101000000_add_quests/migration.sql";
        Report report = new Report("HEAD", List.of(DELETED), List.of(
                new Result(finding(DELETED, deleted, 3), Optional.empty()),
                new Result(finding(DELETED, "prisma/schema.prisma", 1), Optional.empty())),
                List.of(), List.of(), head, Optional.empty());
        JsonNode results = sarif(report, false).get("results");
        JsonNode moved = results.get(0);
        assertEquals("prisma/migrations/migration_lock.toml",
                moved.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
        assertEquals(1, moved.at("/locations/0/physicalLocation/region/startLine").asInt());
        assertTrue(moved.at("/message/text").asText().startsWith("In " + deleted + " (not in in-memory test snapshot): message"),
                moved.toString());
        assertEquals(Finding.fingerprintOf(DELETED.id(), deleted, "key"),
                moved.at("/partialFingerprints/" + SarifRenderer.FINGERPRINT_KEY.replace("/", "~1")).asText());
        JsonNode kept = results.get(1);
        assertEquals("prisma/schema.prisma", kept.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
        assertEquals("message\nFix: fix", kept.at("/message/text").asText());
    }

    @Test
    void suppressedResultsAreLeftOutUnlessAskedFor() throws IOException {
        InMemorySnapshot head = InMemorySnapshot.of("a.sql", "x\n", "b.sql", "y\n");
        Report report = new Report("HEAD", List.of(ATOMIC), List.of(
                new Result(finding(ATOMIC, "a.sql", 1), Optional.of(new Suppression(Suppression.Kind.EXTERNAL, "", "baseline"))),
                new Result(finding(ATOMIC, "b.sql", 1), Optional.empty())),
                List.of(), List.of(), head, Optional.empty());
        JsonNode omitted = sarif(report, false).get("results");
        assertEquals(1, omitted.size());
        assertEquals("b.sql", omitted.at("/0/locations/0/physicalLocation/artifactLocation/uri").asText());
        assertEquals("note", omitted.at("/0/level").asText());
        JsonNode included = sarif(report, true).get("results");
        assertEquals(2, included.size());
        assertEquals("external", included.at("/0/suppressions/0/kind").asText());
        assertFalse(included.get(1).has("suppressions"));
    }

    @Test
    void rulesCarryProblemSeverityPrecisionAndSecuritySeverityForSecurityRules() throws IOException {
        Report report = new Report("HEAD", List.of(CREDENTIALS, ATOMIC), List.of(), List.of(), List.of(),
                InMemorySnapshot.of(), Optional.empty());
        JsonNode rules = sarif(report, false).at("/tool/driver/rules");
        assertEquals("error", rules.at("/0/properties/problem.severity").asText());
        assertEquals("high", rules.at("/0/properties/precision").asText());
        assertEquals("8.0", rules.at("/0/properties/security-severity").asText());
        assertEquals("recommendation", rules.at("/1/properties/problem.severity").asText());
        assertFalse(rules.at("/1/properties").has("security-severity"), "only rules tagged security are security alerts");
    }
}
