package dev.migrationguard.code;

import dev.migrationguard.workspace.SourceFile;

/**
 * A database connection URL found in a text file, with the offsets of its parts.
 *
 * @param file          the file
 * @param start         offset of the URL's first character
 * @param end           offset after its last character
 * @param scheme        {@code postgresql}, {@code mysql}, {@code jdbc:sqlserver}, ... (lower case)
 * @param user          the user name, or empty
 * @param host          the host name, or empty when the URL has none
 * @param passwordStart offset of the password's first character
 * @param passwordEnd   offset after the password
 */
public record ConnectionUrl(SourceFile file, int start, int end, String scheme, String user, String host,
                            int passwordStart, int passwordEnd) {

    public String text() {
        return file.text().substring(start, end);
    }

    public String password() {
        return file.text().substring(passwordStart, passwordEnd);
    }

    /** The URL with its password replaced by {@code ****}: the only form of it any output shows. */
    public String masked() {
        String t = file.text();
        return t.substring(start, passwordStart) + "****" + t.substring(passwordEnd, end);
    }
}
