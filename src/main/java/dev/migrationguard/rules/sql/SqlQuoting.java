package dev.migrationguard.rules.sql;

import dev.migrationguard.sql.QualifiedName;
import dev.migrationguard.sql.SqlDialect;

/** Writes names back as SQL of a dialect, for the fixes the rules suggest. */
final class SqlQuoting {
    private SqlQuoting() {
    }

    static String quote(String name, SqlDialect dialect) {
        return switch (dialect) {
            case MYSQL -> "`" + name.replace("`", "``") + "`";
            case SQLSERVER -> "[" + name.replace("]", "]]") + "]";
            default -> "\"" + name.replace("\"", "\"\"") + "\"";
        };
    }

    static String quote(QualifiedName name, SqlDialect dialect) {
        return name.hasSchema() ? quote(name.schema(), dialect) + "." + quote(name.name(), dialect)
                : quote(name.name(), dialect);
    }

    /** The statement that renames a column in place, keeping its data. */
    static String renameColumn(QualifiedName table, String from, String to, SqlDialect dialect) {
        if (dialect == SqlDialect.SQLSERVER) {
            String object = (table.hasSchema() ? table.schema() + "." : "dbo.") + table.name() + "." + from;
            return "EXEC sp_rename N'" + object.replace("'", "''") + "', N'" + to.replace("'", "''") + "', N'COLUMN';";
        }
        return "ALTER TABLE " + quote(table, dialect) + " RENAME COLUMN " + quote(from, dialect) + " TO "
                + quote(to, dialect) + ";";
    }
}
