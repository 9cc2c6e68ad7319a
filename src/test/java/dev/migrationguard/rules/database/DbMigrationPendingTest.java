package dev.migrationguard.rules.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationguard.testing.DbRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DbMigrationPendingTest {
    @TempDir
    Path dir;

    @Test
    void flagsTheMigrationsTheDatabaseHasNotApplied() throws Exception {
        DeployedProject project = DeployedProject.umami(dir, 17);
        DbRun run = project.check();
        assertEquals(List.of("prisma/migrations/18_add_performance/migration.sql:1:1 db-migration-pending",
                "prisma/migrations/19_add_session_replay/migration.sql:1:1 db-migration-pending"), run.findings());
        assertTrue(run.messages().get(0).contains("migration 18_add_performance is not applied"), run.messages().get(0));
        assertEquals(1, run.exitCode());
    }

    @Test
    void flagsAFolderAddedAfterTheDeploy() throws Exception {
        DeployedProject project = DeployedProject.umami(dir);
        Path added = project.root.resolve("prisma/migrations/20_add_quest/migration.sql");
        Files.createDirectories(added.getParent());
        Files.writeString(added, "CREATE TABLE \"quest\" (\"id\" UUID NOT NULL PRIMARY KEY);\n");
        assertEquals(List.of("prisma/migrations/20_add_quest/migration.sql:1:1 db-migration-pending"), project.findings());
    }

    @Test
    void flagsAMigrationRolledBackAndNotAppliedAgain() throws Exception {
        DeployedProject project = DeployedProject.umami(dir, 18);
        project.sql("INSERT INTO \"_prisma_migrations\" (id, checksum, migration_name, logs, rolled_back_at, started_at)"
                + " VALUES ('1', 'x', '19_add_session_replay', 'ERROR: boom', now(), now())");
        DbRun run = project.check();
        assertEquals(List.of("prisma/migrations/19_add_session_replay/migration.sql:1:1 db-migration-pending"),
                run.findings());
        assertTrue(run.messages().get(0).contains("rolled back"), run.messages().get(0));
    }

    @Test
    void saysHowToBaselineADatabaseWithTablesButNoTrackingTable() throws Exception {
        DeployedProject project = DeployedProject.umami(dir, 1);
        project.sql("DROP TABLE \"_prisma_migrations\"");
        DbRun run = project.check();
        assertEquals(19, run.findings().size());
        assertTrue(run.messages().get(0).contains("P3005"), run.messages().get(0));
    }

    @Test
    void ignoresAppliedAndFailedMigrations() throws Exception {
        DeployedProject project = DeployedProject.umami(dir, 18);
        project.failedRow("19_add_session_replay", "ERROR: boom");
        assertEquals(List.of("prisma/migrations/19_add_session_replay/migration.sql:1:1 db-migration-failed"),
                project.findings());
    }
}
