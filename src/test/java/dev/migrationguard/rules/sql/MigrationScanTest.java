package dev.migrationguard.rules.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrationguard.sql.QualifiedName;
import dev.migrationguard.sql.Span;
import dev.migrationguard.testing.InMemorySnapshot;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationScanTest {
    private static final QualifiedName USER = new QualifiedName(null, "User", new Span(0, 0));

    private static InMemorySnapshot threeMigrations() {
        return new InMemorySnapshot()
                .put("prisma/migrations/1_init/migration.sql", "CREATE TABLE \"User\" (\"id\" INT);")
                .put("prisma/migrations/2_name/migration.sql", "ALTER TABLE \"User\" ADD COLUMN \"name\" TEXT;")
                .put("prisma/migrations/3_age/migration.sql", "ALTER TABLE \"User\" ADD COLUMN \"age\" INT;");
    }

    /** The columns of "User" before each migration's statements, as one replay of that migration sees them. */
    private static String columnsBefore(MigrationScan.ScannedMigration m) {
        List<String> seen = new ArrayList<>();
        m.replay((statement, newTables, schema) -> seen.add(schema.table(USER)
                .map(t -> String.join(",", t.columns().keySet())).orElse("-")));
        return seen.get(0);
    }

    @Test
    void eachReplayStartsFromTheSchemaTheEarlierMigrationsBuilt() {
        List<MigrationScan.ScannedMigration> scan = MigrationScan.of(threeMigrations());
        for (int round = 0; round < 2; round++) {
            assertEquals(List.of("-", "id", "id,name"), scan.stream().map(MigrationScanTest::columnsBefore).toList());
        }
    }

    @Test
    void replaysOutOfOrderSeeTheSameSchemas() {
        List<MigrationScan.ScannedMigration> scan = MigrationScan.of(threeMigrations());
        assertEquals("id,name", columnsBefore(scan.get(2)));
        assertEquals("id", columnsBefore(scan.get(1)));
        assertEquals("id", columnsBefore(scan.get(1)));
        assertEquals("-", columnsBefore(scan.get(0)));
        assertEquals("id,name", columnsBefore(scan.get(2)));
    }

    @Test
    void aReplayThatFailsLeavesTheNextOneAFreshSchema() {
        List<MigrationScan.ScannedMigration> scan = MigrationScan.of(threeMigrations());
        try {
            scan.get(0).replay((statement, newTables, schema) -> {
                schema.apply(statement);
                throw new IllegalStateException("rule bug");
            });
        } catch (IllegalStateException expected) {
            // the rule's failure is the Linter's to report
        }
        assertEquals(List.of("-", "id", "id,name"), scan.stream().map(MigrationScanTest::columnsBefore).toList());
    }
}
