package dev.migrationguard.database;

import dev.migrationguard.schema.DatabaseProvider;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A database URL as Prisma reads it ({@code postgresql://user:password@host:5432/db?schema=app},
 * {@code mysql://...}, {@code file:./dev.db}), turned into what JDBC needs. The password is kept only to connect:
 * {@link #display()} is the only form any message shows.
 *
 * @param provider the database kind
 * @param jdbcUrl  the JDBC URL, without user or password
 * @param user     the user name, or empty
 * @param password the password, or empty; never printed
 * @param schema   the {@code ?schema=} parameter (PostgreSQL's default schema for Prisma), or empty
 * @param display  the URL with its password replaced by {@code ****}
 */
public record DatabaseUrl(DatabaseProvider provider, String jdbcUrl, String user, String password, String schema,
                          String display) {

    /** A URL that cannot be used, with the reason; the message never contains the password. */
    public static final class InvalidUrlException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidUrlException(String message) {
            super(message);
        }
    }

    @Override
    public String toString() {
        return display;
    }

    /**
     * Parses a URL; a relative SQLite {@code file:} path is resolved against {@code schemaFolder}, as Prisma resolves
     * it against the schema file's folder.
     */
    public static DatabaseUrl parse(String url, Path schemaFolder) throws InvalidUrlException {
        String text = url.strip();
        int colon = text.indexOf(':');
        if (colon <= 0) {
            throw new InvalidUrlException("not a database URL (expected postgresql://, mysql:// or file:)");
        }
        String scheme = text.substring(0, colon).toLowerCase(Locale.ROOT);
        switch (scheme) {
            case "postgresql", "postgres" -> {
                return network(DatabaseProvider.POSTGRESQL, "jdbc:postgresql://", scheme, text.substring(colon + 1));
            }
            case "mysql", "mariadb" -> {
                return network(DatabaseProvider.MYSQL, "jdbc:mariadb://", scheme, text.substring(colon + 1));
            }
            case "file" -> {
                String file = text.substring(colon + 1);
                int query = file.indexOf('?');
                if (query >= 0) {
                    file = file.substring(0, query);
                }
                if (file.startsWith("//")) {
                    file = file.substring(2);
                }
                Path path = schemaFolder.resolve(file).normalize();
                return new DatabaseUrl(DatabaseProvider.SQLITE, "jdbc:sqlite:" + path, "", "", "", "file:" + file);
            }
            case "sqlserver" -> throw new InvalidUrlException("SQL Server databases are not supported by `db` yet");
            default -> throw new InvalidUrlException("unsupported database URL scheme '" + scheme
                    + "' (expected postgresql://, mysql:// or file:)");
        }
    }

    private static DatabaseUrl network(DatabaseProvider provider, String jdbcPrefix, String scheme, String rest)
            throws InvalidUrlException {
        if (!rest.startsWith("//")) {
            throw new InvalidUrlException(scheme + " URL must start with " + scheme + "://");
        }
        rest = rest.substring(2);
        String query = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        int slash = rest.indexOf('/', rest.lastIndexOf('@') + 1);
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        String database = slash < 0 ? "" : rest.substring(slash + 1);
        int at = authority.lastIndexOf('@');
        String userInfo = at < 0 ? "" : authority.substring(0, at);
        String hostPort = at < 0 ? authority : authority.substring(at + 1);
        if (hostPort.isEmpty()) {
            throw new InvalidUrlException(scheme + " URL has no host");
        }
        int passwordColon = userInfo.indexOf(':');
        String user = decode(passwordColon < 0 ? userInfo : userInfo.substring(0, passwordColon));
        String password = passwordColon < 0 ? "" : decode(userInfo.substring(passwordColon + 1));
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                params.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        StringBuilder jdbc = new StringBuilder(jdbcPrefix).append(hostPort).append('/').append(database);
        // Only the TLS mode carries over: Prisma's pool and timeout parameters mean nothing to JDBC.
        String sslmode = params.get("sslmode");
        if (sslmode != null && provider == DatabaseProvider.POSTGRESQL) {
            jdbc.append("?sslmode=").append(sslmode);
        }
        String display = scheme + "://" + (userInfo.isEmpty() ? "" : userInfo.substring(0,
                passwordColon < 0 ? userInfo.length() : passwordColon) + (passwordColon < 0 ? "" : ":****") + "@")
                + hostPort + "/" + database + (query.isEmpty() ? "" : "?" + query);
        return new DatabaseUrl(provider, jdbc.toString(), user, password, params.getOrDefault("schema", ""), display);
    }

    /** Percent-decoding as URLs have it ({@code +} stays a plus sign, unlike form encoding). */
    private static String decode(String text) throws InvalidUrlException {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length()) {
                    throw new InvalidUrlException("bad percent-escape in the URL");
                }
                try {
                    out.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                } catch (NumberFormatException e) {
                    throw new InvalidUrlException("bad percent-escape in the URL");
                }
                i += 2;
            } else {
                byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(bytes, 0, bytes.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
