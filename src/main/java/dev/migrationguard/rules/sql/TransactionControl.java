package dev.migrationguard.rules.sql;

import dev.migrationguard.sql.SqlScript;
import dev.migrationguard.sql.SqlStatement;
import java.util.regex.Pattern;

/** Statements that open or close a transaction (BEGIN, START TRANSACTION, COMMIT, END, ROLLBACK), read from their text. */
enum TransactionControl {
    OPEN, CLOSE, NONE;

    // SQL Server's BEGIN TRY / BEGIN TRAN and PL/pgSQL blocks are not transaction control of this kind.
    private static final Pattern OPENS = Pattern.compile("(?is)^(BEGIN(\\s+(WORK|TRANSACTION|DEFERRED|IMMEDIATE"
            + "|EXCLUSIVE|ISOLATION|READ|NOT|DEFERRABLE)\\b.*)?|START\\s+TRANSACTION\\b.*)$");
    private static final Pattern CLOSES = Pattern.compile("(?is)^(COMMIT|END|ROLLBACK)(\\s+(WORK|TRANSACTION)\\b.*"
            + "|\\s+AND\\b.*)?$");

    static TransactionControl of(SqlScript script, SqlStatement statement) {
        if (!(statement instanceof SqlStatement.Other)) {
            return NONE;
        }
        String text = script.text(statement.span()).strip();
        if (OPENS.matcher(text).matches()) {
            return OPEN;
        }
        return CLOSES.matcher(text).matches() ? CLOSE : NONE;
    }
}
