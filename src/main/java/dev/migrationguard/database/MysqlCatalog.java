package dev.migrationguard.database;

import static dev.migrationguard.database.PostgresCatalog.prepare;

import dev.migrationguard.schema.DatabaseProvider;
import dev.migrationguard.schema.SchemaModel;
import dev.migrationguard.schema.SqlTypes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** MySQL's and MariaDB's catalog ({@code information_schema}) of the connection's database, as a schema model. */
final class MysqlCatalog implements CatalogReader {
    /** Column types whose default information_schema shows without quotes on MySQL. */
    private static final Set<String> QUOTED_TYPES = Set.of("char", "varchar", "tinytext", "text", "mediumtext",
            "longtext", "enum", "set", "date", "datetime", "timestamp", "time", "year", "binary", "varbinary", "json");

    @Override
    public SchemaModel schema(Connection connection, String schema) throws SQLException {
        boolean mariadb = connection.getMetaData().getDatabaseProductVersion().toLowerCase(Locale.ROOT)
                .contains("mariadb");
        CatalogBuilder model = new CatalogBuilder(DatabaseProvider.MYSQL);
        try (PreparedStatement s = prepare(connection, "SELECT TABLE_NAME FROM information_schema.TABLES"
                + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE' AND TABLE_NAME <> ?"
                + " ORDER BY TABLE_NAME")) {
            s.setString(1, MIGRATIONS_TABLE);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    model.table("", r.getString(1));
                }
            }
        }
        try (PreparedStatement s = prepare(connection, "SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE,"
                + " COLUMN_DEFAULT, EXTRA, DATA_TYPE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()"
                + " ORDER BY TABLE_NAME, ORDINAL_POSITION"); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                String columnType = r.getString(3);
                String type = columnType.toLowerCase(Locale.ROOT).startsWith("enum(") ? columnType
                        : SqlTypes.normaliseType(columnType, DatabaseProvider.MYSQL);
                String extra = r.getString(6) == null ? "" : r.getString(6).toLowerCase(Locale.ROOT);
                String defaultValue = defaultValue(r.getString(5), r.getString(7), extra, type, mariadb);
                if (extra.contains("auto_increment")) {
                    defaultValue = "autoincrement()";
                }
                model.column("", r.getString(1), r.getString(2), type, r.getString(4).equals("YES"), defaultValue);
            }
        }
        Map<String, List<String>> foreignKeyNames = new LinkedHashMap<>();
        try (PreparedStatement s = prepare(connection, "SELECT k.TABLE_NAME, k.CONSTRAINT_NAME, k.COLUMN_NAME,"
                + " k.REFERENCED_TABLE_NAME, k.REFERENCED_COLUMN_NAME, c.DELETE_RULE, c.UPDATE_RULE"
                + " FROM information_schema.KEY_COLUMN_USAGE k JOIN information_schema.REFERENTIAL_CONSTRAINTS c"
                + " ON c.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND c.CONSTRAINT_NAME = k.CONSTRAINT_NAME"
                + " AND c.TABLE_NAME = k.TABLE_NAME WHERE k.TABLE_SCHEMA = DATABASE()"
                + " ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION"); ResultSet r = s.executeQuery()) {
            List<String[]> rows = new ArrayList<>();
            while (r.next()) {
                rows.add(new String[] {r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                        r.getString(6), r.getString(7)});
            }
            for (int i = 0; i < rows.size(); ) {
                String[] first = rows.get(i);
                List<String> from = new ArrayList<>();
                List<String> to = new ArrayList<>();
                int j = i;
                for (; j < rows.size() && rows.get(j)[0].equals(first[0]) && rows.get(j)[1].equals(first[1]); j++) {
                    from.add(rows.get(j)[2]);
                    to.add(rows.get(j)[4]);
                }
                foreignKeyNames.computeIfAbsent(first[0], k -> new ArrayList<>()).add(first[1]);
                model.foreignKey("", first[0], first[1], from, "", first[3], to, first[5], first[6]);
                i = j;
            }
        }
        try (PreparedStatement s = prepare(connection, "SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME"
                + " FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE()"
                + " ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX"); ResultSet r = s.executeQuery()) {
            List<String[]> rows = new ArrayList<>();
            while (r.next()) {
                rows.add(new String[] {r.getString(1), r.getString(2), r.getString(3), r.getString(4)});
            }
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < rows.size(); ) {
                String[] first = rows.get(i);
                List<String> columns = new ArrayList<>();
                int j = i;
                for (; j < rows.size() && rows.get(j)[0].equals(first[0]) && rows.get(j)[1].equals(first[1]); j++) {
                    columns.add(rows.get(j)[3]);
                }
                i = j;
                if (!seen.add(first[0] + "\u0000" + first[1])) {
                    continue;
                }
                if (first[1].equals("PRIMARY")) {
                    model.primaryKey("", first[0], null, columns);
                } else if (!foreignKeyNames.getOrDefault(first[0], List.of()).contains(first[1])) {
                    // An index named after a foreign key is the one InnoDB made for it, not the migrations'.
                    model.index("", first[0], first[1], columns, first[2].equals("0"), null);
                }
            }
        }
        return model.build();
    }

    /**
     * The default as a migration writes it: MariaDB quotes literals and shows {@code NULL} for none; MySQL shows
     * literals bare; booleans ({@code tinyint(1)}) are written {@code false} and {@code true} by Prisma.
     */
    private static String defaultValue(String shown, String dataType, String extra, String type, boolean mariadb) {
        if (shown == null || (mariadb && shown.equals("NULL"))) {
            return null;
        }
        String expression = shown;
        if (!mariadb && !extra.contains("default_generated")
                && QUOTED_TYPES.contains(dataType.toLowerCase(Locale.ROOT))) {
            expression = "'" + shown.replace("'", "''") + "'";
        }
        if (type.equals("tinyint(1)") && (expression.equals("0") || expression.equals("1"))) {
            expression = expression.equals("1") ? "true" : "false";
        }
        return SqlTypes.normaliseDefault(expression);
    }

    @Override
    public Optional<List<MigrationRecord>> migrations(Connection connection, String schema) throws SQLException {
        return MigrationsTable.read(connection, "SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"
                + " AND TABLE_NAME = ?", MIGRATIONS_TABLE, "`" + MIGRATIONS_TABLE + "`", MigrationsTable::sqlTimestamp);
    }
}
