package dev.migrationguard.rules.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrationguard.testing.InMemorySnapshot;
import dev.migrationguard.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SqlParseErrorTest {
    private final SqlParseError rule = new SqlParseError();

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mysql", "sqlite", "sqlserver", "cockroachdb"})
    void flagsExactlyTheMarkedUnreadableStatementsOfEachDialectFixture(String dialect) {
        RuleTester.assertMatchesMarkers(rule, SqlFixtures.load(dialect));
    }

    @Test
    void flagsTheFirstBadTokenOfEachUnreadableStatement() {
        InMemorySnapshot snapshot = InMemorySnapshot.of("prisma/migrations/1_x/migration.sql", """
                ALTER TABLE "User" ADD COLUM "x" TEXT;
                CREATE TABLE "A" ("id" INT,);
                DROP TABLE "B";
                INSERT INTO "C" VALUES ('unclosed);
                """);
        assertEquals(List.of("prisma/migrations/1_x/migration.sql:1:34 sql-parse-error",
                        "prisma/migrations/1_x/migration.sql:2:28 sql-parse-error",
                        "prisma/migrations/1_x/migration.sql:4:25 sql-parse-error"),
                RuleTester.locations(RuleTester.run(rule, snapshot)));
    }

    @Test
    void ignoresUnreadableSqlOutsideMigrationsAndStatementsItDoesNotReadInDepth() {
        InMemorySnapshot snapshot = InMemorySnapshot.of(
                "db/broken.sql", "ALTER TABLE \"User\" ADD COLUM \"x\" TEXT;",
                "prisma/migrations/1_x/migration.sql", """
                        CREATE TRIGGER t AFTER UPDATE ON "A" FOR EACH ROW EXECUTE FUNCTION f();
                        GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader;
                        VACUUM ANALYZE "A";
                        """);
        assertEquals(List.of(), RuleTester.run(rule, snapshot));
    }
}
