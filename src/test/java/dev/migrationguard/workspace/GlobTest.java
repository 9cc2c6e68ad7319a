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

    @Test
    void bracesMatchEitherAlternativeAndNest() {
        assertTrue(Glob.toPattern("docker/*.{yml,yaml}").matcher("docker/dev.yaml").matches());
        assertTrue(Glob.toPattern("docker/*.{yml,yaml}").matcher("docker/dev.yml").matches());
        assertFalse(Glob.toPattern("docker/*.{yml,yaml}").matcher("docker/dev.json").matches());
        assertTrue(Glob.toPattern("{scripts,bin/{a,b}}/x.sh").matcher("bin/b/x.sh").matches());
        assertFalse(Glob.toPattern("{scripts,bin/{a,b}}/x.sh").matcher("bin/c/x.sh").matches());
    }

    @Test
    void bracketsMatchOneCharacterOfASet() {
        assertTrue(Glob.toPattern("seed[12].sql").matcher("db/seed2.sql").matches());
        assertFalse(Glob.toPattern("seed[12].sql").matcher("db/seed3.sql").matches());
        assertTrue(Glob.toPattern("v[0-9]/*.sh").matcher("v7/run.sh").matches());
        assertTrue(Glob.toPattern("seed[!12].sql").matcher("seed3.sql").matches());
        assertFalse(Glob.toPattern("seed[!12].sql").matcher("seed1.sql").matches());
        assertFalse(Glob.toPattern("a[!x]b").matcher("a/b").matches());
    }

    @Test
    void anUnclosedBraceOrBracketIsRefused() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Glob.toPattern("*.{yml"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Glob.toPattern("seed[12.sql"));
    }
}
