package dev.migrationguard.code;

import dev.migrationguard.workspace.SourceFile;

/**
 * A database password written in a text file, with the offsets of its parts: inside a connection URL, as a
 * {@code password=} parameter of a JDBC URL or connection string, in a variable, or as a command-line option.
 *
 * @param file          the file
 * @param kind          how the password is written
 * @param start         offset of the first character shown in messages (the URL, the variable's name, the option)
 * @param end           offset after its last character
 * @param scheme        {@code postgresql}, {@code mysql}, {@code jdbc:sqlserver}, ... (lower case); for the other
 *                      kinds the variable, key or option that holds the password, as written
 * @param user          the user name, or empty
 * @param host          the database host, or empty when none is known (a local socket, a client's default)
 * @param passwordStart offset of the password's first character
 * @param passwordEnd   offset after the password
 */
public record ConnectionUrl(SourceFile file, Kind kind, int start, int end, String scheme, String user, String host,
                            int passwordStart, int passwordEnd) {

    /** How the password is written. */
    public enum Kind {
        /** {@code scheme://user:password@host}. */
        URL,
        /** {@code password=} in a JDBC or Prisma SQL Server URL. */
        URL_PARAMETER,
        /** {@code Server=...;Password=...;}: an ADO.NET or ODBC connection string. */
        CONNECTION_STRING,
        /** {@code PGPASSWORD=...}, {@code $DB_PASSWORD = "..."}, {@code spring.datasource.password=...}. */
        VARIABLE,
        /** {@code --admin-password ...} on a database command line. */
        OPTION
    }

    public String text() {
        return file.text().substring(start, end);
    }

    public String password() {
        return file.text().substring(passwordStart, passwordEnd);
    }

    /** The text with its password replaced by {@code ****}: the only form of it any output shows. */
    public String masked() {
        String t = file.text();
        return t.substring(start, passwordStart) + "****" + t.substring(passwordEnd, end);
    }
}
