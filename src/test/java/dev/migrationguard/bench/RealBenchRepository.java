package dev.migrationguard.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Writes a git fast-import stream of a repository shaped like a real Prisma web app, for bench/real-bench.sh: a
 * corpus project's migrations, schema and package.json at their own paths, added one by one over the history as
 * the project added them; beside them a few thousand real source and documentation files (JavaScript taken as
 * TypeScript, Markdown, JSON: real text with real sizes) from a folder of installed npm packages; and a history of
 * COMMITS commits, each changing one to three of those files as day-to-day work does. Usage:
 * {@code RealBenchRepository CORPUS_PROJECT SOURCE_TREE COMMITS > stream}.
 */
public final class RealBenchRepository {
    private static final long MAX_FILE = 512 * 1024;

    private RealBenchRepository() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: RealBenchRepository CORPUS_PROJECT SOURCE_TREE COMMITS");
            System.exit(2);
        }
        Path project = Path.of(args[0]);
        Path sources = Path.of(args[1]);
        int commits = Integer.parseInt(args[2]);
        Map<String, byte[]> app = appTree(sources);
        TreeMap<String, List<Path>> migrations = new TreeMap<>();
        Map<String, byte[]> fixed = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(project)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                String rel = project.relativize(file).toString().replace('\\', '/');
                if (rel.equals("PRISMA-DIFF.sql")) {
                    continue;
                }
                int at = rel.indexOf("/migrations/");
                String[] parts = at < 0 ? null : rel.substring(at + "/migrations/".length()).split("/");
                if (parts != null && parts.length == 2) {
                    migrations.computeIfAbsent(rel.substring(0, at + "/migrations/".length()) + parts[0],
                            k -> new ArrayList<>()).add(file);
                } else {
                    fixed.put(rel, Files.readAllBytes(file));
                }
            }
        }
        try (PrintStream out = new PrintStream(new BufferedOutputStream(System.out, 1 << 20), false, StandardCharsets.UTF_8)) {
            write(out, commits, app, fixed, new ArrayList<>(migrations.entrySet()), project);
        }
    }

    /** Real files of installed packages, laid out as an app's source (.js as .ts), docs and config. */
    private static Map<String, byte[]> appTree(Path sources) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(sources)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                String rel = sources.relativize(file).toString().replace('\\', '/');
                long size = Files.size(file);
                if (size == 0 || size > MAX_FILE || rel.contains("/.")) {
                    continue;
                }
                byte[] bytes = Files.readAllBytes(file);
                if (rel.endsWith(".js") || rel.endsWith(".cjs") || rel.endsWith(".mjs")) {
                    String ts = rel.substring(0, rel.lastIndexOf('.')) + ".ts";
                    out.put("apps/web/src/" + ts, bytes);
                    // A second package with its own copy: different blobs, as two packages of a monorepo would be.
                    out.put("packages/lib/src/" + ts, prefixed("// packages/lib/src/" + ts + "\n", bytes));
                } else if (rel.endsWith(".md")) {
                    out.put("docs/" + rel, bytes);
                } else if (rel.endsWith(".json")) {
                    out.put("apps/web/config/" + rel, bytes);
                }
            }
        }
        return out;
    }

    private static byte[] prefixed(String prefix, byte[] bytes) {
        byte[] head = prefix.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[head.length + bytes.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(bytes, 0, out, head.length, bytes.length);
        return out;
    }

    private static void write(PrintStream out, int commits, Map<String, byte[]> app, Map<String, byte[]> fixed,
                              List<Map.Entry<String, List<Path>>> migrations, Path project) throws IOException {
        Random random = new Random(42);
        List<String> paths = new ArrayList<>(app.keySet());
        long time = 1_600_000_000L;
        int nextMigration = 0;
        for (int i = 0; i <= commits; i++) {
            out.print("commit refs/heads/main\n");
            out.print("committer Bench <bench@example.com> " + (time + i * 3600L) + " +0000\n");
            Map<String, byte[]> changed = new LinkedHashMap<>();
            String message;
            if (i == 0) {
                changed.putAll(app);
                changed.putAll(fixed);
                message = "initial import";
            } else {
                int n = 1 + random.nextInt(3);
                for (int k = 0; k < n; k++) {
                    String path = paths.get(random.nextInt(paths.size()));
                    String line = path.endsWith(".md") ? "\n<!-- edit " + i + " -->\n" : "\n// edit " + i + "\n";
                    if (path.endsWith(".json")) {
                        continue;
                    }
                    byte[] next = appended(app.get(path), line);
                    app.put(path, next);
                    changed.put(path, next);
                }
                message = "work " + i;
            }
            // The project's migrations arrive evenly over the history, as the project added them.
            while (i > 0 && nextMigration < migrations.size()
                    && 1 + (long) nextMigration * commits / migrations.size() <= i) {
                Map.Entry<String, List<Path>> migration = migrations.get(nextMigration++);
                for (Path file : migration.getValue()) {
                    changed.put(project.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
                }
                message = "add migration " + migration.getKey().substring(migration.getKey().lastIndexOf('/') + 1);
            }
            data(out, message.getBytes(StandardCharsets.UTF_8));
            for (Map.Entry<String, byte[]> e : changed.entrySet()) {
                out.print("M 100644 inline " + e.getKey() + "\n");
                data(out, e.getValue());
            }
            out.print("\n");
        }
    }

    private static byte[] appended(byte[] bytes, String line) {
        byte[] tail = line.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[bytes.length + tail.length];
        System.arraycopy(bytes, 0, out, 0, bytes.length);
        System.arraycopy(tail, 0, out, bytes.length, tail.length);
        return out;
    }

    private static void data(PrintStream out, byte[] bytes) throws IOException {
        out.print("data " + bytes.length + "\n");
        out.flush();
        ((OutputStream) out).write(bytes);
        out.print("\n");
    }
}
