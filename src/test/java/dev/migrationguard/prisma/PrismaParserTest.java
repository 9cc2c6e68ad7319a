package dev.migrationguard.prisma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationguard.testing.Corpus;
import dev.migrationguard.workspace.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrismaParserTest {
    private static final Path CORPUS = Corpus.ROOT;

    private static PrismaSchema parse(String text) {
        return PrismaParser.parse(new SourceFile("prisma/schema.prisma", text));
    }

    private static String at(SourceFile file, int offset) {
        return file.line(offset) + ":" + file.column(offset);
    }

    @Test
    void readsBlocksFieldsAndTheirPositions() {
        String text = """
                datasource db {
                  provider = "postgresql"
                  url      = env("DATABASE_URL")
                }

                generator client {
                  provider = "prisma-client-js"
                  previewFeatures = ["multiSchema"]
                }

                model User {
                  id    Int     @id @default(autoincrement())
                  email String  @unique @db.VarChar(255)
                  posts Post[]
                  bio   String?
                }
                """;
        PrismaSchema schema = parse(text);
        SourceFile file = schema.files().get(0);
        assertEquals(List.of(), schema.problems());
        assertEquals("postgresql", schema.provider().orElseThrow());
        assertEquals("env", schema.datasource().orElseThrow().property("url").orElseThrow().value().simpleText());
        assertEquals("client", schema.generators().get(0).name().text());
        PrismaModel user = schema.model("User").orElseThrow();
        assertEquals("11:7", at(file, user.name().start()));
        PrismaField email = user.field("email").orElseThrow();
        assertEquals("13:3", at(file, email.name().start()));
        assertEquals("String", email.type().name());
        PrismaAttribute varchar = email.nativeType().orElseThrow();
        assertEquals("db.VarChar", varchar.name());
        assertEquals("13:25", at(file, varchar.start()));
        assertEquals("255", varchar.value(0, "length").orElseThrow().simpleText());
        assertTrue(user.field("posts").orElseThrow().type().list());
        assertTrue(user.field("bio").orElseThrow().type().optional());
        PrismaExpression dflt = user.field("id").orElseThrow().attribute("default").orElseThrow()
                .value(0, "value").orElseThrow();
        assertEquals(new PrismaExpression.Call("autoincrement", List.of(), dflt.start(), dflt.end()), dflt);
    }

    @Test
    void readsBlockAttributesWithNamedArgumentsAndFieldOptions() {
        PrismaSchema schema = parse("""
                model Recipient {
                  id    Int    @id
                  email String
                  name  String
                  @@index([email(ops: raw("gin_trgm_ops"))], map: "Recipient_email_trgm_idx", type: Gin)
                  @@unique([email, name(sort: Desc, length: 10)], name: "both")
                  @@map("recipients")
                  @@schema("auth")
                }
                """);
        assertEquals(List.of(), schema.problems());
        PrismaModel model = schema.model("Recipient").orElseThrow();
        PrismaAttribute index = model.blockAttribute("index").orElseThrow();
        assertEquals("Recipient_email_trgm_idx", index.value(99, "map").orElseThrow().simpleText());
        assertEquals("Gin", index.value(99, "type").orElseThrow().simpleText());
        PrismaExpression.ArrayValue fields = (PrismaExpression.ArrayValue) index.value(0, "fields").orElseThrow();
        PrismaExpression.Call email = (PrismaExpression.Call) fields.elements().get(0);
        assertEquals("email", email.name());
        assertEquals("raw", email.argument(99, "ops").orElseThrow().value().simpleText());
        assertEquals("recipients", model.databaseName());
        assertEquals("auth", model.schemaName().orElseThrow());
    }

    @Test
    void readsEnumsViewsCompositeTypesAndUnsupportedTypes() {
        PrismaSchema schema = parse("""
                enum Role {
                  ADMIN
                  USER  @map("user")
                  @@map("role")
                }
                view Stats {
                  count Int @unique
                }
                type Address {
                  street String
                }
                model Doc {
                  id     Int                      @id
                  search Unsupported("tsvector")?
                  tags   String[]                 @default([])
                  role   Role                     @default(USER)
                  uid    String                   @default(dbgenerated("gen_random_uuid()")) @db.Uuid
                  @@ignore
                }
                """);
        assertEquals(List.of(), schema.problems());
        PrismaEnum role = schema.enumNamed("Role").orElseThrow();
        assertEquals(List.of("ADMIN", "user"), role.values().stream().map(PrismaEnum.Value::databaseName).toList());
        assertEquals("role", role.databaseName());
        assertEquals("Stats", schema.views().get(0).name().text());
        assertEquals("Address", schema.compositeTypes().get(0).name().text());
        PrismaModel doc = schema.model("Doc").orElseThrow();
        PrismaFieldType search = doc.field("search").orElseThrow().type();
        assertEquals("tsvector", search.unsupported());
        assertTrue(search.optional());
        assertTrue(doc.ignored());
        PrismaExpression.Call generated = (PrismaExpression.Call) doc.field("uid").orElseThrow()
                .attribute("default").orElseThrow().value(0, "value").orElseThrow();
        assertEquals("gen_random_uuid()", generated.argument(0, "x").orElseThrow().value().simpleText());
        assertNull(doc.field("tags").orElseThrow().type().unsupported());
    }

    @Test
    void keepsDocCommentsAboveAndBesideElements() {
        PrismaSchema schema = parse("""
                /// A person.
                model User {
                  id   Int    @id // not a doc comment
                  /// Shown to others.
                  name String /// @zod.string.max(50)
                  age  Int
                }
                """);
        PrismaModel user = schema.model("User").orElseThrow();
        assertEquals(List.of("A person."), user.documentation());
        assertEquals(List.of("Shown to others.", "@zod.string.max(50)"), user.field("name").orElseThrow().documentation());
        assertEquals(List.of(), user.field("age").orElseThrow().documentation());
        assertEquals(List.of(), user.field("id").orElseThrow().documentation());
    }

    @Test
    void acceptsKeywordsAsFieldNames() {
        PrismaSchema schema = parse("""
                model Report {
                  id    Int    @id()
                  type  String
                  model String
                  enum  String
                  view  String
                }
                """);
        assertEquals(List.of(), schema.problems());
        assertEquals(List.of("id", "type", "model", "enum", "view"),
                schema.model("Report").orElseThrow().fields().stream().map(f -> f.name().text()).toList());
    }

    @Test
    void reportsSyntaxErrorAtTheBadTokenAndKeepsTheRest() {
        String text = """
                model User {
                  id Int @id
                  name String @default("x"
                }

                model Post {
                  id Int @id
                }
                """;
        PrismaSchema schema = parse(text);
        SourceFile file = schema.files().get(0);
        assertFalse(schema.problems().isEmpty());
        assertEquals("4:1", at(file, schema.problems().get(0).start()));
        assertTrue(schema.model("Post").isPresent());
    }

    @Test
    void acceptsBlockCommentsWherePrismaDoes() {
        // Each position checked with Prisma's own validator (prisma-schema-wasm, Prisma 6.19 and 7.10): all valid.
        PrismaSchema schema = parse("""
                /* top-level,
                   over lines */
                /** not a doc comment */
                datasource db {
                  /* in a datasource */
                  provider = "postgresql"
                }
                /* a */ model User { /* after the brace */
                  /* between fields */
                  id    Int    @id /* after a field */
                  /* x */ email String @unique
                  @@index([email]) /* after a block attribute */
                } /* after the block */
                enum Role {
                  /* c */
                  USER /* t */
                  ADMIN
                }
                """);
        assertEquals(List.of(), schema.problems());
        assertEquals(List.of("id", "email"),
                schema.model("User").orElseThrow().fields().stream().map(f -> f.name().text()).toList());
        assertEquals(1, schema.model("User").orElseThrow().blockAttributes().size());
        assertEquals(2, schema.enumNamed("Role").orElseThrow().values().size());
        assertEquals("postgresql", schema.provider().orElseThrow());
    }

    @Test
    void rejectsAnUnterminatedBlockCommentAsPrismaDoes() {
        PrismaSchema schema = parse("model User {\n  id Int @id\n}\n/* unterminated\nmodel Post {\n  id Int @id\n}\n");
        assertFalse(schema.problems().isEmpty());
        assertEquals("4:1", at(schema.files().get(0), schema.problems().get(0).start()));
    }

    @Test
    void reportsStrayCharacterAtItsPosition() {
        PrismaSchema schema = parse("model User {\n  id Int @id\n  name String $\n}\n");
        SourceFile file = schema.files().get(0);
        assertEquals("3:15", at(file, schema.problems().get(0).start()));
        assertEquals("unexpected character '$'", schema.problems().get(0).message());
    }

    @Test
    void pointsAtAFieldWithoutATypeNotAtTheNextLine() {
        PrismaSchema schema = parse("model User {\n  id    Int @id\n  name\n}\n");
        SourceFile file = schema.files().get(0);
        assertEquals("3:3", at(file, schema.problems().get(0).start()));
        assertEquals("field `name` has no type; write one after the name, for example `name String`, or remove the line",
                schema.problems().get(0).message());

        PrismaSchema withAttribute = parse("model User {\n  id Int @id\n  email @unique\n}\n");
        assertEquals("3:3", at(withAttribute.files().get(0), withAttribute.problems().get(0).start()));
        assertTrue(withAttribute.problems().get(0).message().startsWith("field `email` has no type"));
    }

    @Test
    void pointsAtASettingWithoutAValue() {
        PrismaSchema schema = parse("generator client {\n  provider\n}\n");
        assertEquals("2:3", at(schema.files().get(0), schema.problems().get(0).start()));
        assertEquals("setting `provider` has no value; write `provider = \"...\"` or remove the line",
                schema.problems().get(0).message());
    }

    @Test
    void enumValuesAloneOnTheirLinesAreNotFieldsWithoutTypes() {
        PrismaSchema schema = parse("enum Role {\n  ADMIN\n  USER\n}\nmodel A {\n  id Int @id\n  role Role\n}\n");
        assertEquals(List.of(), schema.problems());
    }

    @Test
    void neverThrowsOnGarbage() {
        for (String garbage : List.of("", "}", "model", "model {", "@@", "\"open", "model A { id Int @default(",
                "datasource db { provider = }", "enum E { @@ }", "model A { b C(\"x\" }")) {
            PrismaSchema schema = parse(garbage);
            assertTrue(garbage.isEmpty() || !schema.problems().isEmpty(), () -> "no problem for " + garbage);
        }
    }

    @Test
    void mergesSchemaFolderFiles() {
        PrismaSchema merged = PrismaParser.parseAll(List.of(
                new SourceFile("prisma/schema/schema.prisma", "datasource db {\n provider = \"mysql\"\n}\n"),
                new SourceFile("prisma/schema/user.prisma", "model User {\n id Int @id\n}\n")));
        assertEquals("mysql", merged.provider().orElseThrow());
        assertEquals("prisma/schema/user.prisma", merged.model("User").orElseThrow().file().path());
    }

    @Test
    void parsesTheCorpusSchemasWithoutProblems() throws IOException {
        Corpus.require();
        for (String path : List.of("documenso/packages/prisma/schema.prisma", "umami/prisma/schema.prisma")) {
            String text = Files.readString(CORPUS.resolve(path));
            PrismaSchema schema = PrismaParser.parse(new SourceFile(path, text));
            assertEquals(List.of(), schema.problems(), path);
            assertEquals(text.split("\nmodel ").length - 1, schema.models().size(), path);
        }
    }

    @Test
    void reportsArgumentsNestedPastTheLimitInsteadOfOverflowingTheStack() {
        // Found by PrismaFuzzTest (seed deep-nesting-5000.prisma): 5,000 nested calls in @default overflowed the stack.
        String text = "model M {\n  id Int @id @default(" + "f(".repeat(5000) + ")".repeat(5000) + ")\n}\n";
        PrismaSchema schema = parse(text);
        assertEquals(1, schema.problems().size());
        PrismaProblem problem = schema.problems().get(0);
        assertEquals("2:" + (22 + 2 * PrismaParser.MAX_NESTING), at(problem.file(), problem.start()));
        assertEquals("parentheses and brackets nest deeper than 500 levels; the schema is not read", problem.message());
    }

    @Test
    void readsArgumentsNestedToTheLimitOnAnOrdinaryThreadStack() throws InterruptedException {
        int calls = PrismaParser.MAX_NESTING - 1;
        String text = "model M {\n  id Int @id @default(" + "f(".repeat(calls) + ")".repeat(calls) + ")\n}\n";
        PrismaSchema[] result = new PrismaSchema[1];
        // A fresh thread has the JVM's default stack (1 MB on 64-bit Linux), less than a main thread's.
        Thread t = new Thread(() -> result[0] = parse(text));
        t.start();
        t.join();
        assertEquals(List.of(), result[0].problems());
        assertEquals(List.of("M"), result[0].models().stream().map(m -> m.name().text()).toList());
    }
}
