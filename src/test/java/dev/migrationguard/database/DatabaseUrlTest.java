package dev.migrationguard.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.migrationguard.schema.DatabaseProvider;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DatabaseUrlTest {
    private static final Path SCHEMA = Path.of("/repo/prisma");

    @Test
    void readsAPrismaPostgresUrlWithSchemaAndTls() throws Exception {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://app:s3cr%40t@db.internal:6543/shop?schema=sales&sslmode=require"
                + "&connection_limit=5", SCHEMA);
        assertEquals(DatabaseProvider.POSTGRESQL, url.provider());
        assertEquals("jdbc:postgresql://db.internal:6543/shop?sslmode=require", url.jdbcUrl());
        assertEquals("app", url.user());
        assertEquals("s3cr@t", url.password());
        assertEquals("sales", url.schema());
        assertEquals("postgresql://app:****@db.internal:6543/shop?schema=sales&sslmode=require&connection_limit=5",
                url.display());
    }

    @Test
    void neverShowsThePassword() throws Exception {
        DatabaseUrl url = DatabaseUrl.parse("postgres://u:hunter2hunter2@h/d", SCHEMA);
        assertFalse(url.display().contains("hunter2"));
        assertFalse(url.toString().contains("hunter2"));
        assertFalse(url.jdbcUrl().contains("hunter2"));
    }

    @Test
    void readsMysqlAndSqliteUrls() throws Exception {
        DatabaseUrl mysql = DatabaseUrl.parse("mysql://root:pw@127.0.0.1:3306/app", SCHEMA);
        assertEquals(DatabaseProvider.MYSQL, mysql.provider());
        assertEquals("jdbc:mariadb://127.0.0.1:3306/app", mysql.jdbcUrl());
        DatabaseUrl sqlite = DatabaseUrl.parse("file:./dev.db", SCHEMA);
        assertEquals(DatabaseProvider.SQLITE, sqlite.provider());
        assertEquals("jdbc:sqlite:/repo/prisma/dev.db", sqlite.jdbcUrl());
    }

    @Test
    void rejectsWhatItCannotUseWithoutEchoingThePassword() {
        DatabaseUrl.InvalidUrlException e = assertThrows(DatabaseUrl.InvalidUrlException.class,
                () -> DatabaseUrl.parse("mongodb://u:topsecret@h/d", SCHEMA));
        assertFalse(e.getMessage().contains("topsecret"));
        assertThrows(DatabaseUrl.InvalidUrlException.class, () -> DatabaseUrl.parse("sqlserver://h:1433;password=x", SCHEMA));
        assertThrows(DatabaseUrl.InvalidUrlException.class, () -> DatabaseUrl.parse("postgresql://u:p@/d", SCHEMA));
        assertThrows(DatabaseUrl.InvalidUrlException.class, () -> DatabaseUrl.parse("not a url", SCHEMA));
    }
}
