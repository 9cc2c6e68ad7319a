package dev.migrationguard.rules.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrationguard.testing.InMemorySnapshot;
import dev.migrationguard.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AlterColumnTypeTest {
    private final AlterColumnType rule = new AlterColumnType();

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mysql", "sqlite", "sqlserver", "cockroachdb"})
    void flagsExactlyTheMarkedTypeChangesOfEachDialectFixture(String dialect) {
        RuleTester.assertMatchesMarkers(rule, SqlFixtures.load(dialect));
    }

    @Test
    void flagsTypeChangeAtTheAlterKeyword() {
        InMemorySnapshot snapshot = InMemorySnapshot.of("prisma/migrations/1_x/migration.sql",
                "-- AlterTable\nALTER TABLE \"Invoice\" ALTER COLUMN \"amount\" SET DATA TYPE DECIMAL(10,2);\n");
        assertEquals(List.of("prisma/migrations/1_x/migration.sql:2:23 alter-column-type"),
                RuleTester.locations(RuleTester.run(rule, snapshot)));
    }

    @Test
    void ignoresVarcharWideningAndUnchangedTypes() {
        InMemorySnapshot snapshot = InMemorySnapshot.of(
                "prisma/migrations/1_init/migration.sql", "CREATE TABLE \"A\" (\"s\" VARCHAR(50), \"t\" VARCHAR(10), \"n\" INTEGER);",
                "prisma/migrations/2_x/migration.sql", """
                        ALTER TABLE "A" ALTER COLUMN "s" SET DATA TYPE VARCHAR(100);
                        ALTER TABLE "A" ALTER COLUMN "t" TYPE TEXT;
                        ALTER TABLE "A" ALTER COLUMN "n" TYPE integer;
                        """);
        assertEquals(List.of(), RuleTester.run(rule, snapshot));
    }

    @Test
    void ignoresMySqlModifyWhoseTypeIsUnknownOrUnchanged() {
        InMemorySnapshot snapshot = InMemorySnapshot.of(
                "prisma/migrations/migration_lock.toml", "provider = \"mysql\"",
                "prisma/migrations/1_init/migration.sql", "CREATE TABLE `U` (`a` INTEGER NULL);",
                "prisma/migrations/2_x/migration.sql",
                "ALTER TABLE `U` MODIFY `a` INTEGER NOT NULL;\nALTER TABLE `Unknown` MODIFY `b` BIGINT NOT NULL;");
        assertEquals(List.of(), RuleTester.run(rule, snapshot));
    }
}
