package dev.migrationguard.database;

import dev.migrationguard.schema.DatabaseProvider;
import dev.migrationguard.schema.SchemaModel;
import dev.migrationguard.schema.SqlTypes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PostgreSQL's catalog ({@code pg_catalog}) read into a schema model. */
final class PostgresCatalog implements CatalogReader {
    /** Schemas that belong to the server, never to an application. */
    private static final String USER_SCHEMAS = "n.nspname NOT IN ('pg_catalog', 'information_schema')"
            + " AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'";
    /** Objects an extension created (PostGIS's tables, citext's types) are the extension's, not the migrations'. */
    private static final String NOT_FROM_EXTENSION = "NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = %s"
            + " AND d.deptype = 'e')";
    /** PostgreSQL shows a negative number default as a quoted literal cast to the column's type. */
    private static final Pattern QUOTED_NUMBER = Pattern.compile(
            "^'(-?\\d+(?:\\.\\d+)?)'::(?:integer|bigint|smallint|numeric|double precision|real)$");

    @Override
    public SchemaModel schema(Connection connection, String schema) throws SQLException {
        CatalogBuilder model = new CatalogBuilder(DatabaseProvider.POSTGRESQL);
        Map<Long, String[]> tables = new HashMap<>();
        try (PreparedStatement s = prepare(connection, "SELECT c.oid, n.nspname, c.relname FROM pg_class c"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition"
                + " AND " + USER_SCHEMAS + " AND " + NOT_FROM_EXTENSION.formatted("c.oid")
                + " ORDER BY n.nspname, c.relname"); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                String name = r.getString(3);
                String namespace = local(r.getString(2), schema);
                if (name.equals(MIGRATIONS_TABLE) && namespace.isEmpty()) {
                    continue;
                }
                tables.put(r.getLong(1), new String[] {namespace, name});
                model.table(namespace, name);
            }
        }
        Map<Long, Map<Integer, String>> attributes = new HashMap<>();
        try (PreparedStatement s = prepare(connection, "SELECT a.attrelid, a.attnum, a.attname,"
                + " format_type(a.atttypid, a.atttypmod), a.attnotnull, pg_get_expr(ad.adbin, ad.adrelid),"
                + " CASE WHEN t.typcategory = 'A' THEN et.typtype ELSE t.typtype END,"
                + " CASE WHEN t.typcategory = 'A' THEN et.typname ELSE t.typname END, t.typcategory = 'A'"
                + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_type t ON t.oid = a.atttypid"
                + " LEFT JOIN pg_type et ON et.oid = t.typelem"
                + " LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum"
                + " WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p') AND " + USER_SCHEMAS
                + " ORDER BY a.attrelid, a.attnum"); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                String[] table = tables.get(r.getLong(1));
                if (table == null) {
                    continue;
                }
                attributes.computeIfAbsent(r.getLong(1), k -> new HashMap<>()).put(r.getInt(2), r.getString(3));
                // An enum column's type is the enum's own name, as the replay writes it; other types are normalised.
                String type = "e".equals(r.getString(7)) ? r.getString(8) + (r.getBoolean(9) ? "[]" : "")
                        : SqlTypes.normaliseType(r.getString(4), DatabaseProvider.POSTGRESQL);
                model.column(table[0], table[1], r.getString(3), type, !r.getBoolean(5), defaultValue(r.getString(6)));
            }
        }
        try (PreparedStatement s = prepare(connection, "SELECT con.conrelid, con.conname, con.contype,"
                + " array_to_string(con.conkey, ' '), con.confrelid, array_to_string(con.confkey, ' '),"
                + " con.confdeltype, con.confupdtype FROM pg_constraint con"
                + " WHERE con.contype IN ('p', 'f') ORDER BY con.conrelid, con.conname");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                String[] table = tables.get(r.getLong(1));
                if (table == null) {
                    continue;
                }
                List<String> columns = names(attributes.get(r.getLong(1)), r.getString(4));
                if (r.getString(3).equals("p")) {
                    model.primaryKey(table[0], table[1], r.getString(2), columns);
                    continue;
                }
                String[] target = tables.get(r.getLong(5));
                if (target == null) {
                    continue;
                }
                model.foreignKey(table[0], table[1], r.getString(2), columns, target[0], target[1],
                        names(attributes.get(r.getLong(5)), r.getString(6)), action(r.getString(7)),
                        action(r.getString(8)));
            }
        }
        try (PreparedStatement s = prepare(connection, "SELECT i.indrelid, ic.relname, i.indisunique, am.amname,"
                + " i.indnkeyatts, i.indkey::text, i.indexrelid FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid"
                + " JOIN pg_am am ON am.oid = ic.relam WHERE NOT i.indisprimary"
                // The index behind an EXCLUDE constraint is that constraint, which Prisma does not manage.
                + " AND NOT EXISTS (SELECT 1 FROM pg_constraint x WHERE x.conindid = i.indexrelid AND x.contype = 'x')"
                + " ORDER BY i.indrelid, ic.relname"); ResultSet r = s.executeQuery()) {
            List<Object[]> rows = new ArrayList<>();
            while (r.next()) {
                if (tables.containsKey(r.getLong(1))) {
                    rows.add(new Object[] {r.getLong(1), r.getString(2), r.getBoolean(3), r.getString(4), r.getInt(5),
                            r.getString(6), r.getLong(7)});
                }
            }
            for (Object[] row : rows) {
                String[] table = tables.get((Long) row[0]);
                String[] keys = ((String) row[5]).strip().split("\\s+");
                List<String> columns = new ArrayList<>();
                for (int k = 0; k < (Integer) row[4] && k < keys.length; k++) {
                    int attnum = Integer.parseInt(keys[k]);
                    columns.add(attnum != 0 ? attributes.get((Long) row[0]).get(attnum)
                            : expression(connection, (Long) row[6], k + 1));
                }
                model.index(table[0], table[1], (String) row[1], columns, (Boolean) row[2], (String) row[3]);
            }
        }
        try (PreparedStatement s = prepare(connection, "SELECT n.nspname, t.typname, e.enumlabel FROM pg_type t"
                + " JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace"
                + " WHERE " + USER_SCHEMAS + " AND " + NOT_FROM_EXTENSION.formatted("t.oid")
                + " ORDER BY n.nspname, t.typname, e.enumsortorder"); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                model.enumValue(local(r.getString(1), schema), r.getString(2), r.getString(3));
            }
        }
        return model.build();
    }

    @Override
    public Optional<List<MigrationRecord>> migrations(Connection connection, String schema) throws SQLException {
        // The schema is a parameter of the existence check and quoted in the read, never pasted in unquoted.
        return MigrationsTable.read(connection, "SELECT c.oid FROM pg_class c JOIN pg_namespace n"
                + " ON n.oid = c.relnamespace WHERE c.relname = '" + MIGRATIONS_TABLE + "' AND n.nspname = ?"
                + " AND c.relkind IN ('r', 'p')", schema, quote(schema) + "." + quote(MIGRATIONS_TABLE),
                MigrationsTable::sqlTimestamp);
    }

    static PreparedStatement prepare(Connection connection, String sql) throws SQLException {
        PreparedStatement s = connection.prepareStatement(sql);
        s.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
        return s;
    }

    /** The schema Prisma uses is the default schema ({@code ""}) of the model, as in the replay. */
    private static String local(String namespace, String schema) {
        return namespace.equals(schema) ? "" : namespace;
    }

    private static List<String> names(Map<Integer, String> attributes, String numbers) {
        List<String> out = new ArrayList<>();
        if (numbers == null || numbers.isBlank() || attributes == null) {
            return out;
        }
        for (String n : numbers.strip().split("\\s+")) {
            out.add(attributes.getOrDefault(Integer.parseInt(n), n));
        }
        return out;
    }

    private static String expression(Connection connection, long index, int column) throws SQLException {
        try (PreparedStatement s = prepare(connection, "SELECT pg_get_indexdef(?::oid, ?, true)")) {
            s.setLong(1, index);
            s.setInt(2, column);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : "";
            }
        }
    }

    private static String defaultValue(String expression) {
        if (expression == null) {
            return null;
        }
        Matcher m = QUOTED_NUMBER.matcher(expression.strip());
        return SqlTypes.normaliseDefault(m.matches() ? m.group(1) : expression);
    }

    private static String action(String code) {
        return switch (code) {
            case "c" -> "CASCADE";
            case "r" -> "RESTRICT";
            case "n" -> "SET NULL";
            case "d" -> "SET DEFAULT";
            default -> "NO ACTION";
        };
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
