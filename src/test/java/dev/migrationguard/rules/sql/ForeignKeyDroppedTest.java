package dev.migrationguard.rules.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationguard.testing.InMemorySnapshot;
import dev.migrationguard.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForeignKeyDroppedTest {
    private static final String INIT = """
            CREATE TABLE "User" ("id" SERIAL NOT NULL, CONSTRAINT "User_pkey" PRIMARY KEY ("id"));
            CREATE TABLE "Order" ("id" SERIAL NOT NULL, "userId" INTEGER NOT NULL, "couponId" INTEGER);
            ALTER TABLE "Order" ADD CONSTRAINT "Order_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id");
            """;
    private final ForeignKeyDropped rule = new ForeignKeyDropped();

    private static InMemorySnapshot pg(String migration) {
        return InMemorySnapshot.of("prisma/migrations/1_init/migration.sql", INIT,
                "prisma/migrations/2_x/migration.sql", migration);
    }

    @Test
    void flagsARelationRemovedWhileItsFieldStays() {
        var findings = RuleTester.assertMatchesMarkers(rule, pg("""
                -- DropForeignKey
                ALTER TABLE "Order" DROP CONSTRAINT "Order_userId_fkey"; -- expect: foreign-key-dropped
                """));
        assertTrue(findings.get(0).message().contains("\"userId\" point at existing rows"), findings.get(0).message());
        assertEquals(21, findings.get(0).range().startColumn());
    }

    @Test
    void ignoresAKeyAddedBackItsTableOrColumnDroppedAndNewTables() {
        assertEquals(List.of(), RuleTester.run(rule, pg("""
                -- DropForeignKey
                ALTER TABLE "Order" DROP CONSTRAINT "Order_userId_fkey";
                -- AddForeignKey
                ALTER TABLE "Order" ADD CONSTRAINT "Order_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
                """)));
        assertEquals(List.of(), RuleTester.run(rule, pg("""
                ALTER TABLE "Order" DROP CONSTRAINT "Order_couponId_fkey";
                ALTER TABLE "Order" DROP COLUMN "couponId";
                ALTER TABLE "Order" DROP CONSTRAINT "Order_userId_fkey";
                DROP TABLE "Order";
                CREATE TABLE "Tmp" ("id" INTEGER, "userId" INTEGER);
                ALTER TABLE "Tmp" DROP CONSTRAINT "Tmp_userId_fkey";
                ALTER TABLE "User" DROP CONSTRAINT "User_email_key";
                """)));
    }

    @Test
    void followsRenamesAndAcceptsAWiderKeyToTheSameTable() {
        // As hand-edited migrations write it: the table and the key's column renamed, the key re-added under the new
        // names; a key widened to two columns.
        assertEquals(List.of(), RuleTester.run(rule, pg("""
                ALTER TABLE "Order" RENAME TO "orders";
                ALTER TABLE "orders" DROP CONSTRAINT "Order_userId_fkey";
                ALTER TABLE "orders" RENAME COLUMN "userId" TO "user_id";
                ALTER TABLE "orders" ADD CONSTRAINT "orders_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "User"("id");
                """)));
        assertEquals(List.of(), RuleTester.run(rule, pg("""
                ALTER TABLE "Order" DROP CONSTRAINT "Order_userId_fkey";
                ALTER TABLE "Order" ADD CONSTRAINT "Order_userId_couponId_fkey" FOREIGN KEY ("userId", "couponId") REFERENCES "Grant"("userId", "couponId");
                """)));
    }

    @Test
    void readsMysqlDropForeignKey() {
        var findings = RuleTester.assertMatchesMarkers(rule, InMemorySnapshot.of(
                "prisma/migrations/migration_lock.toml", "provider = \"mysql\"",
                "prisma/migrations/1_x/migration.sql", """
                        -- DropForeignKey
                        ALTER TABLE `Order` DROP FOREIGN KEY `Order_userId_fkey`; -- expect: foreign-key-dropped

                        -- DropForeignKey and AddForeignKey: the key changes, it stays
                        ALTER TABLE `Post` DROP FOREIGN KEY `Post_authorId_fkey`;
                        ALTER TABLE `Post` ADD CONSTRAINT `Post_authorId_fkey` FOREIGN KEY (`authorId`) REFERENCES `User`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
                        """));
        assertEquals(1, findings.size());
    }
}
