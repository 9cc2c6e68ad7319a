package dev.migrationguard.rules.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationguard.testing.InMemorySnapshot;
import dev.migrationguard.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdentifierTooLongTest {
    private static final String LONG_INDEX = "ClassificationFeedback_emailAccountId_sender_ruleId_messageId_eventType_key";
    private final IdentifierTooLong rule = new IdentifierTooLong();

    @Test
    void flagsANameOver63BytesAndSaysWhatPostgresKeeps() {
        var findings = RuleTester.assertMatchesMarkers(rule, InMemorySnapshot.of(
                "prisma/migrations/1_x/migration.sql", """
                        -- CreateIndex
                        CREATE UNIQUE INDEX "%s" ON "ClassificationFeedback"("emailAccountId"); -- expect: identifier-too-long
                        ALTER TABLE "Post" RENAME COLUMN "a" TO "ä_a_column_name_of_exactly_sixty_three_characters_but_more_bytes"; -- expect: identifier-too-long
                        -- exactly 63 bytes
                        CREATE INDEX "ClassificationFeedback_emailAccountId_sender_ruleId_message_key" ON "C"("a");
                        """.formatted(LONG_INDEX)));
        assertTrue(findings.get(0).message().contains("cuts it to \"" + LONG_INDEX.substring(0, 63) + "\""),
                findings.get(0).message());
        assertEquals(21, findings.get(0).range().startColumn());
    }

    @Test
    void mysqlCountsCharactersAndSqliteIsNotChecked() {
        String name = "x".repeat(65);
        RuleTester.assertMatchesMarkers(rule, InMemorySnapshot.of(
                "a/prisma/migrations/migration_lock.toml", "provider = \"mysql\"",
                "a/prisma/migrations/1_x/migration.sql", "CREATE TABLE `T` (`" + name + "` INTEGER, `"
                        + "x".repeat(64) + "` INTEGER); -- expect: identifier-too-long\n",
                "b/prisma/migrations/migration_lock.toml", "provider = \"sqlite\"",
                "b/prisma/migrations/1_x/migration.sql", "CREATE TABLE \"" + name + "\" (\"a\" INTEGER);\n"));
    }

    @Test
    void flagsALongNameSchemaPrismaDeclaresThatNoMigrationWroteYet() {
        String schema = """
                datasource db {
                  provider = "postgresql"
                  url      = env("DATABASE_URL")
                }

                model Feedback {
                  id        Int    @id
                  accountId Int
                  sender    String

                  @@index([accountId, sender], map: "Feedback_accountId_sender_index_with_a_name_far_too_long_for_postgres")
                }
                """;
        var findings = RuleTester.run(rule, InMemorySnapshot.of(
                "prisma/schema.prisma", schema,
                "prisma/migrations/1_init/migration.sql", """
                        CREATE TABLE "Feedback" ("id" INTEGER NOT NULL, "accountId" INTEGER NOT NULL, "sender" TEXT NOT NULL,
                            CONSTRAINT "Feedback_pkey" PRIMARY KEY ("id"));
                        """));
        assertEquals(List.of("prisma/schema.prisma:11:3 identifier-too-long"), RuleTester.locations(findings));
        assertTrue(findings.get(0).message().contains("Prisma will write"), findings.get(0).message());
        // Once a migration wrote it, the finding is in that migration, not twice.
        var later = RuleTester.run(rule, InMemorySnapshot.of(
                "prisma/schema.prisma", schema,
                "prisma/migrations/1_init/migration.sql", """
                        CREATE TABLE "Feedback" ("id" INTEGER NOT NULL, "accountId" INTEGER NOT NULL, "sender" TEXT NOT NULL,
                            CONSTRAINT "Feedback_pkey" PRIMARY KEY ("id"));
                        CREATE INDEX "Feedback_accountId_sender_index_with_a_name_far_too_long_for_postgres" ON "Feedback"("accountId", "sender");
                        """));
        assertEquals(List.of("prisma/migrations/1_init/migration.sql:3:14 identifier-too-long"),
                RuleTester.locations(later));
    }

    @Test
    void ignoresPrismasOwnDefaultNamesWhichItCutsToFit() {
        assertEquals(List.of(), RuleTester.run(rule, InMemorySnapshot.of("prisma/schema.prisma", """
                datasource db {
                  provider = "postgresql"
                  url      = env("DATABASE_URL")
                }

                model ClassificationFeedback {
                  id             Int    @id
                  emailAccountId Int
                  sender         String
                  ruleId         Int
                  messageId      String
                  eventType      String

                  @@unique([emailAccountId, sender, ruleId, messageId, eventType])
                }
                """)));
    }
}
