package dev.migrationguard.rules.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationguard.sql.QualifiedName;
import dev.migrationguard.sql.Span;
import dev.migrationguard.sql.SqlDialect;
import dev.migrationguard.sql.SqlParser;
import dev.migrationguard.sql.SqlStatement;
import dev.migrationguard.workspace.SourceFile;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReplayedSchemaTest {

    private static ReplayedSchema replay(ReplayedSchema schema, String sql) {
        for (SqlStatement statement : SqlParser.parse(new SourceFile("m.sql", sql), SqlDialect.POSTGRESQL)
                .statements()) {
            schema.apply(statement);
        }
        return schema;
    }

    private static QualifiedName table(String name) {
        return new QualifiedName(null, name, new Span(0, 0));
    }

    private static List<String> columns(ReplayedSchema schema, String table) {
        return List.copyOf(schema.table(table(table)).orElseThrow().columns().keySet());
    }

    private static ReplayedSchema base() {
        return replay(new ReplayedSchema(), """
                CREATE TYPE "Role" AS ENUM ('A', 'B');
                CREATE TABLE "User" ("id" INT NOT NULL, "name" TEXT, "role" "Role");
                CREATE TABLE "Post" ("id" INT NOT NULL);
                ALTER TABLE "Post" ADD CONSTRAINT "c" CHECK ("id" IS NOT NULL) NOT VALID;
                """);
    }

    @Test
    void changesToACopyLeaveTheOriginalAsItWas() {
        ReplayedSchema original = base();
        ReplayedSchema copy = original.copy();
        replay(copy, """
                ALTER TABLE "User" ADD COLUMN "email" TEXT NOT NULL, ALTER COLUMN "name" SET NOT NULL;
                ALTER TABLE "User" DROP COLUMN "role";
                DROP TABLE "Post";
                CREATE TABLE "Tag" ("id" INT);
                ALTER TYPE "Role" ADD VALUE 'C';
                ALTER TABLE "Post" VALIDATE CONSTRAINT "c";
                """);
        assertEquals(List.of("id", "name", "role"), columns(original, "User"));
        assertFalse(original.column(table("User"), "name").orElseThrow().notNull());
        assertTrue(original.table(table("Post")).isPresent());
        assertFalse(original.table(table("Tag")).isPresent());
        assertEquals(Optional.of(List.of("A", "B")), original.enumValues("Role"));
        assertFalse(original.provenNotNull(table("Post"), "id"));

        assertEquals(List.of("id", "name", "email"), columns(copy, "User"));
        assertTrue(copy.column(table("User"), "name").orElseThrow().notNull());
        assertFalse(copy.table(table("Post")).isPresent());
        assertTrue(copy.table(table("Tag")).isPresent());
        assertEquals(Optional.of(List.of("A", "B", "C")), copy.enumValues("Role"));
        assertTrue(copy.provenNotNull(table("Post"), "id"));
    }

    @Test
    void changesToTheOriginalAfterACopyLeaveTheCopyAsItWas() {
        ReplayedSchema original = base();
        ReplayedSchema copy = original.copy();
        replay(original, """
                ALTER TABLE "User" RENAME COLUMN "name" TO "fullName";
                ALTER TABLE "Post" RENAME TO "Article";
                ALTER TYPE "Role" RENAME TO "Role_old";
                ALTER TABLE "Post" VALIDATE CONSTRAINT "c";
                """);
        assertEquals(List.of("id", "name", "role"), columns(copy, "User"));
        assertEquals("Role", copy.column(table("User"), "role").orElseThrow().type().name());
        assertTrue(copy.table(table("Post")).isPresent());
        assertFalse(copy.table(table("Article")).isPresent());
        assertEquals(Optional.of(List.of("A", "B")), copy.enumValues("Role"));
        assertFalse(copy.provenNotNull(table("Post"), "id"));

        assertEquals(List.of("id", "role", "fullName"), columns(original, "User"));
        assertEquals("Role_old", original.column(table("User"), "role").orElseThrow().type().name());
        assertTrue(original.table(table("Article")).isPresent());
        assertEquals(Optional.of(List.of("A", "B")), original.enumValues("Role_old"));
        assertTrue(original.provenNotNull(table("Post"), "id"));
    }

    @Test
    void aCopyOfACopyIsIndependentOfBoth() {
        ReplayedSchema first = base();
        ReplayedSchema second = first.copy();
        ReplayedSchema third = second.copy();
        replay(second, "ALTER TABLE \"User\" ADD COLUMN \"a\" INT;");
        replay(third, "ALTER TABLE \"User\" ADD COLUMN \"b\" INT;");
        assertEquals(List.of("id", "name", "role"), columns(first, "User"));
        assertEquals(List.of("id", "name", "role", "a"), columns(second, "User"));
        assertEquals(List.of("id", "name", "role", "b"), columns(third, "User"));
    }

    @Test
    void aRenamedTypeFollowsIntoTablesCreatedAndKeepsDroppedTablesGone() {
        ReplayedSchema schema = base().copy();
        replay(schema, """
                CREATE TABLE "Member" ("id" INT, "role" "Role");
                DROP TABLE "Post";
                ALTER TABLE "User" RENAME TO "Person";
                ALTER TYPE "Role" RENAME TO "Role_old";
                """);
        assertEquals("Role_old", schema.column(table("Member"), "role").orElseThrow().type().name());
        assertEquals("Role_old", schema.column(table("Person"), "role").orElseThrow().type().name());
        assertFalse(schema.table(table("Post")).isPresent());
        assertFalse(schema.table(table("User")).isPresent());
        ReplayedSchema next = schema.copy();
        assertFalse(next.table(table("Post")).isPresent());
        assertEquals(List.of("id", "name", "role"), columns(next, "Person"));
    }
}
