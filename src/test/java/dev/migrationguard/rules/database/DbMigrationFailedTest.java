package dev.migrationguard.rules.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationguard.testing.DbRun;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DbMigrationFailedTest {
    @TempDir
    Path dir;

    @Test
    void flagsAFailedRowWithTheFirstLineOfItsLogsAndTheResolveChoices() throws Exception {
        DeployedProject project = DeployedProject.umami(dir, 18);
        project.failedRow("19_add_session_replay", "\nERROR: column \"slug\" is referenced by a view\nDETAIL: more");
        DbRun run = project.check();
        assertEquals(List.of("prisma/migrations/19_add_session_replay/migration.sql:1:1 db-migration-failed"),
                run.findings());
        String message = run.messages().get(0);
        assertTrue(message.contains(": ERROR: column \"slug\" is referenced by a view;"), message);
        assertTrue(message.contains("P3009"), message);
        assertTrue(run.out().contains("prisma migrate resolve --rolled-back 19_add_session_replay"), run.out());
        assertTrue(run.out().contains("prisma migrate resolve --applied 19_add_session_replay"), run.out());
    }

    @Test
    void flagsAFailedRowOfAMigrationTheFolderLacksAtTheFolder() throws Exception {
        DeployedProject project = DeployedProject.umami(dir);
        project.sql("INSERT INTO \"_prisma_migrations\" (id, checksum, migration_name, logs, started_at)"
                + " VALUES ('f', 'x', '20_hotfix', 'ERROR: deadlock detected', now())");
        DbRun run = project.check();
        assertEquals(List.of("prisma/migrations/migration_lock.toml:1:1 db-migration-failed"), run.findings());
        assertTrue(run.messages().get(0).contains("has no such migration"), run.messages().get(0));
    }

    @Test
    void ignoresAFailedRowThatWasRolledBackAndAppliedAgain() throws Exception {
        DeployedProject project = DeployedProject.umami(dir);
        project.sql("INSERT INTO \"_prisma_migrations\" (id, checksum, migration_name, logs, rolled_back_at, started_at)"
                + " VALUES ('r', 'x', '19_add_session_replay', 'ERROR: boom', now(), now() - interval '1 day')");
        assertEquals(List.of(), project.findings());
    }
}
