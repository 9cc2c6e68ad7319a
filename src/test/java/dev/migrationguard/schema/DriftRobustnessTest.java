package dev.migrationguard.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrationguard.prisma.PrismaParser;
import dev.migrationguard.prisma.PrismaSchema;
import dev.migrationguard.workspace.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Odd but parseable schemas map and diff without throwing. */
class DriftRobustnessTest {

    @Test
    void mapsOddSchemasWithoutThrowing() {
        List<String> bodies = List.of(
                "model A {\n  @@id([])\n}\n",
                "model A {\n  id Int @id @default()\n  b B @relation(fields: [], references: [])\n}\n",
                "model A {\n  id Int @id\n  b Missing @relation(fields: [x], references: [y])\n}\n",
                "model A {\n  id Int @default(dbgenerated())\n  @@unique(fields: 42)\n  @@index(\"x\")\n}\n",
                "model A {\n  as A[]\n  bs A[]\n}\n",
                "model A {\n  id Int @id\n  @@map(123)\n  @@schema()\n}\n",
                "model A {\n  x Unsupported(\"\")\n  y Int @db.VarChar(\"a\", 1, [2])\n}\n",
                "enum E {\n  @@map()\n}\nmodel A {\n  e E @default([X, \"y\", 1, [2]])\n}\n");
        for (DatabaseProvider provider : DatabaseProvider.values()) {
            for (String body : bodies) {
                PrismaSchema schema = PrismaParser.parse(new SourceFile("schema.prisma",
                        "datasource db {\n  provider = \"" + provider.prismaName() + "\"\n}\n" + body));
                SchemaModel model = PrismaSchemaMapper.map(schema).orElseThrow();
                SchemaDiff.compare(model, new SchemaModel(provider, List.of(), List.of()));
                assertEquals(List.of(), SchemaDiff.compare(model, model), body);
            }
        }
    }
}
