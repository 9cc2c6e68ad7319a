package dev.migrationguard.rules.migrations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrationguard.testing.InMemorySnapshot;
import dev.migrationguard.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationStrayFileTest {
    private final MigrationStrayFile rule = new MigrationStrayFile();

    @Test
    void flagsLooseFilesAndFoldersWithoutMigrationSql() {
        InMemorySnapshot s = InMemorySnapshot.of(
                "prisma/migrations/migration_lock.toml", "provider = \"postgresql\"\n",
                "prisma/migrations/20240101120000_init/migration.sql", "SELECT 1;\n",
                "prisma/migrations/hotfix_add_index.sql", "CREATE INDEX x ON y(z);\n",
                "prisma/migrations/20240201120000_add_badge/notes.txt", "remember to write the SQL\n");
        assertEquals(List.of(
                "prisma/migrations/20240201120000_add_badge/notes.txt:1:1 migration-stray-file",
                "prisma/migrations/hotfix_add_index.sql:1:1 migration-stray-file"),
                RuleTester.locations(RuleTester.run(rule, s)));
    }

    @Test
    void acceptsLockFileReadmeAndExtraFilesBesideMigrationSql() {
        InMemorySnapshot s = InMemorySnapshot.of(
                "prisma/migrations/migration_lock.toml", "provider = \"postgresql\"\n",
                "prisma/migrations/README.md", "How we migrate\n",
                "prisma/migrations/20240101120000_init/migration.sql", "SELECT 1;\n",
                "prisma/migrations/20240101120000_init/down.sql", "DROP TABLE x;\n",
                "prisma/seed.sql", "INSERT INTO x VALUES (1);\n");
        assertEquals(List.of(), RuleTester.run(rule, s));
    }
}
