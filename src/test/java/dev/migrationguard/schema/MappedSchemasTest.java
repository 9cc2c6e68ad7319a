package dev.migrationguard.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationguard.testing.InMemorySnapshot;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each Prisma project of a snapshot is mapped to its relational schema once, for every rule that reads it. */
class MappedSchemasTest {
    private static final String DATASOURCE = "datasource db {\n  provider = \"postgresql\"\n  url = env(\"DATABASE_URL\")\n}\n";

    @Test
    void mapsEachSchemaOnceAndLeavesOneThatDoesNotParseUnmapped() {
        InMemorySnapshot s = InMemorySnapshot.of(
                "app/prisma/schema.prisma", DATASOURCE + "model User {\n  id Int @id\n  email String @unique\n}\n",
                "broken/prisma/schema.prisma", DATASOURCE + "model Half {\n  id Int @id\n");
        List<MappedSchemas.Mapped> mapped = s.model(MappedSchemas.KEY);
        assertSame(mapped, s.model(MappedSchemas.KEY));
        assertEquals(2, mapped.size());
        MappedSchemas.Mapped app = mapped.stream().filter(m -> m.project().location().startsWith("app/")).findFirst()
                .orElseThrow();
        assertEquals(List.of("User"), app.model().orElseThrow().tables().stream().map(SchemaModel.Table::name).toList());
        MappedSchemas.Mapped broken = mapped.stream().filter(m -> m.project().location().startsWith("broken/"))
                .findFirst().orElseThrow();
        assertTrue(broken.model().isEmpty());
    }
}
