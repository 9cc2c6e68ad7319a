package dev.migrationguard.rules.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationguard.testing.InMemorySnapshot;
import dev.migrationguard.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

class MissingForeignKeyIndexTest {
    private final MissingForeignKeyIndex rule = new MissingForeignKeyIndex();

    private static String schema(String provider, String orderExtra) {
        return """
                datasource db {
                  provider = "%s"
                  url      = env("DATABASE_URL")
                }

                model User {
                  id     Int     @id @default(autoincrement())
                  orders Order[]
                  teams  Member[]
                }

                model Team {
                  id      Int      @id
                  members Member[]
                }

                model Member {
                  userId Int
                  teamId Int
                  user   User @relation(fields: [userId], references: [id])
                  team   Team @relation(fields: [teamId], references: [id])

                  @@id([userId, teamId])
                  @@index([teamId])
                }

                model Order {
                  id     Int  @id @default(autoincrement())
                  userId Int
                  user   User @relation(fields: [userId], references: [id])
                %s}
                """.formatted(provider, orderExtra);
    }

    @Test
    void flagsARelationWhoseFieldsNoIndexStartsWith() {
        var findings = RuleTester.run(rule, InMemorySnapshot.of("prisma/schema.prisma", schema("postgresql", "")));
        assertEquals(List.of("prisma/schema.prisma:30:3 missing-foreign-key-index"), RuleTester.locations(findings));
        assertTrue(findings.get(0).message().contains("\"Order_userId_fkey\""), findings.get(0).message());
    }

    @Test
    void ignoresIndexedRelationsOtherProvidersAndRelationModePrisma() {
        assertEquals(List.of(), RuleTester.run(rule, InMemorySnapshot.of("prisma/schema.prisma",
                schema("postgresql", "\n  @@index([userId, id])\n"))));
        assertEquals(List.of(), RuleTester.run(rule, InMemorySnapshot.of("prisma/schema.prisma", schema("mysql", ""))));
        assertEquals(List.of(), RuleTester.run(rule, InMemorySnapshot.of("prisma/schema.prisma",
                schema("postgresql", "").replace("url      = env(\"DATABASE_URL\")",
                        "url      = env(\"DATABASE_URL\")\n  relationMode = \"prisma\""))));
    }
}
