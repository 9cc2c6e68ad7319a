package dev.migrationguard.workspace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationguard.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parse cache returns a kept parse only for the very text it was made from, survives bad entries and folders
 * it cannot write, stays out of the way when turned off, and a lint that reads it reports what a fresh parse does.
 */
class ParseCacheTest {
    private static final String SQL = "CREATE TABLE \"A\" (\"id\" INTEGER NOT NULL);\nDROP TABLE \"B\";\n";

    @TempDir
    Path dir;

    @Test
    void whatWasKeptIsReturnedForTheSameTextAndKindOnly() {
        ParseCache cache = ParseCache.at(dir, "test");
        assertEquals(Optional.empty(), cache.get("sql1-postgresql", SQL));
        cache.put("sql1-postgresql", SQL, new byte[] {1, 2, 3});
        assertArrayEquals(new byte[] {1, 2, 3}, cache.get("sql1-postgresql", SQL).orElseThrow());
        assertEquals(Optional.empty(), cache.get("sql1-mysql", SQL));
        assertEquals(Optional.empty(), cache.get("sql1-postgresql", SQL.replace("\"B\"", "\"C\"")));
        cache.put("sql1-postgresql", SQL, new byte[] {4});
        assertArrayEquals(new byte[] {4}, cache.get("sql1-postgresql", SQL).orElseThrow(), "replaced");
    }

    @Test
    void anEntryUnderAnotherTextsNameIsNotUsed() throws IOException {
        // Two texts of one length whose entries are swapped on disk (as a key both texts shared would be): neither
        // is given the other's parse.
        ParseCache cache = ParseCache.at(dir, "test");
        String a = "DROP TABLE \"A\";\n";
        String b = "DROP TABLE \"B\";\n";
        cache.put("sql1-postgresql", a, new byte[] {'a'});
        cache.put("sql1-postgresql", b, new byte[] {'b'});
        List<Path> entries = entries();
        assertEquals(2, entries.size());
        Path swap = entries.get(0).resolveSibling("swap");
        Files.move(entries.get(0), swap);
        Files.move(entries.get(1), entries.get(0));
        Files.move(swap, entries.get(1));
        assertEquals(Optional.empty(), cache.get("sql1-postgresql", a));
        assertEquals(Optional.empty(), cache.get("sql1-postgresql", b));
    }

    @Test
    void aTruncatedEntryIsNotUsed() throws IOException {
        ParseCache cache = ParseCache.at(dir, "test");
        cache.put("prisma1", SQL, new byte[] {1, 2, 3});
        Path entry = entries().get(0);
        byte[] bytes = Files.readAllBytes(entry);
        for (int cut : new int[] {0, 3, 10}) {
            Files.write(entry, Arrays.copyOf(bytes, cut));
            assertEquals(Optional.empty(), cache.get("prisma1", SQL), "cut at " + cut);
        }
    }

    @Test
    void aFolderThatCannotBeWrittenIsLeftAlone() throws IOException {
        Path blocked = dir.resolve("blocked");
        Files.writeString(blocked, "a file where the cache folder would be");
        ParseCache cache = ParseCache.at(blocked, "test");
        cache.put("sql1-postgresql", SQL, new byte[] {1});
        assertEquals(Optional.empty(), cache.get("sql1-postgresql", SQL));
        assertEquals("a file where the cache folder would be", Files.readString(blocked));
    }

    @Test
    void theFolderIsPrivateAndOtherBuildsUnusedForAWeekAreRemoved() throws IOException {
        Path old = Files.createDirectories(dir.resolve("build-old/ab"));
        Files.writeString(old.resolve("entry"), "x");
        Path recent = Files.createDirectories(dir.resolve("build-recent"));
        Path mine = Files.createDirectories(dir.resolve("notes"));
        Files.setLastModifiedTime(dir.resolve("build-old"), FileTime.from(Instant.now().minus(Duration.ofDays(8))));
        Files.setLastModifiedTime(recent, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
        Files.setLastModifiedTime(mine, FileTime.from(Instant.now().minus(Duration.ofDays(30))));
        ParseCache.at(dir, "newbuild").put("sql1-postgresql", SQL, new byte[] {1});
        assertFalse(Files.exists(dir.resolve("build-old")));
        assertTrue(Files.isDirectory(recent));
        assertTrue(Files.isDirectory(mine), "only build folders are removed");
        assertEquals(1, entries().size());

        Path root = dir.resolve("fresh/migration-guard");
        ParseCache.at(root, "b").put("sql1-postgresql", SQL, new byte[] {1});
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(root)));
    }

    @Test
    void theEnvironmentNamesTheFolderOrTurnsItOff() {
        assertFalse(ParseCache.resolve(null, Map.of("MIGRATION_GUARD_CACHE", "off",
                "MIGRATION_GUARD_CACHE_DIR", dir.toString())).enabled());
        // These tests run from class folders: only a named folder is used there.
        assertTrue(ParseCache.resolve(null, Map.of("MIGRATION_GUARD_CACHE_DIR", dir.toString())).enabled());
        assertTrue(ParseCache.resolve(dir.toString(), Map.of()).enabled());
        assertFalse(ParseCache.resolve(null, Map.of("XDG_CACHE_HOME", dir.toString())).enabled());
        assertFalse(ParseCache.resolve(null, Map.of()).enabled());
    }

    @Test
    void aLintReadingKeptParsesReportsWhatAFreshOneDoes() throws IOException {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Files.createDirectories(repo.resolve("prisma/migrations/20240101000000_init"));
        Files.createDirectories(repo.resolve("prisma/migrations/20240201000000_drop_b"));
        Files.writeString(repo.resolve("prisma/migrations/migration_lock.toml"), "provider = \"postgresql\"\n");
        Files.writeString(repo.resolve("prisma/migrations/20240101000000_init/migration.sql"),
                "CREATE TABLE \"A\" (\"id\" INTEGER NOT NULL);\nCREATE TABLE \"B\" (\"id\" INTEGER NOT NULL);\n");
        Files.writeString(repo.resolve("prisma/migrations/20240201000000_drop_b/migration.sql"),
                "ALTER TABLE \"A\" ADD COLUMN \"b\" TEXT NOT NULL;\nDROP TABLE \"B\";\n");
        Path cacheDir = dir.resolve("cache");
        String before = System.getProperty(ParseCache.DIR_PROPERTY);
        System.setProperty(ParseCache.DIR_PROPERTY, cacheDir.toString());
        try {
            CliRun first = CliRun.of(repo, "lint", "--format", "json");
            assertTrue(ParseCache.current().enabled());
            List<Path> kept;
            try (Stream<Path> files = Files.walk(cacheDir)) {
                kept = files.filter(Files::isRegularFile).toList();
            }
            assertEquals(2, kept.size(), "each migration parsed and kept");
            Object written = Files.readAttributes(kept.get(0), BasicFileAttributes.class)
                    .fileKey();
            CliRun second = CliRun.of(repo, "lint", "--format", "json");
            // Read, not parsed and written again (a miss replaces the entry with a new file).
            assertEquals(written, Files.readAttributes(kept.get(0), BasicFileAttributes.class)
                    .fileKey());
            assertEquals(first.exitCode(), second.exitCode());
            assertEquals(first.out(), second.out());
            assertTrue(first.out().contains("destructive-drop"), first.out());
            assertNotEquals(0, first.exitCode());
        } finally {
            if (before == null) {
                System.clearProperty(ParseCache.DIR_PROPERTY);
            } else {
                System.setProperty(ParseCache.DIR_PROPERTY, before);
            }
        }
        if (System.getenv(ParseCache.DIR_VARIABLE) == null) {
            assertFalse(ParseCache.current().enabled(), "tests from class folders keep nothing by default");
        }
    }

    @Test
    void aCacheFolderInsideTheScannedRepositoryIsNeverWritten() throws IOException {
        // A home folder kept in git: ~/.cache lies in the working tree the lint reads, which it must leave unchanged.
        Path home = Files.createDirectories(dir.resolve("home"));
        Files.createDirectories(home.resolve("prisma/migrations/20240101000000_init"));
        Files.writeString(home.resolve("prisma/migrations/migration_lock.toml"), "provider = \"postgresql\"\n");
        Files.writeString(home.resolve("prisma/migrations/20240101000000_init/migration.sql"), SQL);
        Path cacheDir = home.resolve(".cache/migration-guard");
        String before = System.getProperty(ParseCache.DIR_PROPERTY);
        System.setProperty(ParseCache.DIR_PROPERTY, cacheDir.toString());
        try {
            CliRun run = CliRun.of(home, "lint", "--format", "json");
            assertTrue(run.out().contains("\"migrations\" : 1"), run.out());
            assertFalse(Files.exists(cacheDir), "nothing written in the scanned folder");

        } finally {
            if (before == null) {
                System.clearProperty(ParseCache.DIR_PROPERTY);
            } else {
                System.setProperty(ParseCache.DIR_PROPERTY, before);
            }
        }
    }

    @Test
    void anyWorkingTreeReadMarksItsFolderAsNotToBeWritten() throws IOException {
        // Commands that read a folder without a git scan (`db`) are held to it too: the snapshot marks its root.
        Path folder = Files.createDirectories(dir.resolve("read-by-db"));
        new WorkingTreeSnapshot(folder);
        ParseCache.at(folder.resolve(".cache/migration-guard"), "t").put("sql1-postgresql", SQL, new byte[] {1});
        assertFalse(Files.exists(folder.resolve(".cache")));
        Path elsewhere = dir.resolve("elsewhere");
        ParseCache.at(elsewhere, "t").put("sql1-postgresql", SQL, new byte[] {1});
        assertTrue(Files.isDirectory(elsewhere.resolve("build-t")));
    }

    private List<Path> entries() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().contains("-")).sorted()
                    .toList();
        }
    }
}
