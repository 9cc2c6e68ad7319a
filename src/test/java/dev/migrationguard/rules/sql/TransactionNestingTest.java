package dev.migrationguard.rules.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationguard.testing.InMemorySnapshot;
import dev.migrationguard.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransactionNestingTest {
    private final TransactionNesting rule = new TransactionNesting();

    @Test
    void flagsANestedBeginAndNamesTheOuterOne() {
        var findings = RuleTester.assertMatchesMarkers(rule, InMemorySnapshot.of(
                "prisma/migrations/2_x/migration.sql", """
                        BEGIN;
                        ALTER TABLE "Order" ADD COLUMN "note" TEXT;
                        BEGIN TRANSACTION; -- expect: transaction-nesting
                        UPDATE "Order" SET "note" = '';
                        COMMIT;
                        COMMIT;
                        """));
        assertTrue(findings.get(0).message().contains("opened at line 1"), findings.get(0).message());
    }

    @Test
    void flagsABeginNeverCommitted() {
        var findings = RuleTester.assertMatchesMarkers(rule, InMemorySnapshot.of(
                "prisma/migrations/2_x/migration.sql", """
                        -- AlterEnum
                        BEGIN; -- expect: transaction-nesting
                        CREATE TYPE "Role_new" AS ENUM ('USER', 'ADMIN');
                        ALTER TYPE "Role_new" RENAME TO "Role";
                        """));
        assertTrue(findings.get(0).message().contains("never committed"));
    }

    @Test
    void ignoresPrismasEnumSwapBlocksFunctionBodiesAndSqlServer() {
        assertEquals(List.of(), RuleTester.run(rule, InMemorySnapshot.of(
                "a/prisma/migrations/1_x/migration.sql", """
                        -- AlterEnum
                        BEGIN;
                        CREATE TYPE "Role_new" AS ENUM ('USER', 'ADMIN');
                        ALTER TYPE "Role_new" RENAME TO "Role";
                        COMMIT;

                        START TRANSACTION ISOLATION LEVEL SERIALIZABLE;
                        UPDATE "Order" SET "note" = '';
                        END;

                        DO $$ BEGIN
                          IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'reader') THEN
                            CREATE ROLE reader;
                          END IF;
                        END $$;
                        CREATE OR REPLACE FUNCTION touch() RETURNS trigger AS $$
                        BEGIN
                          RETURN NEW;
                        END;
                        $$ LANGUAGE plpgsql;
                        """,
                "b/prisma/migrations/migration_lock.toml", "provider = \"sqlserver\"",
                "b/prisma/migrations/1_x/migration.sql", """
                        BEGIN TRY

                        BEGIN TRAN;

                        -- RedefineTables
                        BEGIN TRANSACTION;
                        DROP TABLE [dbo].[Post];
                        COMMIT;

                        COMMIT TRAN;

                        END TRY
                        BEGIN CATCH

                        IF @@TRANCOUNT > 0
                        BEGIN
                            ROLLBACK TRAN;
                        END;
                        THROW

                        END CATCH
                        """)));
    }

    @Test
    void readsMysqlAndSqlite() {
        RuleTester.assertMatchesMarkers(rule, InMemorySnapshot.of(
                "a/prisma/migrations/migration_lock.toml", "provider = \"mysql\"",
                "a/prisma/migrations/1_x/migration.sql", """
                        START TRANSACTION;
                        UPDATE `User` SET `role` = 'USER';
                        BEGIN; -- expect: transaction-nesting
                        COMMIT;
                        """,
                "b/prisma/migrations/migration_lock.toml", "provider = \"sqlite\"",
                "b/prisma/migrations/1_x/migration.sql", """
                        BEGIN IMMEDIATE TRANSACTION; -- expect: transaction-nesting
                        DELETE FROM "Session";
                        """));
    }
}
