package dev.migrationguard.bench;

import dev.migrationguard.code.ConnectionUrls;
import dev.migrationguard.workspace.SourceFile;
import dev.migrationguard.workspace.TextDecoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Throughput of the credentials scan on ordinary source and docs: reads every TypeScript, JavaScript, Markdown, JSON,
 * YAML and shell file under the folders given into memory, then scans them all, several times on one thread, and
 * prints MB/s per core (median pass) for the scan as the rule runs it (byte prefilter, then the text scan of the
 * files it lets through) and, for comparison, for the regex scan it replaced (decode every file, two regexes over
 * each text with a {@code ://}). Run by bench/credentials-bench.sh.
 */
public final class CredentialsBench {
    private static final List<String> TYPES = List.of(".ts", ".tsx", ".js", ".mjs", ".cjs", ".md", ".json", ".yml",
            ".yaml", ".sh", ".txt");
    /** The scan before this one, kept here only to measure against. */
    private static final String SCHEMES = "postgres|postgresql|mysql|mariadb|mongodb(?:\\+srv)?|sqlserver|cockroachdb"
            + "|redis|rediss|clickhouse|oracle|mssql|timescaledb|prisma(?:\\+postgres)?";
    private static final Pattern OLD_USERINFO = Pattern.compile(
            "(?i)\\b((?:jdbc:)?(?:" + SCHEMES + ")://)([^\\s:/@'\"`]*):([^\\s@'\"`/]+)@([^\\s/:;?'\"`,)]*)[^\\s'\"`,)]*");
    private static final Pattern OLD_PARAM = Pattern.compile(
            "(?i)\\b((?:jdbc:[a-z0-9]+:|sqlserver:)//?([^\\s;/?:'\"`]*)[^\\s'\"`]*?[;?&](?:password|pwd)=)([^;&\\s'\"`]+)[^\\s'\"`]*");

    private CredentialsBench() {
    }

    public static void main(String[] args) throws IOException {
        int passes = Integer.parseInt(System.getenv().getOrDefault("PASSES", "7"));
        long limit = Long.parseLong(System.getenv().getOrDefault("MAX_MB", "200")) << 20;
        List<byte[]> files = new ArrayList<>();
        List<String> names = new ArrayList<>();
        long total = 0;
        for (String arg : args) {
            try (Stream<Path> walk = Files.walk(Path.of(arg))) {
                for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile).sorted()::iterator) {
                    String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
                    if (total < limit && TYPES.stream().anyMatch(name::endsWith) && !name.equals("package-lock.json")
                            && !name.endsWith(".min.js")) {
                        byte[] b = Files.readAllBytes(p);
                        files.add(b);
                        names.add(p.toString());
                        total += b.length;
                    }
                }
            }
        }
        double mb = total / 1e6;
        System.out.printf("corpus: %d files, %.1f MB (%s)%n", files.size(), mb, String.join(" ", args));
        long[] now = new long[passes];
        long[] before = new long[passes];
        int found = 0;
        int decoded = 0;
        int oldFound = 0;
        for (int pass = 0; pass < passes; pass++) {
            long t0 = cpu();
            found = 0;
            decoded = 0;
            for (int f = 0; f < files.size(); f++) {
                byte[] b = files.get(f);
                // As the snapshot reads a file for the scan (AbstractSnapshot.readIf).
                if (!TextDecoder.utf16(b) && !ConnectionUrls.mayHoldPassword(b)) {
                    continue;
                }
                decoded++;
                if (TextDecoder.decode(b) instanceof TextDecoder.Text text) {
                    var hits = ConnectionUrls.find(new SourceFile(names.get(f), text.text()));
                    found += hits.size();
                    if (pass == 0 && System.getenv("SHOW") != null) {
                        hits.forEach(h -> System.out.println("  found: " + h.kind() + " " + h.masked()));
                    }
                }
            }
            now[pass] = cpu() - t0;
            t0 = cpu();
            oldFound = 0;
            for (byte[] b : files) {
                if (TextDecoder.decode(b) instanceof TextDecoder.Text text) {
                    oldFound += oldScan(text.text());
                }
            }
            before[pass] = cpu() - t0;
        }
        if (System.getenv("PARTS") != null) {
            for (int pass = 0; pass < 3; pass++) {
                long t0 = cpu();
                int k = 0;
                for (byte[] b : files) {
                    k += TextDecoder.plainUtf8(b) ? 1 : 0;
                }
                long t1 = cpu();
                for (byte[] b : files) {
                    k += ConnectionUrls.mayHoldPassword(b) ? 1 : 0;
                }
                long t2 = cpu();
                for (int f = 0; f < files.size(); f++) {
                    byte[] b = files.get(f);
                    if (ConnectionUrls.mayHoldPassword(b) && TextDecoder.decode(b) instanceof TextDecoder.Text text) {
                        k += ConnectionUrls.find(new SourceFile(names.get(f), text.text())).size();
                    }
                }
                long t3 = cpu();
                System.out.printf("  parts: plainUtf8 %.1f ms, mayHoldPassword %.1f ms, prefilter+decode+find %.1f ms (%d)%n",
                        (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, k);
            }
        }
        System.out.printf("scan now:    %7.0f MB/s per core (CPU time, median of %d passes, %.1f ms; %d of %d files decoded, %d passwords"
                + " found)%n", mb / (median(now) / 1e9), passes, median(now) / 1e6, decoded, files.size(), found);
        System.out.printf("scan before: %7.0f MB/s per core (CPU time, median of %d passes, %.1f ms; every file decoded, %d URLs found)%n",
                mb / (median(before) / 1e9), passes, median(before) / 1e6, oldFound);
    }

    private static int oldScan(String text) {
        if (text.indexOf("://") < 0 && text.indexOf("jdbc:") < 0) {
            return 0;
        }
        int n = 0;
        Matcher m = OLD_USERINFO.matcher(text);
        while (m.find()) {
            n++;
        }
        Matcher p = OLD_PARAM.matcher(text);
        while (p.find()) {
            n++;
        }
        return n;
    }

    /** This thread's CPU time: the machine is shared, and waiting for a core is not the scan's cost. */
    private static long cpu() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static double median(long[] values) {
        long[] v = values.clone();
        Arrays.sort(v);
        return v[v.length / 2];
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
