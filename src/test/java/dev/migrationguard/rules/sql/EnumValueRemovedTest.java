package dev.migrationguard.rules.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrationguard.testing.InMemorySnapshot;
import dev.migrationguard.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EnumValueRemovedTest {
    private final EnumValueRemoved rule = new EnumValueRemoved();

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mysql", "sqlite", "sqlserver", "cockroachdb"})
    void flagsExactlyTheMarkedEnumChangesOfEachDialectFixture(String dialect) {
        RuleTester.assertMatchesMarkers(rule, SqlFixtures.load(dialect));
    }

    @Test
    void flagsPrismaPostgresEnumSwapAtTheRenameThatTakesTheOldName() {
        InMemorySnapshot snapshot = InMemorySnapshot.of(
                "prisma/migrations/1_init/migration.sql", "CREATE TYPE \"Role\" AS ENUM ('USER', 'ADMIN', 'MODERATOR');",
                "prisma/migrations/2_swap/migration.sql", """
                        BEGIN;
                        CREATE TYPE "Role_new" AS ENUM ('USER', 'ADMIN');
                        ALTER TABLE "User" ALTER COLUMN "role" TYPE "Role_new" USING ("role"::text::"Role_new");
                        ALTER TYPE "Role" RENAME TO "Role_old";
                        ALTER TYPE "Role_new" RENAME TO "Role";
                        DROP TYPE "Role_old";
                        COMMIT;
                        """);
        var findings = RuleTester.run(rule, snapshot);
        assertEquals(List.of("prisma/migrations/2_swap/migration.sql:5:1 enum-value-removed"),
                RuleTester.locations(findings));
        org.junit.jupiter.api.Assertions.assertTrue(findings.get(0).message().contains("'MODERATOR'"));
    }

    @Test
    void ignoresEnumsThatOnlyGainOrRenameValues() {
        InMemorySnapshot snapshot = InMemorySnapshot.of(
                "prisma/migrations/1_init/migration.sql", "CREATE TYPE \"Role\" AS ENUM ('USER', 'ADMIN');",
                "prisma/migrations/2_x/migration.sql", """
                        ALTER TYPE "Role" ADD VALUE 'GUEST';
                        ALTER TYPE "Role" RENAME VALUE 'ADMIN' TO 'OWNER';
                        ALTER TYPE "Role" RENAME TO "Role_old";
                        CREATE TYPE "Role" AS ENUM ('USER', 'OWNER', 'GUEST', 'BOT');
                        """);
        assertEquals(List.of(), RuleTester.run(rule, snapshot));
    }

    @Test
    void ignoresMySqlEnumColumnThatGainsAValue() {
        InMemorySnapshot snapshot = InMemorySnapshot.of(
                "prisma/migrations/migration_lock.toml", "provider = \"mysql\"",
                "prisma/migrations/1_init/migration.sql", "CREATE TABLE `U` (`r` ENUM('A', 'B') NOT NULL);",
                "prisma/migrations/2_x/migration.sql", "ALTER TABLE `U` MODIFY `r` ENUM('A', 'B', 'C') NOT NULL;");
        assertEquals(List.of(), RuleTester.run(rule, snapshot));
    }
}
