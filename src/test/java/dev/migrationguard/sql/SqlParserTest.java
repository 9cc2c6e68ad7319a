package dev.migrationguard.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationguard.sql.AlterTableAction.AddColumn;
import dev.migrationguard.sql.AlterTableAction.AddConstraint;
import dev.migrationguard.sql.AlterTableAction.AlterColumnType;
import dev.migrationguard.sql.AlterTableAction.DropColumn;
import dev.migrationguard.sql.AlterTableAction.RenameColumn;
import dev.migrationguard.sql.SqlStatement.AlterTable;
import dev.migrationguard.sql.SqlStatement.CreateEnum;
import dev.migrationguard.sql.SqlStatement.CreateIndex;
import dev.migrationguard.sql.SqlStatement.CreateTable;
import dev.migrationguard.sql.SqlStatement.Other;
import dev.migrationguard.workspace.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlParserTest {

    private static SqlScript parse(SqlDialect dialect, String sql) {
        return SqlParser.parse(new SourceFile("m.sql", sql), dialect);
    }

    private static List<String> kinds(SqlScript script) {
        return script.statements().stream()
                .map(s -> s instanceof Other o ? "Other " + o.keyword() : s.getClass().getSimpleName())
                .toList();
    }

    private static String at(SqlScript script, int offset) {
        return script.file().line(offset) + ":" + script.file().column(offset);
    }

    @Test
    void semicolonsInsideDollarQuotesStringsAndCommentsDoNotEndStatements() {
        SqlScript script = parse(SqlDialect.POSTGRESQL, """
                /* outer /* nested ; */ still a comment ; */
                CREATE FUNCTION f() RETURNS trigger AS $body$ BEGIN x := 'a;b'; RETURN NEW; END; $body$ LANGUAGE plpgsql;
                DO $$ BEGIN PERFORM 1; END $$;
                SELECT E'it\\'s; here', 'x''y;' -- comment ; here
                ;
                DROP TABLE "A";
                """);
        assertEquals(List.of(), script.problems());
        assertEquals(List.of("Other CREATE FUNCTION", "DoBlock", "Other SELECT", "DropTable"), kinds(script));
        assertEquals("6:1", at(script, script.statements().get(3).span().start()));
    }

    @Test
    void readsPrismaPostgresCreateTableWithExactPositions() {
        SqlScript script = parse(SqlDialect.POSTGRESQL, """
                -- CreateTable
                CREATE TABLE "public"."User" (
                    "id" SERIAL NOT NULL,
                    "email" TEXT NOT NULL,
                    "tags" TEXT[] DEFAULT ARRAY['a', 'b']::TEXT[],
                    "createdAt" TIMESTAMP(3) WITHOUT TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
                    "role" "Role" NOT NULL DEFAULT 'USER',
                    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
                );
                """);
        assertEquals(List.of(), script.problems());
        CreateTable table = (CreateTable) script.statements().get(0);
        assertEquals("public", table.table().schema());
        assertEquals("User", table.table().name());
        assertEquals("2:1", at(script, table.span().start()));
        assertEquals(5, table.columns().size());
        ColumnDefinition tags = table.columns().get(2);
        assertEquals("tags", tags.name().name());
        assertEquals("5:5", at(script, tags.name().span().start()));
        assertEquals(1, tags.type().arrayDimensions());
        assertEquals("ARRAY['a', 'b']::TEXT[]", tags.defaultValue().text());
        ColumnDefinition created = table.columns().get(3);
        assertEquals(List.of("3"), created.type().arguments());
        assertEquals(List.of("without time zone"), created.type().modifiers());
        assertTrue(created.notNull());
        assertEquals("Role", table.columns().get(4).type().name());
        TableConstraint pk = table.constraints().get(0);
        assertEquals(ConstraintKind.PRIMARY_KEY, pk.kind());
        assertEquals("User_pkey", pk.name().name());
        assertEquals("id", pk.columns().get(0).name());
    }

    @Test
    void readsAlterTableActionsWithTheirKeywordPositions() {
        SqlScript script = parse(SqlDialect.POSTGRESQL, """
                ALTER TABLE "Post" DROP COLUMN "title",
                ADD COLUMN "name" TEXT NOT NULL,
                ALTER COLUMN "views" SET DATA TYPE BIGINT USING "views"::bigint,
                ADD CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE NOT VALID;
                """);
        assertEquals(List.of(), script.problems());
        AlterTable alter = (AlterTable) script.statements().get(0);
        DropColumn drop = (DropColumn) alter.actions().get(0);
        assertEquals("1:20", at(script, drop.span().start()));
        assertEquals("title", drop.column().name());
        AddColumn add = (AddColumn) alter.actions().get(1);
        assertEquals("2:1", at(script, add.span().start()));
        assertTrue(add.column().notNull());
        AlterColumnType type = (AlterColumnType) alter.actions().get(2);
        assertEquals("BIGINT", type.type().text());
        assertEquals("\"views\"::bigint", type.using().text());
        TableConstraint fk = ((AddConstraint) alter.actions().get(3)).constraint();
        assertEquals(ConstraintKind.FOREIGN_KEY, fk.kind());
        assertTrue(fk.notValid());
        assertEquals("RESTRICT", fk.references().onDelete());
        assertEquals("CASCADE", fk.references().onUpdate());
    }

    @Test
    void readsCreateIndexOptions() {
        SqlScript script = parse(SqlDialect.POSTGRESQL,
                "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS \"idx\" ON \"User\" USING gin (lower(\"email\") "
                        + "gin_trgm_ops, \"id\" DESC NULLS LAST) INCLUDE (\"role\") WHERE \"email\" IS NOT NULL;");
        assertEquals(List.of(), script.problems());
        CreateIndex index = (CreateIndex) script.statements().get(0);
        assertTrue(index.unique() && index.concurrently() && index.ifNotExists());
        assertEquals("idx", index.name().name());
        assertEquals("User", index.table().name());
        assertEquals("gin", index.method());
        assertNull(index.elements().get(0).column());
        assertEquals("id", index.elements().get(1).column().name());
        assertEquals("\"email\" IS NOT NULL", index.where().text());
        assertEquals("role", index.include().get(0).name());
    }

    @Test
    void readsEnumsAndAlterType() {
        SqlScript script = parse(SqlDialect.POSTGRESQL, """
                CREATE TYPE "Role" AS ENUM ('USER', 'ADMIN', 'it''s');
                ALTER TYPE "Role" ADD VALUE IF NOT EXISTS 'X' BEFORE 'USER';
                ALTER TYPE "Role" RENAME VALUE 'X' TO 'Y';
                ALTER TYPE "Role" RENAME TO "Role_old";
                ALTER TYPE "Role" OWNER TO admin;
                DROP TYPE "Role_old";
                """);
        assertEquals(List.of(), script.problems());
        assertEquals(List.of("USER", "ADMIN", "it's"), ((CreateEnum) script.statements().get(0)).values());
        List<String> actions = script.statements().subList(1, 5).stream()
                .map(s -> ((SqlStatement.AlterType) s).action().getClass().getSimpleName()).toList();
        assertEquals(List.of("AddValue", "RenameValue", "Rename", "Other"), actions);
        assertInstanceOf(SqlStatement.DropType.class, script.statements().get(5));
    }

    @Test
    void badStatementGivesOneProblemAtItsFirstBadTokenAndTheNextStatementIsStillRead() {
        SqlScript script = parse(SqlDialect.POSTGRESQL, """
                ALTER TABLE "User" ADD COLUM "y" TEXT;
                ALTER TABLE "User" DROP COLUMN "q";
                """);
        assertEquals(1, script.problems().size());
        assertEquals("1:34", at(script, script.problems().get(0).span().start()));
        assertEquals(List.of("Other ALTER TABLE", "AlterTable"), kinds(script));
    }

    @Test
    void unterminatedStringIsAProblemNotACrash() {
        SqlScript script = parse(SqlDialect.POSTGRESQL, "DROP TABLE \"A\";\nINSERT INTO t VALUES ('oops);\n");
        assertEquals(1, script.problems().size());
        assertEquals("2:23", at(script, script.problems().get(0).span().start()));
        assertInstanceOf(SqlStatement.DropTable.class, script.statements().get(0));
    }

    @Test
    void readsPrismaMySql() {
        SqlScript script = parse(SqlDialect.MYSQL, """
                -- CreateTable
                CREATE TABLE `User` (
                    `id` INTEGER NOT NULL AUTO_INCREMENT,
                    `email` VARCHAR(191) NOT NULL,
                    `role` ENUM('USER', 'ADMIN') NOT NULL DEFAULT 'USER',
                    `updatedAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
                    `note` VARCHAR(191) NULL DEFAULT 'it\\'s',

                    UNIQUE INDEX `User_email_key`(`email`),
                    INDEX `User_role_idx`(`role`),
                    PRIMARY KEY (`id`)
                ) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

                -- AlterTable
                ALTER TABLE `Post` MODIFY `role` ENUM('USER') NOT NULL, ADD COLUMN `x` INTEGER NULL,
                    CHANGE `a` `b` VARCHAR(10) NOT NULL, DROP PRIMARY KEY, DROP FOREIGN KEY `Post_fk`;
                RENAME TABLE `Old` TO `New`;
                DROP INDEX `User_role_idx` ON `User`;
                """);
        assertEquals(List.of(), script.problems());
        CreateTable table = (CreateTable) script.statements().get(0);
        assertEquals("User", table.table().name());
        assertTrue(table.columns().get(0).autoIncrement());
        assertEquals(List.of("USER", "ADMIN"), table.columns().get(2).type().enumValues());
        assertEquals(List.of(ConstraintKind.UNIQUE, ConstraintKind.INDEX, ConstraintKind.PRIMARY_KEY),
                table.constraints().stream().map(TableConstraint::kind).toList());
        assertEquals("DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci", table.options());
        AlterTable alter = (AlterTable) script.statements().get(1);
        assertEquals(List.of("AlterColumnType", "AddColumn", "RenameColumn", "AlterColumnType", "DropConstraint",
                "DropConstraint"), alter.actions().stream().map(a -> a.getClass().getSimpleName()).toList());
        assertEquals(List.of("USER"), ((AlterColumnType) alter.actions().get(0)).type().enumValues());
        assertInstanceOf(SqlStatement.RenameTable.class, script.statements().get(2));
        assertEquals("User", ((SqlStatement.DropIndex) script.statements().get(3)).table().name());
    }

    @Test
    void readsPrismaSqlServerInsideTryBlocksAndGoBatches() {
        SqlScript script = parse(SqlDialect.SQLSERVER, """
                BEGIN TRY

                BEGIN TRAN;

                -- CreateTable
                CREATE TABLE [dbo].[User] (
                    [id] INT NOT NULL IDENTITY(1,1),
                    [name] NVARCHAR(1000) NOT NULL CONSTRAINT [User_name_df] DEFAULT 'x',
                    [tags] NVARCHAR(max),
                    CONSTRAINT [User_pkey] PRIMARY KEY CLUSTERED ([id]),
                    CONSTRAINT [User_name_key] UNIQUE NONCLUSTERED ([name])
                );

                -- AlterTable
                ALTER TABLE [dbo].[Post] ADD [views] INT NOT NULL CONSTRAINT [Post_views_df] DEFAULT 0,
                [likes] INT;
                ALTER TABLE [dbo].[Post] ALTER COLUMN [title] NVARCHAR(200) NULL;
                EXEC SP_RENAME N'dbo.Post.title', N'heading', 'COLUMN';
                EXEC SP_RENAME N'dbo._prisma_new_Post', N'Post';

                COMMIT TRAN;

                END TRY
                BEGIN CATCH

                IF @@TRANCOUNT > 0
                BEGIN
                    ROLLBACK TRAN;
                END;
                THROW

                END CATCH
                GO
                DROP TABLE [dbo].[Old]
                GO
                """);
        assertEquals(List.of(), script.problems());
        assertEquals(List.of("Other BEGIN TRY", "Other BEGIN TRAN", "CreateTable", "AlterTable", "AlterTable",
                "AlterTable", "RenameTable", "Other COMMIT", "Other END TRY", "Other BEGIN CATCH", "Other IF",
                "Other END", "Other THROW", "Other END CATCH", "DropTable"), kinds(script));
        CreateTable table = (CreateTable) script.statements().get(2);
        assertEquals("dbo", table.table().schema());
        assertTrue(table.columns().get(0).autoIncrement());
        assertEquals("'x'", table.columns().get(1).defaultValue().text());
        AlterTable add = (AlterTable) script.statements().get(3);
        assertEquals(2, add.actions().size());
        AlterColumnType redefine = (AlterColumnType) ((AlterTable) script.statements().get(4)).actions().get(0);
        assertFalse(redefine.definition().notNull());
        RenameColumn rename = (RenameColumn) ((AlterTable) script.statements().get(5)).actions().get(0);
        assertEquals("Post", ((AlterTable) script.statements().get(5)).table().name());
        assertEquals("title", rename.from().name());
        assertEquals("heading", rename.to().name());
        SqlStatement.RenameTable table2 = (SqlStatement.RenameTable) script.statements().get(6);
        assertEquals("_prisma_new_Post", table2.from().name());
        assertEquals("Post", table2.to().name());
    }

    @Test
    void readsPrismaSqliteRedefinition() {
        SqlScript script = parse(SqlDialect.SQLITE, """
                -- RedefineTables
                PRAGMA defer_foreign_keys=ON;
                PRAGMA foreign_keys=OFF;
                CREATE TABLE "new_User" (
                    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
                    "email" TEXT NOT NULL,
                    CONSTRAINT "User_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE SET NULL ON UPDATE CASCADE
                );
                INSERT INTO "new_User" ("email", "id") SELECT "email", "id" FROM "User";
                DROP TABLE "User";
                ALTER TABLE "new_User" RENAME TO "User";
                CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
                PRAGMA foreign_keys=ON;
                PRAGMA defer_foreign_keys=OFF;
                """);
        assertEquals(List.of(), script.problems());
        assertEquals(List.of("Other PRAGMA", "Other PRAGMA", "CreateTable", "Other INSERT", "DropTable", "AlterTable",
                "CreateIndex", "Other PRAGMA", "Other PRAGMA"), kinds(script));
        CreateTable table = (CreateTable) script.statements().get(2);
        assertTrue(table.columns().get(0).primaryKey());
        assertTrue(table.columns().get(0).autoIncrement());
    }

    @Test
    void bracketsAreArraysOutsideSqlServer() {
        SqlScript script = parse(SqlDialect.POSTGRESQL, "ALTER TABLE \"A\" ADD COLUMN \"b\" INTEGER[][] NOT NULL DEFAULT '{}';");
        assertEquals(List.of(), script.problems());
        AddColumn add = (AddColumn) ((AlterTable) script.statements().get(0)).actions().get(0);
        assertEquals(2, add.column().type().arrayDimensions());
    }

    @Test
    void positionsCountUtf16UnitsAfterAnEmoji() {
        SqlScript script = parse(SqlDialect.POSTGRESQL, "-- 🚀 launch\nDROP TABLE \"A\";");
        assertEquals("2:1", at(script, script.statements().get(0).span().start()));
        assertEquals(13, script.statements().get(0).span().start());
    }

    @Test
    void mysqlTriggerBodyKeepsItsInnerSemicolons() {
        SqlScript script = parse(SqlDialect.MYSQL, """
                CREATE TRIGGER t BEFORE INSERT ON `A` FOR EACH ROW BEGIN
                  IF NEW.x IS NULL THEN SET NEW.x = 1; END IF;
                  SET NEW.y = CASE WHEN 1 THEN 2 END;
                END;
                DROP TABLE `B`;
                """);
        assertEquals(List.of(), script.problems());
        assertEquals(List.of("Other CREATE TRIGGER", "DropTable"), kinds(script));
    }

    @Test
    void hashStartsACommentOnlyInMySql() {
        SqlScript mysql = parse(SqlDialect.MYSQL, "# DROP TABLE `A`;\nDROP TABLE `B`;");
        assertEquals(List.of("DropTable"), kinds(mysql));
        SqlScript postgres = parse(SqlDialect.POSTGRESQL,
                "UPDATE \"A\" SET \"b\" = \"c\" #>> '{x}';\nALTER TABLE \"A\" ADD COLUMN \"d\" INT DEFAULT (1 # 2);");
        assertEquals(List.of(), postgres.problems());
        assertEquals(List.of("Other UPDATE", "AlterTable"), kinds(postgres));
    }

    @Test
    void dollarSignsAreNotQuotesOutsideThePostgresFamily() {
        SqlScript script = parse(SqlDialect.MYSQL, "UPDATE `A` SET `price` = '$5$';\nDROP TABLE `B`;");
        assertEquals(List.of(), script.problems());
        assertEquals(List.of("Other UPDATE", "DropTable"), kinds(script));
    }

    @Test
    void goEndsASqlServerBatchOnlyAloneOnItsLine() {
        SqlScript script = parse(SqlDialect.SQLSERVER, """
                CREATE TABLE [dbo].[A] ([id] INT)
                GO -- first batch
                CREATE TABLE [dbo].[B] ([go] INT)
                GO 2
                DROP TABLE [dbo].[C]
                """);
        assertEquals(List.of(), script.problems());
        assertEquals(List.of("CreateTable", "CreateTable", "DropTable"), kinds(script));
    }

    @Test
    void deepNestingIsAProblemNotACrash() {
        String deep = "(".repeat(100_000) + ")".repeat(100_000);
        SqlScript script = parse(SqlDialect.POSTGRESQL,
                "ALTER TABLE \"A\" ADD COLUMN \"b\" INT DEFAULT " + deep + ";\nDROP TABLE \"C\";");
        assertEquals(1, script.problems().size());
        assertEquals(List.of("Other ALTER TABLE", "DropTable"), kinds(script));
        SqlScript comments = parse(SqlDialect.POSTGRESQL, "/*".repeat(100_000) + "*/".repeat(100_000) + "DROP TABLE \"C\";");
        assertEquals(List.of("DropTable"), kinds(comments));
        assertEquals(List.of(), comments.problems());
    }

    @Test
    void unclosedBlockCommentIsAProblemInEveryDialect() {
        for (SqlDialect dialect : SqlDialect.values()) {
            SqlScript script = parse(dialect, "DROP TABLE a;\n/* /* never closed\nDROP TABLE b;");
            assertEquals(1, script.problems().size(), dialect.name());
            assertEquals("2:1", at(script, script.problems().get(0).span().start()), dialect.name());
        }
    }

    @Test
    void mySqlCommentsDoNotNest() {
        SqlScript script = parse(SqlDialect.MYSQL, "/* a /* b */ DROP TABLE `A`;");
        assertEquals(List.of("DropTable"), kinds(script));
    }

    @Test
    void reportsDdlNestedPastTheLimitAndReadsTheNextStatement() {
        // Found by SqlFuzzTest (seed deep-parentheses-5000.sql): a 5,000-level CHECK overflowed the stack.
        String check = "(".repeat(5000) + "\"a\" > 0" + ")".repeat(5000);
        SqlScript script = parse(SqlDialect.POSTGRESQL, "CREATE TABLE \"t\" (\"a\" INT CHECK " + check + ");\n"
                + "DROP TABLE \"u\";");
        assertEquals(List.of("Other CREATE TABLE", "DropTable"), kinds(script));
        SqlProblem problem = script.problems().get(0);
        assertEquals(1, script.problems().size());
        // The table's parenthesis is level 1; the CHECK's first one, at column 33, level 2.
        assertEquals("1:" + (32 + SqlParser.MAX_NESTING), at(script, problem.span().start()));
        assertEquals("the CREATE TABLE statement nests parentheses deeper than 500 levels; it is not read",
                problem.message());
    }

    @Test
    void readsDdlNestedToTheLimitOnAnOrdinaryThreadStack() throws InterruptedException {
        // With the table's and the CHECK's own parentheses: exactly the limit.
        int depth = SqlParser.MAX_NESTING - 2;
        String check = "(".repeat(depth) + "\"a\" > 0" + ")".repeat(depth);
        SqlScript[] result = new SqlScript[1];
        // A fresh thread has the JVM's default stack (1 MB on 64-bit Linux), less than a main thread's.
        Thread t = new Thread(() -> result[0] = parse(SqlDialect.POSTGRESQL,
                "CREATE TABLE \"t\" (\"a\" INT CHECK (" + check + "));"));
        t.start();
        t.join();
        assertEquals(List.of(), result[0].problems());
        assertEquals(List.of("CreateTable"), kinds(result[0]));
    }
}
