package dev.migrationguard.code;

import dev.migrationguard.workspace.ModelKey;
import dev.migrationguard.workspace.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds database connection URLs that carry a password in any text file: {@code scheme://user:password@host} for
 * the databases Prisma and common ORMs speak, and {@code password=} parameters in JDBC and SQL Server URLs.
 */
public final class ConnectionUrls {
    /** Every URL with a password in the snapshot's text files, in path order. */
    public static final ModelKey<List<ConnectionUrl>> MODEL = ModelKey.of("connection-urls", snapshot -> {
        List<ConnectionUrl> out = new ArrayList<>();
        for (String path : snapshot.paths()) {
            if (isLockOrGenerated(path)) {
                continue;
            }
            snapshot.read(path).ifPresent(file -> out.addAll(find(file)));
        }
        return List.copyOf(out);
    });

    private static final String SCHEMES = "postgres|postgresql|mysql|mariadb|mongodb(?:\\+srv)?|sqlserver|cockroachdb"
            + "|redis|rediss|clickhouse|oracle|mssql|timescaledb|prisma(?:\\+postgres)?";
    /** {@code [jdbc:]scheme://user:password@host...}; the password may hold anything but whitespace, quotes and @/. */
    private static final Pattern USERINFO_URL = Pattern.compile(
            "(?i)\\b((?:jdbc:)?(?:" + SCHEMES + ")://)([^\\s:/@'\"`]*):([^\\s@'\"`/]+)@([^\\s/:;?'\"`,)]*)[^\\s'\"`,)]*");
    /** {@code jdbc:...password=secret} and Prisma's {@code sqlserver://host;user=..;password=..}. */
    private static final Pattern PARAM_URL = Pattern.compile(
            "(?i)\\b((?:jdbc:[a-z0-9]+:|sqlserver:)//?([^\\s;/?:'\"`]*)[^\\s'\"`]*?[;?&](?:password|pwd)=)([^;&\\s'\"`]+)[^\\s'\"`]*");

    private ConnectionUrls() {
    }

    /** The URLs with passwords in one file. */
    public static List<ConnectionUrl> find(SourceFile file) {
        String text = file.text();
        if (text.indexOf("://") < 0 && text.indexOf("jdbc:") < 0) {
            return List.of();
        }
        List<ConnectionUrl> out = new ArrayList<>();
        Matcher m = USERINFO_URL.matcher(text);
        while (m.find()) {
            String scheme = m.group(1).substring(0, m.group(1).length() - 3).toLowerCase(Locale.ROOT);
            out.add(new ConnectionUrl(file, m.start(), m.end(), scheme, m.group(2), m.group(4), m.start(3), m.end(3)));
        }
        Matcher p = PARAM_URL.matcher(text);
        while (p.find()) {
            if (overlaps(out, p.start(), p.end())) {
                continue;
            }
            String prefix = p.group(1).toLowerCase(Locale.ROOT);
            String scheme = prefix.substring(0, prefix.indexOf(':', prefix.startsWith("jdbc:") ? 5 : 0));
            out.add(new ConnectionUrl(file, p.start(), p.end(), scheme, "", p.group(2), p.start(3), p.end(3)));
        }
        out.sort(java.util.Comparator.comparingInt(ConnectionUrl::start));
        return out;
    }

    private static boolean overlaps(List<ConnectionUrl> found, int start, int end) {
        return found.stream().anyMatch(u -> u.start() < end && start < u.end());
    }

    /** Lock files and minified bundles hold other people's URLs, never the project's own configuration. */
    private static boolean isLockOrGenerated(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.equals("package-lock.json") || name.equals("yarn.lock") || name.equals("pnpm-lock.yaml")
                || name.equals("bun.lockb") || name.endsWith(".min.js") || name.endsWith(".map");
    }
}
