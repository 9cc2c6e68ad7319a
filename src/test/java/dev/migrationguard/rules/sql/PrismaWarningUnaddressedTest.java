package dev.migrationguard.rules.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationguard.testing.InMemorySnapshot;
import dev.migrationguard.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrismaWarningUnaddressedTest {
    private static final String PG = "prisma/migrations/2_x/migration.sql";
    private static final String INIT = """
            CREATE TABLE "User" ("id" SERIAL NOT NULL, "name" TEXT, "phone" TEXT, "email" TEXT NOT NULL,
                CONSTRAINT "User_pkey" PRIMARY KEY ("id"));
            """;
    private final PrismaWarningUnaddressed rule = new PrismaWarningUnaddressed();

    private static InMemorySnapshot sqlite(String init, String migration) {
        return InMemorySnapshot.of("prisma/migrations/migration_lock.toml", "provider = \"sqlite\"",
                "prisma/migrations/1_init/migration.sql", init, "prisma/migrations/2_x/migration.sql", migration);
    }

    private static InMemorySnapshot pg(String migration) {
        return InMemorySnapshot.of("prisma/migrations/1_init/migration.sql", INIT, PG, migration);
    }

    @Test
    void flagsEachGeneratedWarningWhoseStatementRunsAsWritten() {
        // What prisma migrate dev wrote for: name renamed to fullName, phone required, email @unique, slug added.
        var findings = RuleTester.run(rule, pg("""
                /*
                  Warnings:

                  - You are about to drop the column `name` on the `User` table. All the data in the column will be lost.
                  - Made the column `phone` on table `User` required. This step will fail if there are existing NULL values in that column.
                  - A unique constraint covering the columns `[email]` on the table `User` will be added. If there are existing duplicate values, this will fail.
                  - Added the required column `slug` to the `User` table without a default value. This is not possible if the table is not empty.

                */
                -- AlterTable
                ALTER TABLE "User" DROP COLUMN "name",
                ADD COLUMN     "fullName" TEXT,
                ADD COLUMN     "slug" TEXT NOT NULL,
                ALTER COLUMN "phone" SET NOT NULL;

                -- CreateIndex
                CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
                """));
        assertEquals(List.of(PG + ":4:3 prisma-warning-unaddressed", PG + ":5:3 prisma-warning-unaddressed",
                PG + ":6:3 prisma-warning-unaddressed", PG + ":7:3 prisma-warning-unaddressed"),
                RuleTester.locations(findings));
        assertTrue(findings.get(0).message().contains("line 11"), findings.get(0).message());
        assertTrue(findings.get(1).fix().contains("UPDATE the table SET the column"), findings.get(1).fix());
    }

    @Test
    void ignoresWarningsDealtWithByADataStepOrARewrite() {
        assertEquals(List.of(), RuleTester.run(rule, pg("""
                /*
                  Warnings:

                  - You are about to drop the column `name` on the `User` table. All the data in the column will be lost.
                  - Made the column `phone` on table `User` required. This step will fail if there are existing NULL values in that column.
                  - A unique constraint covering the columns `[email]` on the table `User` will be added. If there are existing duplicate values, this will fail.
                  - Added the required column `slug` to the `User` table without a default value. This is not possible if the table is not empty.
                  - The primary key for the `User` table will be changed. If it partially fails, the table could be left without primary key constraint.
                  - Backfilled by hand, see OPS-12.

                */
                -- edited: a rename keeps the data
                ALTER TABLE "User" RENAME COLUMN "name" TO "fullName";
                ALTER TABLE "User" ADD COLUMN "slug" TEXT;
                UPDATE "User" SET "slug" = "id"::text, "phone" = COALESCE("phone", '');
                ALTER TABLE "User" ALTER COLUMN "slug" SET NOT NULL, ALTER COLUMN "phone" SET NOT NULL;
                DELETE FROM "User" a USING "User" b WHERE a."id" > b."id" AND a."email" = b."email";
                CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
                """)));
    }

    @Test
    void aDataStepAfterTheDestructiveStatementComesTooLate() {
        var findings = RuleTester.run(rule, pg("""
                /*
                  Warnings:

                  - Made the column `phone` on table `User` required. This step will fail if there are existing NULL values in that column.

                */
                ALTER TABLE "User" ALTER COLUMN "phone" SET NOT NULL;
                UPDATE "User" SET "phone" = '' WHERE "phone" IS NULL;
                """));
        assertEquals(List.of(PG + ":4:3 prisma-warning-unaddressed"), RuleTester.locations(findings));
    }

    @Test
    void ignoresAWarningTextThatIsNotAtTheTopOrACommentWithoutWarnings() {
        assertEquals(List.of(), RuleTester.run(rule, pg("""
                -- AlterTable
                ALTER TABLE "User" DROP COLUMN "name";
                /*
                  Warnings:

                  - You are about to drop the column `phone` on the `User` table. All the data in the column will be lost.
                */
                ALTER TABLE "User" DROP COLUMN "phone";
                """)));
    }

    @Test
    void flagsRemovedEnumValuesUnlessRowsAreMovedFirst() {
        String warning = """
                /*
                  Warnings:

                  - The values [CANCELLED] on the enum `OrderStatus` will be removed. If these variants are still used in the database, this will fail.

                */
                """;
        String swap = """
                -- AlterEnum
                BEGIN;
                CREATE TYPE "OrderStatus_new" AS ENUM ('PENDING', 'PAID');
                ALTER TABLE "Order" ALTER COLUMN "status" TYPE "OrderStatus_new" USING ("status"::text::"OrderStatus_new");
                ALTER TYPE "OrderStatus" RENAME TO "OrderStatus_old";
                ALTER TYPE "OrderStatus_new" RENAME TO "OrderStatus";
                DROP TYPE "OrderStatus_old";
                COMMIT;
                """;
        assertEquals(List.of(PG + ":4:3 prisma-warning-unaddressed"),
                RuleTester.locations(RuleTester.run(rule, pg(warning + swap))));
        assertEquals(List.of(), RuleTester.run(rule,
                pg(warning + "UPDATE \"Order\" SET \"status\" = 'PAID' WHERE \"status\" = 'CANCELLED';\n" + swap)));
    }

    @Test
    void readsMysqlWarningsAndTheirModify() {
        String path = "prisma/migrations/2_x/migration.sql";
        InMemorySnapshot snapshot = InMemorySnapshot.of(
                "prisma/migrations/migration_lock.toml", "provider = \"mysql\"",
                "prisma/migrations/1_init/migration.sql", """
                        CREATE TABLE `User` (`id` INTEGER NOT NULL AUTO_INCREMENT, `age` INTEGER NULL,
                            `role` ENUM('USER', 'ADMIN', 'MODERATOR') NOT NULL DEFAULT 'USER', PRIMARY KEY (`id`));
                        """,
                path, """
                        /*
                          Warnings:

                          - The values [MODERATOR] on the enum `User_role` will be removed. If these variants are still used in the database, this will fail.
                          - Made the column `age` on table `User` required. This step will fail if there are existing NULL values in that column.

                        */
                        -- AlterTable
                        ALTER TABLE `User` MODIFY `role` ENUM('USER', 'ADMIN') NOT NULL DEFAULT 'USER',
                            MODIFY `age` INTEGER NOT NULL;
                        """);
        assertEquals(List.of(path + ":4:3 prisma-warning-unaddressed", path + ":5:3 prisma-warning-unaddressed"),
                RuleTester.locations(RuleTester.run(rule, snapshot)));
    }

    @Test
    void sqliteRedefinitionCountsOnlyAnEditedCopyStep() {
        String path = "prisma/migrations/2_x/migration.sql";
        String generated = """
                /*
                  Warnings:

                  - Made the column `age` on table `User` required. This step will fail if there are existing NULL values in that column.

                */
                -- RedefineTables
                PRAGMA defer_foreign_keys=ON;
                PRAGMA foreign_keys=OFF;
                CREATE TABLE "new_User" (
                    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
                    "age" INTEGER NOT NULL
                );
                INSERT INTO "new_User" ("age", "id") SELECT "age", "id" FROM "User";
                DROP TABLE "User";
                ALTER TABLE "new_User" RENAME TO "User";
                PRAGMA foreign_keys=ON;
                PRAGMA defer_foreign_keys=OFF;
                """;
        String init = "CREATE TABLE \"User\" (\"id\" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, \"age\" INTEGER);\n";
        assertEquals(List.of(path + ":4:3 prisma-warning-unaddressed"),
                RuleTester.locations(RuleTester.run(rule, sqlite(init, generated))));
        assertEquals(List.of(), RuleTester.run(rule, sqlite(init,
                generated.replace("SELECT \"age\", \"id\" FROM", "SELECT COALESCE(\"age\", 0), \"id\" FROM"))));
    }

    @Test
    void sqliteRequiredColumnIsDealtWithWhenTheCopyStepFillsIt() {
        String path = "prisma/migrations/2_x/migration.sql";
        String generated = """
                /*
                  Warnings:

                  - Added the required column `code` to the `Team` table without a default value. This is not possible if the table is not empty.

                */
                -- RedefineTables
                CREATE TABLE "new_Team" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "code" TEXT NOT NULL);
                INSERT INTO "new_Team" ("id") SELECT "id" FROM "Team";
                DROP TABLE "Team";
                ALTER TABLE "new_Team" RENAME TO "Team";
                """;
        String init = "CREATE TABLE \"Team\" (\"id\" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT);\n";
        assertEquals(List.of(path + ":4:3 prisma-warning-unaddressed"),
                RuleTester.locations(RuleTester.run(rule, sqlite(init, generated))));
        assertEquals(List.of(), RuleTester.run(rule, sqlite(init, generated.replace("(\"id\") SELECT \"id\" FROM",
                "(\"id\", \"code\") SELECT \"id\", 'T' || \"id\" FROM"))));
    }
}
