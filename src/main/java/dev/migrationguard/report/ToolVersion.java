package dev.migrationguard.report;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The name and version of this build, as every output reports them. */
public final class ToolVersion {
    public static final String NAME = "migration-guard";
    public static final String INFORMATION_URI = "https://github.com/migration-guard/migration-guard";
    public static final String VERSION = readVersion();

    private ToolVersion() {
    }

    private static String readVersion() {
        try (InputStream in = ToolVersion.class.getResourceAsStream("/migration-guard.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            String v = p.getProperty("version", "unknown");
            return v.startsWith("${") ? "dev" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
