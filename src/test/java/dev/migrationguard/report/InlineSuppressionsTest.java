package dev.migrationguard.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationguard.rules.Finding;
import dev.migrationguard.rules.Severity;
import dev.migrationguard.workspace.SourceFile;
import dev.migrationguard.workspace.TextRange;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InlineSuppressionsTest {

    private static Optional<Suppression> at(String path, String text, int line, String rule) {
        Finding f = new Finding(rule, Severity.ERROR, path, TextRange.point(line, 1), "m", "", "fp", Map.of(), List.of());
        return InlineSuppressions.find(new SourceFile(path, text), f);
    }

    @Test
    void readsEachFilesCommentSyntax() {
        assertEquals("legacy", at("a.sql", "-- migration-guard-ignore destructive-drop: legacy\nDROP TABLE a;\n", 2,
                "destructive-drop").orElseThrow().justification());
        assertTrue(at("schema.prisma", "/// migration-guard-ignore schema-drift: view-backed\nmodel A {}\n", 2,
                "schema-drift").isPresent());
        assertTrue(at("schema.prisma", "// migration-guard-ignore schema-drift\nmodel A {}\n", 2, "schema-drift").isPresent());
        assertTrue(at("ci.yml", "      # migration-guard-ignore prisma-db-push, prisma-accept-data-loss: preview env\n"
                + "      run: npx prisma db push --accept-data-loss\n", 2, "prisma-accept-data-loss").isPresent());
        assertTrue(at("a.ts", "await x; /* migration-guard-ignore raw-ddl-in-code: temp table */\n", 1,
                "raw-ddl-in-code").isPresent());
    }

    @Test
    void needsTheRightRuleTheRightLineAndACommentMarker() {
        assertTrue(at("a.sql", "-- migration-guard-ignore set-not-null\nDROP TABLE a;\n", 2, "destructive-drop").isEmpty());
        assertTrue(at("a.sql", "-- migration-guard-ignore destructive-drop\n\nDROP TABLE a;\n", 3, "destructive-drop").isEmpty());
        assertTrue(at("a.sql", "SELECT 'migration-guard-ignore destructive-drop';\nDROP TABLE a;\n", 2, "destructive-drop").isEmpty());
        assertTrue(at("a.sh", "echo x # migration-guard-ignore prisma-db-push\nnpx prisma db push\n", 2, "prisma-db-push").isEmpty());
    }
}
