package dev.migrationguard.workspace;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GlobTest {

    @Test
    void doubleStarCrossesFoldersAndSingleStarDoesNot() {
        assertTrue(Glob.toPattern("legacy/**").matcher("legacy/a/b.sql").matches());
        assertTrue(Glob.toPattern("src/*.sql").matcher("src/a.sql").matches());
        assertFalse(Glob.toPattern("src/*.sql").matcher("src/x/a.sql").matches());
        assertTrue(Glob.toPattern("**/fixtures/**").matcher("test/fixtures/a.sql").matches());
        assertTrue(Glob.toPattern("**/fixtures/**").matcher("fixtures/a.sql").matches());
    }

    @Test
    void globWithoutSlashMatchesNamesAtAnyDepth() {
        assertTrue(Glob.toPattern("*.sql").matcher("a/b/c.sql").matches());
        assertFalse(Glob.toPattern("*.sql").matcher("a/b/c.sqlx").matches());
    }

    @Test
    void folderGlobMatchesEverythingUnderIt() {
        assertTrue(Glob.toPattern("test/fixtures").matcher("test/fixtures/x/y.sql").matches());
        assertTrue(Glob.toPattern("vendor/").matcher("vendor/a.sh").matches());
        assertFalse(Glob.toPattern("test/fixtures").matcher("test/fixtures2/y.sql").matches());
    }
}
