package dev.migrationguard.rules.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationguard.testing.InMemorySnapshot;
import dev.migrationguard.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

class MysqlTableCopyTest {
    private static final String INIT = """
            CREATE TABLE `User` (
                `id` INTEGER NOT NULL AUTO_INCREMENT,
                `email` VARCHAR(191) NOT NULL,
                `code` VARCHAR(20) NOT NULL,
                `role` ENUM('USER', 'ADMIN', 'MODERATOR') NOT NULL DEFAULT 'USER',
                `age` INTEGER NULL,
                PRIMARY KEY (`id`)
            ) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
            """;
    private final MysqlTableCopy rule = new MysqlTableCopy();

    private static InMemorySnapshot mysql(String migration) {
        return InMemorySnapshot.of("prisma/migrations/migration_lock.toml", "provider = \"mysql\"",
                "prisma/migrations/1_init/migration.sql", INIT, "prisma/migrations/2_x/migration.sql", migration);
    }

    @Test
    void flagsEnumValuesRemovedOrReorderedAndTypeChanges() {
        var findings = RuleTester.assertMatchesMarkers(rule, mysql("""
                -- AlterTable
                ALTER TABLE `User` MODIFY `role` ENUM('USER', 'ADMIN') NOT NULL DEFAULT 'USER', -- expect: mysql-table-copy
                    MODIFY `age` BIGINT NULL, -- expect: mysql-table-copy
                    MODIFY `code` VARCHAR(100) NOT NULL, -- expect: mysql-table-copy
                    MODIFY `email` VARCHAR(100) NOT NULL; -- expect: mysql-table-copy
                """));
        assertTrue(findings.get(0).message().contains("loses values of its ENUM"), findings.get(0).message());
        assertTrue(findings.get(2).message().contains("from VARCHAR(20) to VARCHAR(100)"), findings.get(2).message());
        RuleTester.assertMatchesMarkers(rule, mysql("""
                ALTER TABLE `User` MODIFY `role` ENUM('ADMIN', 'USER', 'MODERATOR') NOT NULL DEFAULT 'USER'; -- expect: mysql-table-copy
                """));
    }

    @Test
    void ignoresInPlaceChangesNewTablesAndOtherDialects() {
        assertEquals(List.of(), RuleTester.run(rule, mysql("""
                ALTER TABLE `User` MODIFY `role` ENUM('USER', 'ADMIN', 'MODERATOR', 'GUEST') NOT NULL DEFAULT 'USER',
                    MODIFY `email` VARCHAR(255) NOT NULL,
                    MODIFY `code` VARCHAR(40) NOT NULL,
                    MODIFY `age` INTEGER NOT NULL;
                CREATE TABLE `T` (`a` INTEGER NOT NULL);
                ALTER TABLE `T` MODIFY `a` BIGINT NOT NULL;
                """)));
        assertEquals(List.of(), RuleTester.run(rule, InMemorySnapshot.of(
                "prisma/migrations/1_init/migration.sql", "CREATE TABLE \"User\" (\"age\" INTEGER);\n",
                "prisma/migrations/2_x/migration.sql", "ALTER TABLE \"User\" ALTER COLUMN \"age\" SET DATA TYPE BIGINT;\n")));
    }
}
