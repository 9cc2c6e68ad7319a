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
    void followsColumnsEnumsAndValidatedChecksThroughAMigration() {
        ReplayedSchema schema = replay(base(), """
                ALTER TABLE "User" ADD COLUMN "email" TEXT NOT NULL, ALTER COLUMN "name" SET NOT NULL;
                ALTER TABLE "User" DROP COLUMN "role";
                DROP TABLE "Post";
                CREATE TABLE "Tag" ("id" INT);
                ALTER TYPE "Role" ADD VALUE 'C';
                ALTER TABLE "Post" VALIDATE CONSTRAINT "c";
                """);
        assertEquals(List.of("id", "name", "email"), columns(schema, "User"));
        assertTrue(schema.column(table("User"), "name").orElseThrow().notNull());
        assertFalse(schema.table(table("Post")).isPresent());
        assertTrue(schema.table(table("Tag")).isPresent());
        assertEquals(Optional.of(List.of("A", "B", "C")), schema.enumValues("Role"));
        assertTrue(schema.provenNotNull(table("Post"), "id"));
    }

    @Test
    void aRenamedTypeFollowsIntoEveryTableAndRenamedTablesKeepTheirColumns() {
        ReplayedSchema schema = replay(base(), """
                CREATE TABLE "Member" ("id" INT, "role" "Role");
                DROP TABLE "Post";
                ALTER TABLE "User" RENAME COLUMN "name" TO "fullName";
                ALTER TABLE "User" RENAME TO "Person";
                ALTER TYPE "Role" RENAME TO "Role_old";
                """);
        assertEquals("Role_old", schema.column(table("Member"), "role").orElseThrow().type().name());
        assertEquals("Role_old", schema.column(table("Person"), "role").orElseThrow().type().name());
        assertEquals(List.of("id", "role", "fullName"), columns(schema, "Person"));
        assertEquals(Optional.of(List.of("A", "B")), schema.enumValues("Role_old"));
        assertFalse(schema.enumValues("Role").isPresent());
        assertFalse(schema.table(table("Post")).isPresent());
        assertFalse(schema.table(table("User")).isPresent());
    }
}
