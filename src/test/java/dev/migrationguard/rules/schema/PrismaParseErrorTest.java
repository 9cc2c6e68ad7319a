package dev.migrationguard.rules.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrationguard.rules.Finding;
import dev.migrationguard.testing.InMemorySnapshot;
import dev.migrationguard.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrismaParseErrorTest {

    @Test
    void flagsStrayCharacterAtItsPosition() {
        InMemorySnapshot snapshot = InMemorySnapshot.of("prisma/schema.prisma", """
                model User {
                  id   Int    @id
                  name String $ // expect: prisma-parse-error
                }
                """);
        List<Finding> findings = RuleTester.assertMatchesMarkers(new PrismaParseError(), snapshot);
        assertEquals(List.of("prisma/schema.prisma:3:15 prisma-parse-error"), RuleTester.locations(findings));
        assertEquals("the Prisma schema cannot be read: unexpected character '$'", findings.get(0).message());
    }

    @Test
    void flagsUnclosedAttributeAtTheTokenThatEndsIt() {
        InMemorySnapshot snapshot = InMemorySnapshot.of("prisma/schema.prisma", """
                model User {
                  id   Int    @id
                  name String @default("x"
                } // expect: prisma-parse-error
                """);
        RuleTester.assertMatchesMarkers(new PrismaParseError(), snapshot);
    }

    @Test
    void flagsUnclosedModelAtTheEndOfTheFile() {
        InMemorySnapshot snapshot = InMemorySnapshot.of("prisma/schema.prisma", "model User {\n  id Int @id\n");
        List<Finding> findings = RuleTester.run(new PrismaParseError(), snapshot);
        assertEquals(List.of("prisma/schema.prisma:3:1 prisma-parse-error"), RuleTester.locations(findings));
        assertEquals(true, findings.get(0).message().startsWith("the Prisma schema cannot be read: unexpected end of "
                + "file"));
    }

    @Test
    void flagsErrorsInEveryFileOfASchemaFolder() {
        InMemorySnapshot snapshot = InMemorySnapshot.of(
                "prisma/schema/schema.prisma", "datasource db {\n  provider = \"postgresql\"\n}\n",
                "prisma/schema/user.prisma", "model User {\n  id Int @id\n  = // expect: prisma-parse-error\n}\n");
        RuleTester.assertMatchesMarkers(new PrismaParseError(), snapshot);
    }

    @Test
    void ignoresValidSchemaWithCommentsKeywordsAndDocComments() {
        InMemorySnapshot snapshot = InMemorySnapshot.of("prisma/schema.prisma", """
                /// A user.
                model User {
                  id   Int    @id() // the key
                  type String /// @zod.string.max(5)
                  @@index([type(ops: raw("gin_trgm_ops"))], type: Gin)
                }
                """);
        assertEquals(List.of(), RuleTester.run(new PrismaParseError(), snapshot));
    }

    @Test
    void ignoresPrismaFilesThatAreNotSchemas() {
        InMemorySnapshot snapshot = InMemorySnapshot.of("docs/example.prisma", "model {{{\n");
        assertEquals(List.of(), RuleTester.run(new PrismaParseError(), snapshot));
    }
}
