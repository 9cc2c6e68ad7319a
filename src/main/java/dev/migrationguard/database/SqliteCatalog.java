package dev.migrationguard.database;

import static dev.migrationguard.database.PostgresCatalog.prepare;

import dev.migrationguard.schema.DatabaseProvider;
import dev.migrationguard.schema.SchemaModel;
import dev.migrationguard.schema.SqlTypes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;

/** SQLite's catalog ({@code sqlite_master} and the table pragmas) read into a schema model. */
final class SqliteCatalog implements CatalogReader {

    @Override
    public SchemaModel schema(Connection connection, String schema) throws SQLException {
        CatalogBuilder model = new CatalogBuilder(DatabaseProvider.SQLITE);
        List<String[]> tables = new ArrayList<>();
        try (PreparedStatement s = prepare(connection, "SELECT name, sql FROM sqlite_master WHERE type = 'table'"
                + " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name <> ? ORDER BY name")) {
            s.setString(1, MIGRATIONS_TABLE);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    tables.add(new String[] {r.getString(1), r.getString(2) == null ? "" : r.getString(2)});
                }
            }
        }
        for (String[] table : tables) {
            String name = table[0];
            model.table("", name);
            // SQLite keeps AUTOINCREMENT only in the table's own DDL.
            boolean autoIncrement = table[1].toUpperCase(Locale.ROOT).contains("AUTOINCREMENT");
            TreeMap<Integer, String> key = new TreeMap<>();
            try (PreparedStatement s = prepare(connection, "SELECT name, type, \"notnull\", dflt_value, pk"
                    + " FROM pragma_table_info(?) ORDER BY cid")) {
                s.setString(1, name);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        String defaultValue = SqlTypes.normaliseDefault(r.getString(4));
                        if (r.getInt(5) > 0) {
                            key.put(r.getInt(5), r.getString(1));
                            if (autoIncrement) {
                                defaultValue = "autoincrement()";
                            }
                        }
                        model.column("", name, r.getString(1), SqlTypes.normaliseType(r.getString(2),
                                DatabaseProvider.SQLITE), r.getInt(3) == 0, defaultValue);
                    }
                }
            }
            if (!key.isEmpty()) {
                model.primaryKey("", name, null, List.copyOf(key.values()));
            }
            List<Object[]> indexes = new ArrayList<>();
            try (PreparedStatement s = prepare(connection, "SELECT name, \"unique\", origin FROM pragma_index_list(?)"
                    + " ORDER BY name")) {
                s.setString(1, name);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        if (!r.getString(3).equals("pk")) {
                            indexes.add(new Object[] {r.getString(1), r.getInt(2) == 1});
                        }
                    }
                }
            }
            for (Object[] index : indexes) {
                List<String> columns = new ArrayList<>();
                try (PreparedStatement s = prepare(connection, "SELECT name FROM pragma_index_info(?) ORDER BY seqno")) {
                    s.setString(1, (String) index[0]);
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            columns.add(r.getString(1));
                        }
                    }
                }
                model.index("", name, (String) index[0], columns, (Boolean) index[1], null);
            }
            try (PreparedStatement s = prepare(connection, "SELECT id, \"table\", \"from\", \"to\", on_update, on_delete"
                    + " FROM pragma_foreign_key_list(?) ORDER BY id, seq")) {
                s.setString(1, name);
                try (ResultSet r = s.executeQuery()) {
                    int current = -1;
                    String target = null;
                    String onUpdate = null;
                    String onDelete = null;
                    List<String> from = new ArrayList<>();
                    List<String> to = new ArrayList<>();
                    while (true) {
                        boolean more = r.next();
                        if (!more || r.getInt(1) != current) {
                            if (current >= 0) {
                                // SQLite keeps no constraint names: a foreign key is matched by its columns alone.
                                model.foreignKey("", name, null, from, "", target, to, onDelete, onUpdate);
                            }
                            if (!more) {
                                break;
                            }
                            current = r.getInt(1);
                            target = r.getString(2);
                            onUpdate = r.getString(5);
                            onDelete = r.getString(6);
                            from = new ArrayList<>();
                            to = new ArrayList<>();
                        }
                        from.add(r.getString(3));
                        to.add(r.getString(4));
                    }
                }
            }
        }
        return model.build();
    }

    @Override
    public Optional<List<MigrationRecord>> migrations(Connection connection, String schema) throws SQLException {
        return MigrationsTable.read(connection, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                MIGRATIONS_TABLE, "\"" + MIGRATIONS_TABLE + "\"", (row, column) -> instant(row.getObject(column)));
    }

    /** Prisma stores SQLite timestamps as milliseconds since the epoch; text timestamps are read too. */
    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number n) {
            return Instant.ofEpochMilli(n.longValue());
        }
        String text = value.toString().strip();
        try {
            return Instant.ofEpochMilli(Long.parseLong(text));
        } catch (NumberFormatException e) {
            try {
                return LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException bad) {
                // Present but unreadable still means "set": finished or rolled back.
                return Instant.EPOCH;
            }
        }
    }
}
