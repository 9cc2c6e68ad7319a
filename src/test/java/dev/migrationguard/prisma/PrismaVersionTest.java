package dev.migrationguard.prisma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationguard.testing.InMemorySnapshot;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PrismaVersionTest {

    @Test
    void readsTheLowestVersionOfThePrismaRange() {
        PrismaVersion v = PrismaVersion.parse("{\"devDependencies\": {\"prisma\": \"^7.4.2\"}}", "package.json").orElseThrow();
        assertEquals(7, v.major());
        assertEquals(4, v.minor());
        assertTrue(v.atLeast(7, 4));
        assertFalse(v.atLeast(7, 5));
        assertEquals(6, PrismaVersion.parse("{\"dependencies\": {\"prisma\": \">=6.1 <7\"}}", "p").orElseThrow().major());
    }

    @Test
    void fallsBackToTheClientAndIgnoresWhatIsNoVersion() {
        assertEquals(5, PrismaVersion.parse("{\"dependencies\": {\"@prisma/client\": \"~5.22.0\"}}", "p")
                .orElseThrow().major());
        assertEquals(Optional.empty(), PrismaVersion.parse("{\"devDependencies\": {\"prisma\": \"catalog:\"}}", "p"));
        assertEquals(Optional.empty(), PrismaVersion.parse("{\"scripts\": {\"prisma\": \"prisma\"}}", "p"));
        assertEquals(Optional.empty(), PrismaVersion.parse("not json", "p"));
    }

    @Test
    void walksUpFromTheFolderToTheNearestPackageJsonThatNamesPrisma() {
        InMemorySnapshot snapshot = InMemorySnapshot.of(
                "package.json", "{\"devDependencies\": {\"prisma\": \"6.5.0\"}}",
                "apps/web/package.json", "{\"name\": \"web\"}",
                "packages/db/package.json", "{\"devDependencies\": {\"prisma\": \"7.8.0\"}}");
        assertEquals("packages/db/package.json", PrismaVersion.near(snapshot, "packages/db/prisma").orElseThrow().path());
        assertEquals("package.json", PrismaVersion.near(snapshot, "apps/web/prisma").orElseThrow().path());
    }
}
