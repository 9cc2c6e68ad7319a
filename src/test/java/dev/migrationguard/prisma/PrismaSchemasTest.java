package dev.migrationguard.prisma;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrationguard.testing.InMemorySnapshot;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrismaSchemasTest {
    private static final String DATASOURCE = "datasource db {\n  provider = \"postgresql\"\n}\n";

    private static List<String> found(InMemorySnapshot snapshot) {
        return snapshot.model(PrismaSchemas.ALL).stream()
                .map(p -> p.location() + (p.folder() ? "/ " : " ") + p.migrationsDirectory()).toList();
    }

    @Test
    void findsSchemaFilesWithTheirMigrationsBeside() {
        InMemorySnapshot snapshot = InMemorySnapshot.of(
                "prisma/schema.prisma", DATASOURCE,
                "prisma/migrations/migration_lock.toml", "provider = \"postgresql\"\n",
                "apps/api/schema.prisma", DATASOURCE,
                "node_modules/x/schema.prisma", DATASOURCE);
        assertEquals(List.of("apps/api/schema.prisma apps/api/migrations", "prisma/schema.prisma prisma/migrations"),
                found(snapshot));
    }

    @Test
    void mergesASchemaFolderIntoOneSchema() {
        InMemorySnapshot snapshot = InMemorySnapshot.of(
                "prisma/schema/schema.prisma", DATASOURCE,
                "prisma/schema/user.prisma", "model User {\n  id Int @id\n}\n",
                "prisma/schema/post.prisma", "model Post {\n  id Int @id\n}\n",
                "prisma/migrations/0_init/migration.sql", "");
        List<PrismaProject> projects = snapshot.model(PrismaSchemas.ALL);
        assertEquals(List.of("prisma/schema/ prisma/migrations"), found(snapshot));
        assertEquals(2, projects.get(0).schema().models().size());
    }

    @Test
    void followsPackageJsonPrismaSchema() {
        InMemorySnapshot snapshot = InMemorySnapshot.of(
                "package.json", "{\"prisma\": {\"schema\": \"./db/main.prisma\"}}",
                "db/main.prisma", DATASOURCE,
                "db/migrations/0_init/migration.sql", "");
        assertEquals(List.of("db/main.prisma db/migrations"), found(snapshot));
    }

    @Test
    void followsPrismaConfigSchemaFolderAndMigrationsPath() {
        InMemorySnapshot snapshot = InMemorySnapshot.of(
                "prisma.config.ts", """
                        import path from "node:path";
                        import { defineConfig } from "prisma/config";
                        export default defineConfig({
                          schema: path.join("prisma"),
                          migrations: { path: "db/migrations" },
                        });
                        """,
                "prisma/schema.prisma", DATASOURCE,
                "prisma/models/user.prisma", "model User {\n  id Int @id\n}\n",
                "db/migrations/0_init/migration.sql", "");
        assertEquals(List.of("prisma/ db/migrations"), found(snapshot));
        assertEquals(1, snapshot.model(PrismaSchemas.ALL).get(0).schema().models().size());
    }

    @Test
    void followsPrismaConfigSchemaFile() {
        InMemorySnapshot snapshot = InMemorySnapshot.of(
                "apps/api/prisma.config.ts", "export default { schema: 'db/main.prisma' };\n",
                "apps/api/db/main.prisma", DATASOURCE);
        assertEquals(List.of("apps/api/db/main.prisma apps/api/db/migrations"), found(snapshot));
    }

    @Test
    void ignoresPrismaFilesThatAreNeitherNamedNorConfigured() {
        InMemorySnapshot snapshot = InMemorySnapshot.of("db/other.prisma", DATASOURCE, "package.json", "not json");
        assertEquals(List.of(), found(snapshot));
    }

    @Test
    void parsesOncePerSnapshot() {
        InMemorySnapshot snapshot = InMemorySnapshot.of("prisma/schema.prisma", DATASOURCE);
        assertEquals(true, snapshot.model(PrismaSchemas.ALL) == snapshot.model(PrismaSchemas.ALL));
    }

    @Test
    void readsThePrismaVersionFromTheNearestPackageJsonThatNamesOne() {
        InMemorySnapshot snapshot = InMemorySnapshot.of(
                "package.json", "{\"devDependencies\": {\"prisma\": \"5.1.0\"}}",
                "apps/web/package.json", "{\"dependencies\": {\"@prisma/client\": \"^6.19.3\", \"next\": \"15\"}}",
                "apps/web/prisma/schema.prisma", DATASOURCE,
                "apps/docs/package.json", "{\"dependencies\": {\"react\": \"19\"}}",
                "apps/docs/prisma/schema.prisma", DATASOURCE,
                "tools/prisma/schema.prisma", DATASOURCE);
        assertEquals(List.of("apps/docs/prisma/schema.prisma 5", "apps/web/prisma/schema.prisma 6",
                        "tools/prisma/schema.prisma 5"),
                snapshot.model(PrismaSchemas.ALL).stream().map(p -> p.location() + " " + p.prismaMajor().getAsInt())
                        .toList());
        assertEquals(java.util.OptionalInt.empty(), new PrismaProject("s", false, null, "m", "latest").prismaMajor());
        assertEquals(7, new PrismaProject("s", false, null, "m", ">=7.0.0 <8").prismaMajor().getAsInt());
    }
}
