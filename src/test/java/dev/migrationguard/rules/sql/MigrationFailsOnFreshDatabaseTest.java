package dev.migrationguard.rules.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrationguard.rules.Finding;
import dev.migrationguard.testing.Corpus;
import dev.migrationguard.testing.InMemorySnapshot;
import dev.migrationguard.testing.RuleTester;
import dev.migrationguard.workspace.WorkingTreeSnapshot;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MigrationFailsOnFreshDatabaseTest {
    private final MigrationFailsOnFreshDatabase rule = new MigrationFailsOnFreshDatabase();

    private static final String INIT = """
            CREATE TYPE "Role" AS ENUM ('USER', 'ADMIN');
            CREATE TABLE "User" ("id" TEXT NOT NULL, "email" TEXT NOT NULL, CONSTRAINT "User_pkey" PRIMARY KEY ("id"));
            CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
            """;

    private List<Finding> run(String... pathsAndContents) {
        return RuleTester.run(rule, InMemorySnapshot.of(pathsAndContents));
    }

    private static List<String> messages(List<Finding> findings) {
        return findings.stream().map(Finding::message).toList();
    }

    @Test
    void flagsAMigrationThatSortsBeforeTheOneCreatingItsTable() {
        List<Finding> findings = run(
                "prisma/migrations/20240101000000_init/migration.sql", INIT,
                "prisma/migrations/20240102_add_post_index/migration.sql",
                "-- CreateIndex\nCREATE INDEX \"Post_title_idx\" ON \"Post\"(\"title\");\n",
                "prisma/migrations/20240105000000_add_post/migration.sql",
                "CREATE TABLE \"Post\" (\"id\" TEXT NOT NULL, \"title\" TEXT NOT NULL);");
        assertEquals(List.of("prisma/migrations/20240102_add_post_index/migration.sql:2:1 migration-fails-on-fresh-database"),
                RuleTester.locations(findings));
        assertEquals(List.of("CREATE INDEX \"Post_title_idx\" ON \"Post\"(\"title\") fails on a fresh database: table"
                + " \"Post\" does not exist at this point; migration 20240105000000_add_post creates it later, so prisma"
                + " migrate deploy and the shadow database of prisma migrate dev stop here."), messages(findings));
        assertEquals("Rename the migration folders so that 20240105000000_add_post sorts before 20240102_add_post_index"
                + " (Prisma applies them in name order), or move the statement after the one that creates it.",
                findings.get(0).fix());
    }

    @Test
    void flagsMissingColumnsTypesConstraintsAndIndexesOncePerMigration() {
        List<Finding> findings = run(
                "prisma/migrations/1_init/migration.sql", INIT,
                "prisma/migrations/2_column/migration.sql", """
                        ALTER TABLE "User" ALTER COLUMN "name" SET NOT NULL;
                        ALTER TABLE "User" DROP COLUMN "other";
                        """,
                "prisma/migrations/3_type/migration.sql", "ALTER TABLE \"User\" ADD COLUMN \"status\" \"Status\";",
                "prisma/migrations/4_constraint/migration.sql", "ALTER TABLE \"User\" DROP CONSTRAINT \"User_x_fkey\";",
                "prisma/migrations/5_index/migration.sql", "DROP INDEX \"User_name_idx\";",
                "prisma/migrations/6_fk/migration.sql",
                "ALTER TABLE \"User\" ADD CONSTRAINT \"User_org_fkey\" FOREIGN KEY (\"email\") REFERENCES \"Org\"(\"id\");",
                "prisma/migrations/7_enum/migration.sql", "CREATE TYPE \"Status\" AS ENUM ('A');");
        assertEquals(List.of(
                "prisma/migrations/2_column/migration.sql:1:1 migration-fails-on-fresh-database",
                "prisma/migrations/3_type/migration.sql:1:1 migration-fails-on-fresh-database",
                "prisma/migrations/4_constraint/migration.sql:1:1 migration-fails-on-fresh-database",
                "prisma/migrations/5_index/migration.sql:1:1 migration-fails-on-fresh-database",
                "prisma/migrations/6_fk/migration.sql:1:1 migration-fails-on-fresh-database"),
                RuleTester.locations(findings));
        assertEquals(List.of(
                "column \"name\" of table \"User\" does not exist at this point; no migration creates it",
                "type \"Status\" does not exist at this point; migration 7_enum creates it later",
                "constraint \"User_x_fkey\" of table \"User\" does not exist at this point; no migration creates it",
                "index \"User_name_idx\" does not exist at this point; no migration creates it",
                "table \"Org\" does not exist at this point; no migration creates it"),
                findings.stream().map(f -> f.message().replaceAll("^.* fails on a fresh database: ", "")
                        .replaceAll(", so prisma.*$", "")).toList());
    }

    @Test
    void flagsCreatingWhatAlreadyExists() {
        List<Finding> findings = run(
                "prisma/migrations/1_init/migration.sql", INIT,
                "prisma/migrations/2_again/migration.sql", """
                        CREATE TABLE "User" ("id" TEXT NOT NULL);
                        """,
                "prisma/migrations/3_column/migration.sql", "ALTER TABLE \"User\" ADD COLUMN \"email\" TEXT;",
                "prisma/migrations/4_type/migration.sql", "CREATE TYPE \"Role\" AS ENUM ('X');",
                "prisma/migrations/5_index/migration.sql", "CREATE UNIQUE INDEX \"User_email_key\" ON \"User\"(\"email\");");
        assertEquals(List.of(
                "table \"User\" already exists (migration 1_init creates it)",
                "column \"email\" of table \"User\" already exists (migration 1_init creates it)",
                "type \"Role\" already exists (migration 1_init creates it)",
                "index \"User_email_key\" already exists (migration 1_init creates it)"),
                findings.stream().map(f -> f.message().replaceAll("^.* fails on a fresh database: ", "")
                        .replaceAll(", so prisma.*$", "")).toList());
    }

    @Test
    void staysSilentOnGuardedAndOrderedStatements() {
        List<Finding> findings = run(
                "prisma/migrations/1_init/migration.sql", INIT,
                "prisma/migrations/2_guarded/migration.sql", """
                        CREATE TABLE IF NOT EXISTS "User" ("id" TEXT NOT NULL);
                        ALTER TABLE "User" ADD COLUMN IF NOT EXISTS "email" TEXT;
                        ALTER TABLE IF EXISTS "Gone" ADD COLUMN "x" TEXT;
                        DROP TABLE IF EXISTS "Gone";
                        DROP INDEX IF EXISTS "Gone_idx";
                        CREATE INDEX IF NOT EXISTS "User_email_key" ON "User"("email");
                        ALTER TABLE "User" DROP CONSTRAINT IF EXISTS "User_x_fkey";
                        DO $$ BEGIN
                          IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'Role') THEN
                            CREATE TYPE "Role" AS ENUM ('USER');
                          END IF;
                        END $$;
                        DO $$ BEGIN CREATE TYPE "Role" AS ENUM ('USER'); EXCEPTION WHEN duplicate_object THEN null; END $$;
                        """,
                "prisma/migrations/3_same_statement/migration.sql", """
                        ALTER TABLE "User" ADD COLUMN "orgId" TEXT, ADD CONSTRAINT "User_orgId_fkey"
                            FOREIGN KEY ("orgId") REFERENCES "User"("id");
                        CREATE TEMP TABLE "scratch" ON COMMIT DROP AS SELECT "id" FROM "User";
                        CREATE INDEX "scratch_id_idx" ON "scratch"("id");
                        DROP TABLE "scratch";
                        CREATE VIEW "Admins" AS SELECT * FROM "User";
                        DROP VIEW "Admins";
                        """,
                "prisma/migrations/4_function/migration.sql", """
                        CREATE FUNCTION make() RETURNS void AS $$ BEGIN CREATE TABLE "Made" (id int); END $$ LANGUAGE plpgsql;
                        SELECT make();
                        ALTER TABLE "Made" ADD COLUMN "x" TEXT;
                        """);
        assertEquals(List.of(), RuleTester.locations(findings));
    }

    @Test
    void readsStatementsInsideDoBlocks() {
        List<Finding> findings = run(
                "prisma/migrations/1_init/migration.sql", INIT,
                "prisma/migrations/2_do/migration.sql", """
                        DO $$
                        BEGIN
                          EXECUTE 'ALTER TABLE "Account" ADD COLUMN "x" TEXT';
                        END $$;
                        """);
        assertEquals(List.of("prisma/migrations/2_do/migration.sql:3:12 migration-fails-on-fresh-database"),
                RuleTester.locations(findings));
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mysql", "sqlite", "sqlserver", "cockroachdb"})
    void flagsExactlyTheMarkedStatementsOfEachDialectFixture(String dialect) {
        RuleTester.assertMatchesMarkers(rule, SqlFixtures.load(dialect));
    }

    /** Prisma's own engine applied every migration of the eight corpus projects to an empty PostgreSQL database. */
    @Test
    void findsNothingInTheCorpusWhosePrismaDiffsWereMadeOnAnEmptyDatabase() throws java.io.IOException {
        Corpus.require();
        List<Finding> findings = RuleTester.run(rule, new WorkingTreeSnapshot(Corpus.ROOT));
        assertEquals(List.of(), findings.stream().map(f -> f.path() + ":" + f.range().startLine() + " " + f.message()).toList());
    }
}
