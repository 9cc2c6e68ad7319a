package dev.migrationguard.rules.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationguard.testing.DbRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DbSchemaDriftTest {
    @TempDir
    Path dir;

    @Test
    void flagsATableAddedOutsideTheMigrationsAtTheMigrationsFolder() throws Exception {
        DeployedProject project = DeployedProject.umami(dir);
        project.sql("CREATE TABLE \"quest\" (\"id\" SERIAL PRIMARY KEY, \"title\" TEXT NOT NULL)");
        DbRun run = project.check();
        assertEquals(List.of("prisma/migrations/migration_lock.toml:1:1 db-schema-drift"), run.findings());
        assertTrue(run.messages().get(0).contains("the database has table \"quest\", which no applied migration creates"),
                run.messages().get(0));
        assertTrue(run.out().contains("prisma migrate resolve --applied"), "the fix baselines: " + run.out());
    }

    @Test
    void flagsDbPushResidueAtTheModelThatDeclaresIt() throws Exception {
        DeployedProject project = DeployedProject.umami(dir);
        Path schema = project.root.resolve("prisma/schema.prisma");
        Files.writeString(schema, Files.readString(schema)
                + "\nmodel Quest {\n  id    Int    @id @default(autoincrement())\n  title String\n}\n");
        int line = Files.readAllLines(schema).indexOf("model Quest {") + 1;
        // What `prisma db push` runs for that model.
        project.sql("CREATE TABLE \"Quest\" (\"id\" SERIAL NOT NULL, \"title\" TEXT NOT NULL,"
                + " CONSTRAINT \"Quest_pkey\" PRIMARY KEY (\"id\"))");
        assertEquals(List.of("prisma/schema.prisma:" + line + ":7 db-schema-drift"), project.findings());
    }

    @Test
    void flagsColumnsChangedByHandAtTheStatementThatMadeThem() throws Exception {
        DeployedProject project = DeployedProject.umami(dir);
        project.sql("ALTER TABLE \"team\" ALTER COLUMN \"name\" TYPE VARCHAR(100);"
                + " ALTER TABLE \"team\" ALTER COLUMN \"created_at\" DROP DEFAULT;"
                + " ALTER TABLE \"team\" ALTER COLUMN \"updated_at\" SET NOT NULL");
        DbRun run = project.check();
        assertEquals(List.of("prisma/migrations/01_init/migration.sql:87:5 db-schema-drift",
                "prisma/migrations/01_init/migration.sql:89:5 db-schema-drift",
                "prisma/migrations/01_init/migration.sql:90:5 db-schema-drift"), run.findings());
        assertEquals(List.of(
                "db-schema-drift: column \"team\".\"name\" has type varchar(100) in the database but varchar(50) after "
                        + "migration 01_init",
                "db-schema-drift: column \"team\".\"created_at\" has no default in the database but default now() after "
                        + "migration 01_init",
                "db-schema-drift: column \"team\".\"updated_at\" is NOT NULL in the database but nullable after "
                        + "migration 01_init"), run.messages());
    }

    @Test
    void flagsATableAndAnIndexDroppedByHand() throws Exception {
        DeployedProject project = DeployedProject.umami(dir);
        project.sql("DROP TABLE \"session_replay_saved\"; DROP INDEX \"session_replay_website_id_idx\"");
        DbRun run = project.check();
        assertEquals(2, run.findings().size(), run.messages().toString());
        assertTrue(run.findings().stream().allMatch(f -> f.startsWith("prisma/migrations/19_add_session_replay/")),
                run.findings().toString());
        assertTrue(run.messages().stream().anyMatch(m -> m.contains("index \"session_replay_website_id_idx\" on "
                + "\"session_replay\"(website_id), created by migration 19_add_session_replay, does not exist")),
                run.messages().toString());
    }

    @Test
    void flagsAnEnumTypeCreatedByHand() throws Exception {
        DeployedProject project = DeployedProject.umami(dir);
        project.sql("CREATE TYPE \"Mood\" AS ENUM ('happy', 'sad')");
        DbRun run = project.check();
        assertEquals(List.of("prisma/migrations/migration_lock.toml:1:1 db-schema-drift"), run.findings());
        assertTrue(run.messages().get(0).contains("enum \"Mood\""), run.messages().get(0));
    }

    @Test
    void ignoresSchemasViewsAndFunctionsPrismaDoesNotManage() throws Exception {
        DeployedProject project = DeployedProject.umami(dir);
        project.sql("CREATE SCHEMA audit; CREATE TABLE audit.log (id SERIAL PRIMARY KEY);"
                + " CREATE VIEW \"team_names\" AS SELECT \"name\" FROM \"team\";"
                + " CREATE FUNCTION one() RETURNS int LANGUAGE sql AS 'SELECT 1'");
        assertEquals(List.of(), project.findings());
    }

    @Test
    void judgesOnlyTheAppliedMigrations() throws Exception {
        // The pending migration's tables are missing, as they should be: pending, not drift.
        DeployedProject project = DeployedProject.umami(dir, 18);
        assertEquals(List.of("prisma/migrations/19_add_session_replay/migration.sql:1:1 db-migration-pending"),
                project.findings());
    }
}
