package dev.migrationguard.rules.migrations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrationguard.rules.Finding;
import dev.migrationguard.rules.Findings;
import dev.migrationguard.rules.RuleContext;
import dev.migrationguard.rules.RuleOptions;
import dev.migrationguard.rules.RulePages;
import dev.migrationguard.testing.InMemorySnapshot;
import dev.migrationguard.testing.RuleTester;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MigrationNameFormatTest {
    private static final Clock NOV_2024 = Clock.fixed(Instant.parse("2024-11-24T10:00:00Z"), ZoneOffset.UTC);
    private final MigrationNameFormat rule = new MigrationNameFormat(NOV_2024);

    private static InMemorySnapshot migrations(String folder, String... names) {
        InMemorySnapshot s = new InMemorySnapshot();
        for (String n : names) {
            s.put(folder + "/" + n + "/migration.sql", "SELECT 1;\n");
        }
        return s;
    }

    private List<Finding> run(InMemorySnapshot s, RuleOptions options) {
        Findings f = new Findings(RulePages.load(rule.id()));
        rule.check(new RuleContext(s, options), f);
        return f.all();
    }

    @Test
    void flagsTheOddOnesOutAmongPrismaTimestamps() {
        InMemorySnapshot s = migrations("prisma/migrations",
                "20240101120000_init", "20240215093000_add_quest", "20240315_add_badge", "add_reward",
                "20241301000000_bad_month", "20991231000000_from_the_future", "20240215093000_add_tag",
                "20240401000000_AddLevel");
        List<Finding> f = RuleTester.run(rule, s);
        assertEquals(List.of(
                "prisma/migrations/20240215093000_add_tag/migration.sql:1:1 migration-name-format",
                "prisma/migrations/20240315_add_badge/migration.sql:1:1 migration-name-format",
                "prisma/migrations/20240401000000_AddLevel/migration.sql:1:1 migration-name-format",
                "prisma/migrations/20241301000000_bad_month/migration.sql:1:1 migration-name-format",
                "prisma/migrations/20991231000000_from_the_future/migration.sql:1:1 migration-name-format",
                "prisma/migrations/add_reward/migration.sql:1:1 migration-name-format"), RuleTester.locations(f));
        assertEquals("migration folder \"20240315_add_badge\" has an 8-digit timestamp instead of Prisma's 14 digits;"
                + " it sorts where its time puts it, but a migration created later within that day would sort before it"
                + " (this folder's convention: YYYYMMDDHHMMSS_snake_case_name)",
                f.stream().filter(x -> x.path().contains("20240315_")).findFirst().orElseThrow().message());
    }

    @Test
    void aShorterTimestampThatSortsInPlaceIsNotCalledMisplacedAndNeedsNoMove() {
        InMemorySnapshot s = migrations("prisma/migrations", "20240101120000_init", "20240315_add_badge",
                "202404011200_add_level", "20240402093000_add_quest");
        List<Finding> f = RuleTester.run(rule, s);
        assertEquals(2, f.size());
        for (Finding x : f) {
            assertEquals(false, x.message().contains("wrong place"), x.message());
            assertEquals(true, x.fix().startsWith("Nothing to move: it runs in the right place."), x.fix());
        }
        assertEquals(true, f.get(1).message().contains("a 12-digit timestamp"), f.get(1).message());
        assertEquals(true, f.get(1).message().contains("within that minute"), f.get(1).message());
    }

    @Test
    void aPrefixThatIsNoTimeStillRunsInTheWrongPlace() {
        InMemorySnapshot s = migrations("prisma/migrations", "20240101120000_init", "20240202120000_add_quest",
                "2024_add_badge");
        List<Finding> f = RuleTester.run(rule, s);
        assertEquals(List.of("prisma/migrations/2024_add_badge/migration.sql:1:1 migration-name-format"),
                RuleTester.locations(f));
        assertEquals(true, f.get(0).message().contains("runs in the wrong place"), f.get(0).message());
    }

    @Test
    void aFolderWithoutTimestampIsReportedOnceWithARenameThatCanBeCarriedOut() {
        InMemorySnapshot s = migrations("prisma/migrations", "20240101120000_init", "manual_indexes",
                "20240202120000_add_quest", "20240303120000_add_badge");
        List<Finding> f = RuleTester.run(rule, s);
        assertEquals(List.of("prisma/migrations/manual_indexes/migration.sql:1:1 migration-name-format"),
                RuleTester.locations(f));
        assertEquals("If no database has applied it yet, rename it (`git mv prisma/migrations/manual_indexes"
                + " prisma/migrations/<YYYYMMDDHHMMSS>_manual_indexes`, with the UTC time it was created, so that it sorts"
                + " where it belongs). If it is applied, rename the folder the same way and, in the same deploy, run"
                + " `UPDATE _prisma_migrations SET migration_name = '<new name>' WHERE migration_name = 'manual_indexes'`"
                + " on each database that applied it; later migrations then sort after it as they should.", f.get(0).fix());
    }

    @Test
    void keepsARepositorysOwnConsistentNumbering() {
        InMemorySnapshot s = migrations("db/migrations", "01_init", "02_add_quest", "03_add_badge", "10_add_reward");
        assertEquals(List.of(), RuleTester.run(rule, s));
        InMemorySnapshot odd = migrations("db/migrations", "01_init", "02_add_quest", "03_add_badge", "4_add_level");
        assertEquals(List.of("db/migrations/4_add_level/migration.sql:1:1 migration-name-format"),
                RuleTester.locations(RuleTester.run(rule, odd)));
    }

    @Test
    void conventionCanBeSetInConfig() {
        InMemorySnapshot s = migrations("prisma/migrations", "01_init", "02_add_quest", "20240101120000_add_badge");
        assertEquals(2, run(s, new RuleOptions(Map.of("convention", "timestamp"))).size());
        assertEquals(1, run(s, new RuleOptions(Map.of("convention", "numbered"))).size());
    }

    @Test
    void acceptsWellFormedFoldersIncludingToday() {
        InMemorySnapshot s = migrations("prisma/migrations", "20240101120000_init", "20241124093000_add_quest");
        assertEquals(List.of(), RuleTester.run(rule, s));
    }
}
