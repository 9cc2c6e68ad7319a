package dev.migrationguard.sql;

import java.util.Locale;
import java.util.Set;

/**
 * The words a statement of each dialect may start with (its server's command list). A statement that starts with
 * any other word ({@code CRATE TABLE ...}) is an error the database reports when the migration runs, so the parser
 * reports it too instead of keeping it as an unread statement.
 */
final class SqlCommands {
    private static final Set<String> POSTGRESQL = Set.of("ABORT", "ALTER", "ANALYZE", "ANALYSE", "BEGIN", "CALL",
            "CHECKPOINT", "CLOSE", "CLUSTER", "COMMENT", "COMMIT", "COPY", "CREATE", "DEALLOCATE", "DECLARE",
            "DELETE", "DISCARD", "DO", "DROP", "END", "EXECUTE", "EXPLAIN", "FETCH", "GRANT", "IMPORT", "INSERT",
            "LISTEN", "LOAD", "LOCK", "MERGE", "MOVE", "NOTIFY", "PREPARE", "REASSIGN", "REFRESH", "REINDEX",
            "RELEASE", "RESET", "REVOKE", "ROLLBACK", "SAVEPOINT", "SECURITY", "SELECT", "SET", "SHOW", "START",
            "TABLE", "TRUNCATE", "UNLISTEN", "UPDATE", "VACUUM", "VALUES", "WITH");
    /** CockroachDB's own statements besides PostgreSQL's. */
    private static final Set<String> COCKROACHDB = Set.of("UPSERT", "BACKUP", "RESTORE", "EXPORT", "USE", "CANCEL",
            "PAUSE", "RESUME", "CONFIGURE", "SCRUB", "EXPERIMENTAL");
    private static final Set<String> MYSQL = Set.of("ALTER", "ANALYZE", "BEGIN", "BINLOG", "CACHE", "CALL",
            "CHANGE", "CHECK", "CHECKSUM", "CLONE", "COMMIT", "CREATE", "DEALLOCATE", "DELETE", "DESC", "DESCRIBE",
            "DO", "DROP", "EXECUTE", "EXPLAIN", "FLUSH", "GET", "GRANT", "HANDLER", "HELP", "IMPORT", "INSERT",
            "INSTALL", "KILL", "LOAD", "LOCK", "OPTIMIZE", "PREPARE", "PURGE", "RELEASE", "RENAME", "REPAIR",
            "REPLACE", "RESET", "RESIGNAL", "RESTART", "REVOKE", "ROLLBACK", "SAVEPOINT", "SELECT", "SET", "SHOW",
            "SHUTDOWN", "SIGNAL", "START", "STOP", "TABLE", "TRUNCATE", "UNINSTALL", "UNLOCK", "UPDATE", "USE",
            "VALUES", "WITH", "XA");
    private static final Set<String> SQLITE = Set.of("ALTER", "ANALYZE", "ATTACH", "BEGIN", "COMMIT", "CREATE",
            "DELETE", "DETACH", "DROP", "END", "EXPLAIN", "INSERT", "PRAGMA", "REINDEX", "RELEASE", "REPLACE",
            "ROLLBACK", "SAVEPOINT", "SELECT", "UPDATE", "VACUUM", "VALUES", "WITH");
    /** T-SQL statements, control flow included: Prisma's SQL Server migrations wrap DDL in TRY/CATCH and IF. */
    private static final Set<String> SQLSERVER = Set.of("ALTER", "BACKUP", "BEGIN", "BREAK", "BULK", "CHECKPOINT",
            "CLOSE", "COMMIT", "CONTINUE", "CREATE", "DBCC", "DEALLOCATE", "DECLARE", "DELETE", "DENY", "DISABLE",
            "DROP", "ELSE", "ENABLE", "END", "EXEC", "EXECUTE", "FETCH", "GO", "GOTO", "GRANT", "IF", "INSERT",
            "KILL", "MERGE", "OPEN", "PRINT", "RAISERROR", "READTEXT", "RECONFIGURE", "RESTORE", "RETURN", "REVERT",
            "REVOKE", "ROLLBACK", "SAVE", "SELECT", "SET", "SETUSER", "SHUTDOWN", "TRUNCATE", "THROW", "UPDATE",
            "UPDATETEXT", "USE", "WAITFOR", "WHILE", "WITH", "WRITETEXT");

    private SqlCommands() {
    }

    /**
     * Whether a statement of {@code dialect} may start with {@code first}, the text of its first token. A
     * parenthesis opens a query ({@code (SELECT ...) UNION ...}).
     */
    static boolean startsCommand(SqlDialect dialect, String first) {
        if (first.equals("(")) {
            return true;
        }
        String word = first.toUpperCase(Locale.ROOT);
        return switch (dialect) {
            case POSTGRESQL -> POSTGRESQL.contains(word);
            case COCKROACHDB -> POSTGRESQL.contains(word) || COCKROACHDB.contains(word);
            case MYSQL -> MYSQL.contains(word);
            case SQLITE -> SQLITE.contains(word);
            case SQLSERVER -> SQLSERVER.contains(word);
        };
    }
}
