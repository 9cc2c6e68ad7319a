package dev.migrationguard.rules.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationguard.rules.Finding;
import dev.migrationguard.rules.Findings;
import dev.migrationguard.rules.Rule;
import dev.migrationguard.rules.RuleContext;
import dev.migrationguard.rules.RuleOptions;
import dev.migrationguard.rules.RulePages;
import dev.migrationguard.sql.AppliedMigrations;
import dev.migrationguard.testing.InMemorySnapshot;
import dev.migrationguard.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Rules that judge each migration's content read only the migrations a run does not treat as applied, and still
 * judge the first new one against the schema the applied ones built.
 */
class AppliedMigrationsSkippedTest {
    private static final String M0 = "prisma/migrations/20240101000000_init/migration.sql";
    private static final String M1 = "prisma/migrations/20240201000000_shorten_a/migration.sql";
    private static final String M2 = "prisma/migrations/20240301000000_retype/migration.sql";

    private static InMemorySnapshot snapshot() {
        return InMemorySnapshot.of(
                "prisma/migrations/migration_lock.toml", "provider = \"postgresql\"",
                M0, "CREATE TABLE \"T\" (\"a\" TEXT, \"b\" INTEGER);\n",
                M1, "ALTER TABLE \"T\" ALTER COLUMN \"a\" SET DATA TYPE VARCHAR(5);\n",
                M2, "ALTER TABLE \"T\" ALTER COLUMN \"a\" SET DATA TYPE INTEGER;\n"
                        + "ALTER TABLE \"T\" ALTER COLUMN \"b\" SET NOT NULL;\n");
    }

    private static List<Finding> run(Rule rule, InMemorySnapshot snapshot, AppliedMigrations applied) {
        Findings findings = new Findings(RulePages.load(rule.id()));
        rule.check(new RuleContext(snapshot, RuleOptions.NONE, List.of(), applied), findings);
        return findings.all();
    }

    @Test
    void judgesOnlyTheNewMigrationAgainstTheSchemaTheAppliedOnesBuilt() {
        InMemorySnapshot s = snapshot();
        AppliedMigrations applied = AppliedMigrations.of("HEAD", List.of(M0, M1));
        List<Finding> first = run(new AlterColumnType(), s, applied);
        assertEquals(List.of(M2 + ":1:17 alter-column-type"), RuleTester.locations(first));
        // The type before the change is the one the applied M1 left: the replay went through the skipped migrations.
        assertTrue(first.get(0).message().contains("from VARCHAR(5)"), first.get(0).message());
        assertEquals(List.of(M2 + ":2:17 set-not-null"), RuleTester.locations(run(new SetNotNull(), s, applied)));
        // A later rule (and the same one again) starts from the same kept schema, unchanged by the replays before it.
        List<Finding> again = run(new AlterColumnType(), s, applied);
        assertEquals(first.get(0).message(), again.get(0).message());
    }

    @Test
    void readsEveryMigrationWhenNoneIsApplied() {
        List<Finding> all = run(new AlterColumnType(), snapshot(), AppliedMigrations.NONE);
        assertEquals(List.of(M1 + ":1:17 alter-column-type", M2 + ":1:17 alter-column-type"), RuleTester.locations(all));
    }
}
