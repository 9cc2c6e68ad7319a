package dev.migrationguard.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationguard.prisma.PrismaParser;
import dev.migrationguard.prisma.PrismaSchema;
import dev.migrationguard.schema.SchemaModel.Column;
import dev.migrationguard.schema.SchemaModel.Index;
import dev.migrationguard.schema.SchemaModel.Table;
import dev.migrationguard.sql.SqlDialect;
import dev.migrationguard.sql.SqlParser;
import dev.migrationguard.sql.SqlScript;
import dev.migrationguard.testing.Corpus;
import dev.migrationguard.workspace.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the replay learnt from real projects' migrations, each on the real files of the corpus. */
class ReplayOfRealMigrationsTest {

    @BeforeAll
    static void corpus() {
        Corpus.require();
    }

    /** The migrations of a corpus folder, in Prisma's order, up to and including {@code last} (all when null). */
    private static SchemaReplay.Result replay(String migrationsFolder, String last) throws IOException {
        Path folder = Corpus.ROOT.resolve(migrationsFolder);
        List<Path> dirs;
        try (Stream<Path> s = Files.list(folder)) {
            dirs = s.filter(p -> Files.isRegularFile(p.resolve("migration.sql"))).sorted().toList();
        }
        List<String> names = new ArrayList<>();
        List<SqlScript> scripts = new ArrayList<>();
        for (Path dir : dirs) {
            String name = dir.getFileName().toString();
            names.add(name);
            scripts.add(SqlParser.parse(new SourceFile(migrationsFolder + "/" + name + "/migration.sql",
                    Files.readString(dir.resolve("migration.sql"))), SqlDialect.POSTGRESQL));
            if (name.equals(last)) {
                break;
            }
        }
        if (last != null) {
            assertEquals(last, names.get(names.size() - 1), "migration " + last + " exists");
        }
        return SchemaReplay.replay(DatabaseProvider.POSTGRESQL, names, scripts);
    }

    private static String text(String path) throws IOException {
        return Files.readString(Corpus.ROOT.resolve(path));
    }

    private static Table table(SchemaReplay.Result r, String name) {
        return r.model().table("", name).orElseThrow(() -> new AssertionError("no table " + name));
    }

    private static Column column(SchemaReplay.Result r, String tableName, String columnName) {
        return table(r, tableName).column(columnName).orElseThrow(() -> new AssertionError("no column " + columnName));
    }

    private static List<String> indexNames(Table t) {
        return t.indexes().stream().map(Index::name).toList();
    }

    /** The differences on one table between a corpus schema and its migrations. */
    private static List<String> differencesOn(String schemaFile, String migrationsFolder, String tableName)
            throws IOException {
        PrismaSchema schema = PrismaParser.parseAll(List.of(new SourceFile(schemaFile, text(schemaFile))));
        SchemaModel expected = PrismaSchemaMapper.map(schema, DatabaseProvider.POSTGRESQL);
        SchemaModel actual = PrismaSchemaMapper.managedPart(replay(migrationsFolder, null).model(), schema);
        return SchemaDiff.compare(expected, actual).stream().filter(d -> d.object().equals(tableName))
                .map(Difference::message).toList();
    }

    @Test
    void escapeStringDefaultsAreTheirValue() throws IOException {
        String init = "ghostfolio/prisma/migrations/20210604190809_initial_migration/migration.sql";
        assertTrue(text(init).contains("\"role\" \"Role\" NOT NULL DEFAULT E'USER'"));
        SchemaReplay.Result r = replay("ghostfolio/prisma/migrations", "20210604190809_initial_migration");
        assertEquals("'USER'", column(r, "User", "role").defaultValue());
        assertEquals("'it''s\\n'", SqlTypes.normaliseDefault("E'it\\'s\\\\n'"));
        assertEquals("'a\nb'", SqlTypes.normaliseDefault("e'a\\nb'::text"));
        assertEquals(List.of(), differencesOn("ghostfolio/prisma/schema.prisma", "ghostfolio/prisma/migrations",
                "User"));
    }

    @Test
    void dropTypeCascadeDropsTheDefaultsThatCastToIt() throws IOException {
        String m = "ghostfolio/prisma/migrations/20210921151004_changed_currency_from_enum_to_string/migration.sql";
        assertTrue(text(m).contains("DROP TYPE \"Currency\" CASCADE;"));
        SchemaReplay.Result before = replay("ghostfolio/prisma/migrations", "20210918183212_removed_default_value_of_data_source");
        assertEquals("'USD'", column(before, "Account", "currency").defaultValue());
        SchemaReplay.Result after = replay("ghostfolio/prisma/migrations",
                "20210921151004_changed_currency_from_enum_to_string");
        Column currency = column(after, "Account", "currency");
        assertEquals("text", currency.type());
        assertEquals(null, currency.defaultValue());
    }

    @Test
    void dropTypeCascadeDropsTheColumnsOfThatType() {
        SchemaReplay.Result r = SchemaReplay.replay(DatabaseProvider.POSTGRESQL, List.of("a"), List.of(SqlParser.parse(
                new SourceFile("m/a/migration.sql", """
                        CREATE TYPE "Mood" AS ENUM ('HAPPY', 'SAD');
                        CREATE TABLE "T" ("id" TEXT NOT NULL, "mood" "Mood", "moods" "Mood"[]);
                        DROP TYPE "Mood" CASCADE;
                        """), SqlDialect.POSTGRESQL)));
        assertEquals(List.of("id"), r.model().table("", "T").orElseThrow().columns().stream().map(Column::name)
                .toList());
        assertEquals(List.of(), r.model().enums());
    }

    @Test
    void arrayLiteralAndArrayConstructorAreTheSameDefault() throws IOException {
        String m = "langfuse/packages/shared/prisma/migrations/20240611105521_llm_api_keys_custom_endpoints/migration.sql";
        assertTrue(text(m).contains("\"custom_models\" TEXT[] NOT NULL DEFAULT '{}'::TEXT[]"));
        assertEquals(SqlTypes.normaliseArrayDefault("array[]"), SqlTypes.normaliseArrayDefault("'{}'"));
        assertEquals("array['a','b c']", SqlTypes.normaliseArrayDefault("'{a,\"b c\"}'"));
        assertEquals("array['a','b c']", SqlTypes.normaliseArrayDefault("array['a','b c']"));
        assertEquals("array['1','2']", SqlTypes.normaliseArrayDefault("array[1,2]"));
        // Not an array default: left as it is ('{}' is also the empty JSON object).
        assertEquals("'{}'", SqlTypes.normaliseDefault("'{}'::jsonb"));
        // The same column was made NOT NULL by hand, which a String[] field cannot say and Prisma ignores.
        assertFalse(column(replay("langfuse/packages/shared/prisma/migrations", null), "llm_api_keys",
                "custom_models").nullable());
        assertEquals(List.of(), differencesOn("langfuse/packages/shared/prisma/schema.prisma",
                "langfuse/packages/shared/prisma/migrations", "llm_api_keys"));
    }

    @Test
    void identifiersPastSixtyThreeBytesAreCutSoALaterRenameFindsThem() throws IOException {
        String create = "inbox-zero/apps/web/prisma/migrations/20260115091612_follow_up_index/migration.sql";
        String rename = "inbox-zero/apps/web/prisma/migrations/20260209111238_add_executed_rule_created_at_index/"
                + "migration.sql";
        assertTrue(text(create).contains("\"ThreadTracker_emailAccountId_type_resolved_followUpAppliedAt_idx\""));
        assertTrue(text(rename).contains("ALTER INDEX \"ThreadTracker_emailAccountId_type_resolved_followUpAppliedAt_id\""
                + " RENAME TO \"ThreadTracker_emailAccountId_type_resolved_followUpAppliedA_idx\""));
        SchemaReplay.Result created = replay("inbox-zero/apps/web/prisma/migrations", "20260115091612_follow_up_index");
        assertTrue(indexNames(table(created, "ThreadTracker"))
                .contains("ThreadTracker_emailAccountId_type_resolved_followUpAppliedAt_id"));
        SchemaReplay.Result renamed = replay("inbox-zero/apps/web/prisma/migrations",
                "20260209111238_add_executed_rule_created_at_index");
        assertTrue(indexNames(table(renamed, "ThreadTracker"))
                .contains("ThreadTracker_emailAccountId_type_resolved_followUpAppliedA_idx"));
        assertEquals(List.of(), renamed.unmodelled().stream().filter(u -> u.mentions("ThreadTracker")).toList());
    }

    @Test
    void cutNamesDifferFromPrismasOwnShortenedNames() throws IOException {
        // PostgreSQL cuts the long name at 63 bytes; Prisma shortens its default name keeping the suffix: the one
        // real difference Prisma's diff reports for this table (RenameIndex).
        assertEquals(List.of("unique index \"ClassificationFeedback_emailAccountId_sender_ruleId_message_key\" on "
                        + "\"ClassificationFeedback\"(emailAccountId, sender, ruleId, messageId, eventType) is named "
                        + "\"ClassificationFeedback_emailAccountId_sender_ruleId_messageId_e\" in the migrations"),
                differencesOn("inbox-zero/apps/web/prisma/schema.prisma", "inbox-zero/apps/web/prisma/migrations",
                        "ClassificationFeedback"));
    }

    @Test
    void primaryKeyUsingIndexTakesTheIndexOver() throws IOException {
        String m = "langfuse/packages/shared/prisma/migrations/20251211204006_dataset_items_switch_pk/migration.sql";
        assertTrue(text(m).contains("PRIMARY KEY USING INDEX \"dataset_items_id_project_id_valid_from_key\""));
        SchemaReplay.Result r = replay("langfuse/packages/shared/prisma/migrations",
                "20251211204006_dataset_items_switch_pk");
        Table items = table(r, "dataset_items");
        assertEquals("dataset_items_pkey", items.primaryKey().name());
        assertEquals(List.of("id", "project_id", "valid_from"), items.primaryKey().columns());
        assertFalse(indexNames(items).contains("dataset_items_id_project_id_valid_from_key"));
    }

    @Test
    void aRenamedTableKeepsItsOldIndexNamesAndThatIsNoDrift() throws IOException {
        SchemaReplay.Result r = replay("rallly/packages/database/prisma/migrations",
                "20220511180705_naming_convention_update");
        assertTrue(indexNames(table(r, "users")).containsAll(List.of("User_email_key", "users_email_key")));
        PrismaSchema schema = PrismaParser.parseAll(List.of(
                new SourceFile("user.prisma", text("rallly/packages/database/prisma/models/user.prisma"))));
        assertTrue(schema.model("User").isPresent());
        Path models = Corpus.ROOT.resolve("rallly/packages/database/prisma");
        List<SourceFile> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(models)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".prisma")).sorted().toList()) {
                files.add(new SourceFile(models.relativize(p).toString(), Files.readString(p)));
            }
        }
        PrismaSchema all = PrismaParser.parseAll(files);
        SchemaModel expected = PrismaSchemaMapper.map(all, DatabaseProvider.POSTGRESQL);
        SchemaModel actual = PrismaSchemaMapper.managedPart(
                replay("rallly/packages/database/prisma/migrations", null).model(), all);
        assertEquals(List.of(), SchemaDiff.compare(expected, actual).stream()
                .filter(d -> d.object().equals("users")).map(Difference::message).toList());
    }

    @Test
    void partialAndExpressionIndexesAreNotPrismas() throws IOException {
        SchemaReplay.Result r = replay("langfuse/packages/shared/prisma/migrations", null);
        Index partial = table(r, "monitors").indexes().stream()
                .filter(i -> i.name().equals("monitors_scheduler_rescue_idx")).findFirst().orElseThrow();
        assertFalse(partial.managed());
        Index expression = table(r, "comments").indexes().stream()
                .filter(i -> i.name().equals("idx_comments_content_gin")).findFirst().orElseThrow();
        assertFalse(expression.managed());
        assertTrue(table(r, "comments").indexes().stream().anyMatch(Index::managed));
        assertEquals(List.of(), differencesOn("langfuse/packages/shared/prisma/schema.prisma",
                "langfuse/packages/shared/prisma/migrations", "monitors"));
    }
}
