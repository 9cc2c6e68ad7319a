package dev.migrationguard.rules.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationguard.testing.DbRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DbMigrationModifiedTest {
    @TempDir
    Path dir;

    @Test
    void flagsAMigrationEditedAfterItWasApplied() throws Exception {
        DeployedProject project = DeployedProject.umami(dir);
        Path file = project.migration("07_add_tag");
        Files.writeString(file, Files.readString(file) + "-- also index the tag, added after the deploy\n");
        DbRun run = project.check();
        assertEquals(List.of("prisma/migrations/07_add_tag/migration.sql:1:1 db-migration-modified"), run.findings());
        assertTrue(run.messages().get(0).contains("the database recorded c38c9605d759..."), run.messages().get(0));
    }

    @Test
    void ignoresLineEndingsGitChangedOnCheckout() throws Exception {
        DeployedProject project = DeployedProject.umami(dir);
        Path file = project.migration("07_add_tag");
        Files.writeString(file, Files.readString(file).replace("\n", "\r\n"));
        assertEquals(List.of(), project.findings());
    }

    @Test
    void ignoresAnEditOfAMigrationNotYetApplied() throws Exception {
        DeployedProject project = DeployedProject.umami(dir, 18);
        Path file = project.migration("19_add_session_replay");
        Files.writeString(file, Files.readString(file) + "-- reviewed\n");
        assertEquals(List.of("prisma/migrations/19_add_session_replay/migration.sql:1:1 db-migration-pending"),
                project.findings());
    }
}
