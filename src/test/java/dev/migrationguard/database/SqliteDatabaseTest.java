package dev.migrationguard.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationguard.testing.DbRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code db} on SQLite, in-process: migrations as Prisma writes them for SQLite (its table redefinition included),
 * applied with {@code _prisma_migrations} rows as Prisma's SQLite connector keeps them.
 */
class SqliteDatabaseTest {
    private static final String INIT = """
            -- CreateTable
            CREATE TABLE "User" (
                "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
                "email" TEXT NOT NULL,
                "name" TEXT,
                "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
            );

            -- CreateTable
            CREATE TABLE "Post" (
                "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
                "title" TEXT NOT NULL,
                "authorId" INTEGER NOT NULL,
                CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
            );

            -- CreateIndex
            CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
            """;
    private static final String PUBLISHED = """
            -- RedefineTables
            PRAGMA defer_foreign_keys=ON;
            PRAGMA foreign_keys=OFF;
            CREATE TABLE "new_Post" (
                "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
                "title" TEXT NOT NULL,
                "published" BOOLEAN NOT NULL DEFAULT false,
                "authorId" INTEGER NOT NULL,
                CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
            );
            INSERT INTO "new_Post" ("authorId", "id", "title") SELECT "authorId", "id", "title" FROM "Post";
            DROP TABLE "Post";
            ALTER TABLE "new_Post" RENAME TO "Post";
            CREATE INDEX "Post_authorId_idx" ON "Post"("authorId");
            PRAGMA foreign_keys=ON;
            PRAGMA defer_foreign_keys=OFF;
            """;

    @TempDir
    Path repo;

    private Path database() {
        return repo.resolve("prisma/dev.db");
    }

    private void write(String name, String sql) throws Exception {
        Path file = repo.resolve("prisma/migrations/" + name + "/migration.sql");
        Files.createDirectories(file.getParent());
        Files.writeString(file, sql);
    }

    /** Applies migrations as Prisma does on SQLite: its tracking table, a row per migration, the script. */
    private void deploy(String... names) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database())) {
            try (Statement s = c.createStatement()) {
                s.execute("""
                        CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
                            "id"                    TEXT PRIMARY KEY NOT NULL,
                            "checksum"              TEXT NOT NULL,
                            "finished_at"           DATETIME,
                            "migration_name"        TEXT NOT NULL,
                            "logs"                  TEXT,
                            "rolled_back_at"        DATETIME,
                            "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
                            "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
                        )""");
            }
            for (String name : names) {
                String sql = Files.readString(repo.resolve("prisma/migrations/" + name + "/migration.sql"));
                try (Statement s = c.createStatement()) {
                    s.executeUpdate(sql);
                }
                try (PreparedStatement p = c.prepareStatement("INSERT INTO \"_prisma_migrations\" VALUES "
                        + "(?, ?, ?, ?, NULL, NULL, ?, 1)")) {
                    p.setString(1, UUID.randomUUID().toString());
                    p.setString(2, MigrationChecksum.of(sql));
                    p.setLong(3, System.currentTimeMillis());
                    p.setString(4, name);
                    p.setLong(5, System.currentTimeMillis());
                    p.executeUpdate();
                }
            }
        }
    }

    private DbRun check() {
        return DbRun.of(repo, "--url", "file:./dev.db", "--format", "json");
    }

    private void project() throws Exception {
        Files.createDirectories(repo.resolve("prisma/migrations"));
        Files.writeString(repo.resolve("prisma/schema.prisma"), "datasource db {\n  provider = \"sqlite\"\n"
                + "  url      = \"file:./dev.db\"\n}\n");
        Files.writeString(repo.resolve("prisma/migrations/migration_lock.toml"), "provider = \"sqlite\"\n");
        write("20240101000000_init", INIT);
        write("20240201000000_post_published", PUBLISHED);
    }

    @Test
    void aDeployedDatabaseHasNoFinding() throws Exception {
        project();
        deploy("20240101000000_init", "20240201000000_post_published");
        DbRun run = check();
        assertEquals(List.of(), run.messages(), run.err());
        assertEquals(0, run.exitCode());
    }

    @Test
    void flagsEachFaultMadeByHand() throws Exception {
        project();
        deploy("20240101000000_init", "20240201000000_post_published");
        write("20240301000000_add_quest", "CREATE TABLE \"Quest\" (\"id\" INTEGER NOT NULL PRIMARY KEY);\n");
        Path init = repo.resolve("prisma/migrations/20240101000000_init/migration.sql");
        Files.writeString(init, Files.readString(init) + "-- edited\n");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database()); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE \"Badge\" (\"id\" INTEGER NOT NULL PRIMARY KEY)");
        }
        assertEquals(List.of("prisma/migrations/20240101000000_init/migration.sql:1:1 db-migration-modified",
                "prisma/migrations/20240301000000_add_quest/migration.sql:1:1 db-migration-pending",
                "prisma/migrations/migration_lock.toml:1:1 db-schema-drift"), check().findings());
    }

    @Test
    void opensTheFileReadOnlyAndNeverCreatesIt() throws Exception {
        project();
        DbRun run = check();
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("no SQLite database file at"), run.err());
        assertTrue(Files.notExists(database()));
    }
}
