package dev.migrationguard.rules.bypass;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrationguard.rules.Finding;
import dev.migrationguard.testing.InMemorySnapshot;
import dev.migrationguard.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

class RawDdlSqlFileTest {
    private final RawDdlSqlFile rule = new RawDdlSqlFile();

    @Test
    void flagsLooseSqlWithDdlOncePerFileAtTheFirstSchemaChange() {
        InMemorySnapshot s = InMemorySnapshot.of(
                "scripts/hotfix.sql", """
                        -- run by hand during the incident
                        BEGIN;
                        CREATE TABLE "Badge" ("id" TEXT PRIMARY KEY, "name" TEXT NOT NULL); -- expect: raw-ddl-sql-file
                        ALTER TABLE "Quest" ADD COLUMN "badgeId" TEXT;
                        COMMIT;
                        """,
                "db/schema.sql", "TRUNCATE TABLE \"Session\"; -- expect: raw-ddl-sql-file\n");
        List<Finding> f = RuleTester.assertMatchesMarkers(rule, s);
        assertEquals("scripts/hotfix.sql changes the schema outside every migrations folder (CREATE TABLE \"Badge\" and 1 "
                + "more schema change(s)); whoever runs it by hand leaves the migration history behind", f.get(1).message());
    }

    @Test
    void ignoresSeedsMigrationFoldersOfPrismaAndOtherToolsAndTempTables() {
        InMemorySnapshot s = InMemorySnapshot.of(
                "prisma/seed.sql", "INSERT INTO \"Quest\" (\"id\", \"title\") VALUES ('q1', 'Create table tutorial');\n",
                "prisma/migrations/20240101000000_init/migration.sql", "CREATE TABLE \"Quest\" (\"id\" TEXT NOT NULL);\n",
                "prisma/migrations/migration_lock.toml", "provider = \"postgresql\"\n",
                "src/main/resources/db/migration/V1__init.sql", "CREATE TABLE quest (id BIGINT);\n",
                "supabase/migrations/20240101_init.sql", "CREATE TABLE quest (id BIGINT);\n",
                "reports/weekly.sql", "CREATE TEMP TABLE t AS SELECT 1;\nSELECT * FROM t;\n",
                "docs/notes.md", "CREATE TABLE in prose\n");
        assertEquals(List.of(), RuleTester.run(rule, s));
    }
}
