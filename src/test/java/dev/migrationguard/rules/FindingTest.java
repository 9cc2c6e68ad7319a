package dev.migrationguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrationguard.workspace.TextRange;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FindingTest {
    @Test
    void propertiesComeInNameOrderSoThatReportsAreTheSameFromRunToRun() {
        Map<String, String> given = new LinkedHashMap<>();
        given.put("range", "1a2b3c4..5d6e7f8");
        given.put("commit", "5d6e7f8");
        given.put("changeSet", "commit 5d6e7f8");
        given.put("chain", "npm run setup");
        given.put("author", "someone");
        Finding finding = new Finding("schema-change-without-migration", Severity.ERROR, "prisma/schema.prisma",
                TextRange.point(1, 1), "m", "f", "fp", given, List.of());
        assertEquals(List.of("author", "chain", "changeSet", "commit", "range"), List.copyOf(finding.properties().keySet()));
        assertEquals("5d6e7f8", finding.properties().get("commit"));
    }
}
