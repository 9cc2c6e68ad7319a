package dev.migrationguard.rules.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationguard.testing.DbRun;
import dev.migrationguard.testing.PrismaDeploy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DbMigrationMissingTest {
    @TempDir
    Path dir;

    @Test
    void flagsAnAppliedMigrationWhoseFolderIsGone() throws Exception {
        DeployedProject project = DeployedProject.umami(dir);
        // A data fix applied from a branch that was never merged: it changed rows, not the schema.
        Path hotfix = project.root.resolve("prisma/migrations/20_backfill_team_names/migration.sql");
        Files.createDirectories(hotfix.getParent());
        Files.writeString(hotfix, "UPDATE \"team\" SET \"name\" = 'Team' WHERE \"name\" = '';\n");
        PrismaDeploy.deploy(project.url, List.of(hotfix.getParent()));
        Files.delete(hotfix);
        Files.delete(hotfix.getParent());
        DbRun run = project.check();
        assertEquals(List.of("prisma/migrations/migration_lock.toml:1:1 db-migration-missing"), run.findings());
        assertTrue(run.messages().get(0).contains("migration 20_backfill_team_names is applied to this database"),
                run.messages().get(0));
        assertEquals(0, run.exitCode(), "a warning does not fail the run at the default level");
    }

    @Test
    void ignoresARolledBackRowOfAMigrationTheFolderDropped() throws Exception {
        DeployedProject project = DeployedProject.umami(dir);
        project.sql("INSERT INTO \"_prisma_migrations\" (id, checksum, migration_name, logs, rolled_back_at, started_at)"
                + " VALUES ('r', 'x', '20_abandoned', 'ERROR: boom', now(), now())");
        assertEquals(List.of(), project.findings());
    }
}
