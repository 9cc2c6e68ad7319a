package dev.migrationguard.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/** Reads a session setting through the connection {@link LiveDatabase} opens, to show how it opens it. */
public final class LiveDatabaseProbe {
    private LiveDatabaseProbe() {
    }

    public static String setting(DatabaseUrl url, String name) throws Exception {
        try (Connection c = LiveDatabase.connect(url); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SHOW " + name)) {
            r.next();
            return r.getString(1);
        }
    }
}
