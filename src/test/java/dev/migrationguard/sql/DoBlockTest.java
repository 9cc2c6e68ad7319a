package dev.migrationguard.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationguard.sql.SqlStatement.AlterTable;
import dev.migrationguard.sql.SqlStatement.AlterType;
import dev.migrationguard.sql.SqlStatement.CreateEnum;
import dev.migrationguard.sql.SqlStatement.CreateIndex;
import dev.migrationguard.sql.SqlStatement.DoBlock;
import dev.migrationguard.sql.SqlStatement.Other;
import dev.migrationguard.workspace.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PL/pgSQL DO blocks: the SQL statements of their bodies are listed after the block, with spans into the file. */
class DoBlockTest {

    private static SqlScript parse(String sql) {
        return SqlParser.parse(new SourceFile("m.sql", sql), SqlDialect.POSTGRESQL);
    }

    private static List<String> kinds(SqlScript script) {
        return script.statements().stream()
                .map(s -> s instanceof Other o ? "Other " + o.keyword() : s.getClass().getSimpleName())
                .toList();
    }

    @Test
    void readsTheIfNotExistsIdiomAsConditionalStatements() {
        SqlScript script = parse("""
                DO $$
                BEGIN
                  IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'Role') THEN
                    CREATE TYPE "Role" AS ENUM ('USER', 'ADMIN');
                  END IF;
                  IF NOT EXISTS (SELECT 1 FROM information_schema.tables WHERE table_name = 'T') THEN
                    CREATE TABLE "T" ("id" TEXT NOT NULL, "role" "Role");
                    CREATE INDEX "T_role_idx" ON "T"("role");
                  ELSE
                    ALTER TABLE "T" ADD COLUMN "role" "Role";
                  END IF;
                END $$;
                CREATE INDEX "after" ON "T"("id");
                """);
        assertEquals(List.of(), script.problems());
        assertEquals(List.of("DoBlock", "CreateEnum", "CreateTable", "CreateIndex", "AlterTable", "CreateIndex"),
                kinds(script));
        DoBlock block = (DoBlock) script.statements().get(0);
        assertEquals(4, block.statements().size());
        CreateEnum role = (CreateEnum) script.statements().get(1);
        assertEquals("CREATE TYPE \"Role\" AS ENUM ('USER', 'ADMIN')", script.text(role.span()));
        assertEquals(List.of("USER", "ADMIN"), role.values());
        assertEquals(4, script.file().line(role.span().start()));
        for (SqlStatement inner : block.statements()) {
            assertTrue(script.isConditional(inner), script.text(inner.span()));
            assertEquals(block, script.enclosingBlock(inner).orElseThrow());
        }
        SqlStatement after = script.statements().get(5);
        assertTrue(script.enclosingBlock(after).isEmpty());
        assertFalse(script.isConditional(after));
    }

    @Test
    void aBlockWithAnExceptionHandlerHasItsFailuresCaught() {
        SqlScript script = parse("""
                DO $$ BEGIN
                    CREATE TYPE "Status" AS ENUM ('A');
                EXCEPTION
                    WHEN duplicate_object THEN null;
                END $$;
                DO $$ BEGIN ALTER TABLE "T" ADD COLUMN "x" INTEGER; END $$;
                """);
        assertEquals(List.of(), script.problems());
        assertEquals(List.of("DoBlock", "CreateEnum", "DoBlock", "AlterTable"), kinds(script));
        assertTrue(script.isConditional(script.statements().get(1)));
        assertFalse(script.isConditional(script.statements().get(3)));
    }

    @Test
    void readsTheStatementOfAnExecutedLiteralWithSpansIntoTheFile() {
        SqlScript script = parse("""
                DO $$
                DECLARE n int := 0;
                BEGIN
                  EXECUTE 'CREATE INDEX "T_x_idx" ON "T"("x")';
                  EXECUTE 'ALTER TYPE "Role" ADD VALUE ''GUEST'' AFTER ''USER''';
                  EXECUTE format('DROP TABLE %I', 'Old');
                  FOR n IN 1..3 LOOP
                    PERFORM pg_sleep(0);
                  END LOOP;
                END
                $$ LANGUAGE plpgsql;
                """);
        assertEquals(List.of(), script.problems());
        assertEquals(List.of("DoBlock", "CreateIndex", "AlterType", "Other EXECUTE"), kinds(script));
        CreateIndex index = (CreateIndex) script.statements().get(1);
        assertEquals("CREATE INDEX \"T_x_idx\" ON \"T\"(\"x\")", script.text(index.span()));
        assertEquals("\"T\"", script.text(index.table().span()));
        AlterType type = (AlterType) script.statements().get(2);
        assertEquals("ALTER TYPE \"Role\" ADD VALUE ''GUEST'' AFTER ''USER''", script.text(type.span()));
        AlterTypeAction.AddValue add = assertInstanceOf(AlterTypeAction.AddValue.class, type.action());
        assertEquals("GUEST", add.value());
        assertEquals("USER", add.neighbour());
        assertEquals("\"Role\"", script.text(type.name().span()));
        assertEquals("EXECUTE format('DROP TABLE %I', 'Old')", script.text(script.statements().get(3).span()));
    }

    @Test
    void aBadStatementInsideABlockIsReportedWhereItIsWritten() {
        SqlScript script = parse("""
                DO $$ BEGIN
                  ALTER TABLE "T" ADD CONSTRAINT;
                END $$;
                """);
        assertEquals(1, script.problems().size());
        assertEquals(2, script.file().line(script.problems().get(0).span().start()));
    }

    @Test
    void keepsABlockItCannotReadWhole() {
        SqlScript script = parse("""
                DO LANGUAGE plv8 $$ plv8.execute('CREATE TABLE x (id int)') $$;
                DO $$ BEGIN IF x THEN CREATE TABLE "T" (id int); END $$;
                DO $$ BEGIN ALTER TABLE "T" ADD COLUMN "y" int; END $$;
                """);
        assertEquals(List.of(), script.problems());
        assertEquals(List.of("Other DO", "Other DO", "DoBlock", "AlterTable"), kinds(script));
        assertInstanceOf(AlterTable.class, script.statements().get(3));
    }

    @Test
    void aStatementStartingWithNoCommandIsAProblem() {
        SqlScript script = parse("""
                CRATE TABLE "x" ("id" INTEGER);
                CREATE TABLE "y" ("id" INTEGER);
                """);
        assertEquals(List.of("'CRATE' starts no PostgreSQL statement, so the database rejects it"),
                script.problems().stream().map(SqlProblem::message).toList());
        assertEquals(new Span(0, 5), script.problems().get(0).span());
        assertEquals(List.of("Other CRATE", "CreateTable"), kinds(script));
        SqlScript mysql = SqlParser.parse(new SourceFile("m.sql", "RENAME TABLE a TO b;\nPRAGMA x;\n"),
                SqlDialect.MYSQL);
        assertEquals(List.of("'PRAGMA' starts no MySQL statement, so the database rejects it"),
                mysql.problems().stream().map(SqlProblem::message).toList());
    }
}
