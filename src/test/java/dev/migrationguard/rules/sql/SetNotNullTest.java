package dev.migrationguard.rules.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrationguard.testing.InMemorySnapshot;
import dev.migrationguard.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SetNotNullTest {
    private final SetNotNull rule = new SetNotNull();

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mysql", "sqlite", "sqlserver", "cockroachdb"})
    void flagsExactlyTheMarkedColumnsOfEachDialectFixture(String dialect) {
        RuleTester.assertMatchesMarkers(rule, SqlFixtures.load(dialect));
    }

    @Test
    void flagsSetNotNullAtTheAlterKeyword() {
        InMemorySnapshot snapshot = InMemorySnapshot.of("prisma/migrations/1_x/migration.sql",
                "ALTER TABLE \"User\" ALTER COLUMN \"age\" SET NOT NULL;");
        assertEquals(List.of("prisma/migrations/1_x/migration.sql:1:20 set-not-null"),
                RuleTester.locations(RuleTester.run(rule, snapshot)));
    }

    @Test
    void ignoresColumnsProvenByAValidatedCheckAndNewTables() {
        InMemorySnapshot snapshot = InMemorySnapshot.of(
                "prisma/migrations/1_check/migration.sql",
                "ALTER TABLE \"User\" ADD CONSTRAINT \"c\" CHECK (\"age\" IS NOT NULL) NOT VALID;",
                "prisma/migrations/2_validate/migration.sql", "ALTER TABLE \"User\" VALIDATE CONSTRAINT \"c\";",
                "prisma/migrations/3_set/migration.sql", """
                        ALTER TABLE "User" ALTER COLUMN "age" SET NOT NULL;
                        CREATE TABLE "T" ("a" INT);
                        ALTER TABLE "T" ALTER COLUMN "a" SET NOT NULL;
                        """);
        assertEquals(List.of(), RuleTester.run(rule, snapshot));
    }

    @Test
    void ignoresMySqlModifyOfAColumnThatWasAlreadyNotNull() {
        InMemorySnapshot snapshot = InMemorySnapshot.of(
                "prisma/migrations/migration_lock.toml", "provider = \"mysql\"",
                "prisma/migrations/1_init/migration.sql", "CREATE TABLE `U` (`a` VARCHAR(10) NOT NULL);",
                "prisma/migrations/2_x/migration.sql", "ALTER TABLE `U` MODIFY `a` VARCHAR(20) NOT NULL;");
        assertEquals(List.of(), RuleTester.run(rule, snapshot));
    }
}
