package dev.migrationguard.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationguard.sql.SqlStatement.AlterTable;
import dev.migrationguard.sql.SqlStatement.CreateTable;
import dev.migrationguard.sql.SqlStatement.DoBlock;
import dev.migrationguard.sql.SqlStatement.Other;
import dev.migrationguard.testing.Corpus;
import dev.migrationguard.workspace.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each construct the parser learned from a real project, read on the corpus file that showed it. */
class CorpusConstructsTest {

    @BeforeAll
    static void corpusIsBesideTheClone() {
        Corpus.require();
    }

    private static SqlScript parse(String migration) throws IOException {
        String text = Files.readString(Corpus.ROOT.resolve(migration + "/migration.sql"));
        SqlScript script = SqlParser.parse(new SourceFile(migration, text), SqlDialect.POSTGRESQL);
        assertEquals(List.of(), script.problems());
        return script;
    }

    private static <T extends SqlStatement> T first(SqlScript script, Class<T> kind) {
        return script.statements().stream().filter(kind::isInstance).map(kind::cast).findFirst().orElseThrow();
    }

    @Test
    void readsCreateTempTableOnCommitDropAsSelect() throws IOException {
        for (String migration : List.of(
                "inbox-zero/apps/web/prisma/migrations/20260717220000_merge_newsletter_email_duplicates",
                "langfuse/packages/shared/prisma/migrations/20260821121500_backfill_evaluator_v2")) {
            SqlScript script = parse(migration);
            CreateTable temp = first(script, CreateTable.class);
            assertTrue(temp.temporary(), migration);
            assertTrue(script.text(temp.span()).startsWith("CREATE TEMP TABLE"), migration);
            assertTrue(script.text(temp.span()).contains("ON COMMIT DROP AS"), migration);
        }
    }

    @Test
    void readsSelectIntoTempTableAsACreatedTable() throws IOException {
        SqlScript script = parse("inbox-zero/apps/web/prisma/migrations/20251009133101_migrate_cold_email_to_rules");
        CreateTable into = first(script, CreateTable.class);
        assertEquals("temp_created_rules", into.table().name());
        assertTrue(into.temporary());
        assertTrue(script.text(into.span()).startsWith("WITH created_rules AS ("));
    }

    @Test
    void readsEscapeStringDefaults() throws IOException {
        SqlScript script = parse("ghostfolio/prisma/migrations/20210604190809_initial_migration");
        CreateTable account = script.statements().stream().filter(CreateTable.class::isInstance)
                .map(CreateTable.class::cast).filter(t -> t.table().name().equals("Account")).findFirst().orElseThrow();
        ColumnDefinition type = account.columns().stream().filter(c -> c.name().name().equals("accountType"))
                .findFirst().orElseThrow();
        assertEquals("E'SECURITIES'", type.defaultValue().text());
        assertTrue(type.notNull());
    }

    @Test
    void readsPrimaryKeyUsingIndex() throws IOException {
        SqlScript script = parse("langfuse/packages/shared/prisma/migrations/20251211204006_dataset_items_switch_pk");
        AlterTable alter = first(script, AlterTable.class);
        assertEquals(2, alter.actions().size());
        AlterTableAction.AddConstraint add = assertInstanceOf(AlterTableAction.AddConstraint.class,
                alter.actions().get(1));
        assertEquals(ConstraintKind.PRIMARY_KEY, add.constraint().kind());
        assertEquals("dataset_items_pkey", add.constraint().name().name());
        assertEquals("dataset_items_id_project_id_valid_from_key", add.constraint().usingIndex().name());
    }

    @Test
    void keepsAlterIndexRenameForTheReplay() throws IOException {
        SqlScript script = parse(
                "langfuse/packages/shared/prisma/migrations/20240512151529_rename_memberships_to_project_memberships");
        Other rename = script.statements().stream().filter(Other.class::isInstance).map(Other.class::cast)
                .filter(o -> o.keyword().equals("ALTER INDEX")).findFirst().orElseThrow();
        assertEquals("ALTER INDEX \"memberships_user_id_idx\" RENAME TO \"project_memberships_user_id_idx\"",
                script.text(rename.span()));
    }

    @Test
    void readsTheBodiesOfRealDoBlocks() throws IOException {
        SqlScript rallly = parse("rallly/packages/database/prisma/migrations/20240224033808_option_start_time");
        DoBlock loop = first(rallly, DoBlock.class);
        assertEquals(List.of("UPDATE", "UPDATE"), loop.statements().stream().map(s -> ((Other) s).keyword()).toList());
        assertTrue(loop.statements().stream().allMatch(rallly::isConditional));
        assertTrue(rallly.text(loop.statements().get(1).span()).startsWith("UPDATE options\n"));

        SqlScript documenso = parse("documenso/packages/prisma/migrations/20240205120648_create_delete_account");
        DoBlock insert = first(documenso, DoBlock.class);
        assertEquals(1, insert.statements().size());
        assertTrue(documenso.text(insert.statements().get(0).span()).startsWith("INSERT INTO\n      \"public\".\"User\""));
        assertTrue(documenso.isConditional(insert.statements().get(0)));

        SqlScript inbox = parse("inbox-zero/apps/web/prisma/migrations/20260103000000_migrate_cold_emails_to_group_items");
        DoBlock groups = first(inbox, DoBlock.class);
        assertEquals(List.of("UPDATE", "INSERT", "UPDATE"),
                groups.statements().stream().map(s -> ((Other) s).keyword()).toList());
        assertFalse(inbox.statements().stream().anyMatch(s -> s instanceof Other o && o.keyword().equals("DO")));
    }
}
