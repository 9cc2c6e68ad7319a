package dev.migrationguard.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationguard.workspace.SourceFile;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DataChangeTest {

    private static List<Optional<DataChange>> read(SqlDialect dialect, String sql) {
        SqlScript script = SqlParser.parse(new SourceFile("m.sql", sql), dialect);
        return script.statements().stream().map(s -> DataChange.of(script, s)).toList();
    }

    @Test
    void readsTheTargetOfEachDataStatement() {
        List<Optional<DataChange>> changes = read(SqlDialect.POSTGRESQL, """
                UPDATE ONLY "public"."User" SET "phone" = '' WHERE "phone" IS NULL;
                DELETE FROM "Session" WHERE "expires" < now();
                INSERT INTO "Archive" ("id") SELECT "id" FROM "User";
                INSERT INTO "Role" ("name") VALUES ('x');
                WITH d AS (SELECT 1) UPDATE "Order" SET "total" = 0;
                CREATE TABLE "T" ("a" INT);
                """);
        assertEquals(DataChange.Kind.UPDATE, changes.get(0).orElseThrow().kind());
        assertEquals("public.User", changes.get(0).orElseThrow().table().display());
        assertTrue(changes.get(0).orElseThrow().mentions("phone"));
        assertEquals("Session", changes.get(1).orElseThrow().table().name());
        assertTrue(changes.get(2).orElseThrow().fromQuery());
        assertFalse(changes.get(3).orElseThrow().fromQuery());
        assertEquals("Order", changes.get(4).orElseThrow().table().name());
        assertTrue(changes.get(5).isEmpty());
    }

    @Test
    void tellsPrismasGeneratedCopyStepFromAnEditedOne() {
        List<Optional<DataChange>> changes = read(SqlDialect.SQLITE, """
                INSERT INTO "new_User" ("age", "id") SELECT "age", "id" FROM "User";
                INSERT INTO "new_User" ("age", "id") SELECT COALESCE("age", 0), "id" FROM "User";
                INSERT INTO "new_User" ("age", "id") SELECT "age", "id" FROM "User" WHERE "id" > 0;
                """);
        assertTrue(changes.get(0).orElseThrow().plainCopy());
        assertFalse(changes.get(1).orElseThrow().plainCopy());
        assertFalse(changes.get(2).orElseThrow().plainCopy());
    }

    @Test
    void readsPrismasWarningItems() {
        SourceFile file = new SourceFile("m.sql", """
                /*
                  Warnings:

                  - A unique constraint covering the columns `[teamId,email]` on the table `Member` will be added. If there are existing duplicate values, this will fail.
                  - You are about to drop the `AuditLog` table. If the table is not empty, all the data it contains will be lost.
                  - Checked by hand.

                */
                DROP TABLE "AuditLog";
                """);
        List<PrismaWarnings.Warning> warnings = PrismaWarnings.of(file);
        assertEquals(List.of(PrismaWarnings.Kind.UNIQUE, PrismaWarnings.Kind.DROP_TABLE, PrismaWarnings.Kind.OTHER),
                warnings.stream().map(PrismaWarnings.Warning::kind).toList());
        assertEquals(List.of("teamId", "email"), warnings.get(0).columns());
        assertEquals("Member", warnings.get(0).table());
        assertEquals("AuditLog", warnings.get(1).table());
        assertEquals(4, file.line(warnings.get(0).span().start()));
        assertEquals(List.of(), PrismaWarnings.of(new SourceFile("m.sql", "-- Warnings:\nDROP TABLE \"A\";\n")));
    }
}
