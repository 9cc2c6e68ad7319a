package dev.migrationguard.bench;

import dev.migrationguard.rules.Findings;
import dev.migrationguard.rules.Rule;
import dev.migrationguard.rules.RuleContext;
import dev.migrationguard.rules.RuleOptions;
import dev.migrationguard.rules.RulePages;
import dev.migrationguard.rules.RuleRegistry;
import dev.migrationguard.sql.SqlDialect;
import dev.migrationguard.sql.SqlParser;
import dev.migrationguard.sql.SqlScript;
import dev.migrationguard.workspace.SourceFile;
import dev.migrationguard.workspace.WorkingTreeSnapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Benchmark of the SQL grammar and the sql rules (run by bench/sql-bench.sh with the test class path).
 *
 * <pre>
 * generate CORPUS DIR N   copy the corpus migrations into DIR/prisma/migrations until they hold N statements
 * lint DIR                one cold pass as a user run makes it: discover, parse and run every sql rule
 * detail DIR ROUNDS       parse-only and parse+lint figures, cold and then warm (best of ROUNDS)
 * parse DIR               one cold parse-only pass on one thread, files read beforehand (for profiling the parser)
 * </pre>
 */
public final class SqlBench {

    private SqlBench() {
    }

    public static void main(String[] args) throws IOException {
        switch (args[0]) {
            case "generate" -> generate(Path.of(args[1]), Path.of(args[2]), Integer.parseInt(args[3]));
            case "lint" -> report("parse+lint (cold, one pass)", lint(Path.of(args[1])));
            case "detail" -> detail(Path.of(args[1]), Integer.parseInt(args[2]));
            case "parse" -> report("parse only (cold, one thread)", parseOnly(read(Path.of(args[1]))));
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    /**
     * One measured pass; {@code cpuNanos} is the CPU time of the whole process during the pass (all parsing threads,
     * JIT compiler and GC included), which other load on a shared machine moves far less than wall time.
     */
    private record Run(long statements, long chars, long findings, long nanos, long cpuNanos) {
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void generate(Path corpus, Path dir, int target) throws IOException {
        List<Path> sources;
        try (Stream<Path> walk = Files.walk(corpus)) {
            sources = walk.filter(p -> p.getFileName().toString().equals("migration.sql")).sorted().toList();
        }
        List<String> texts = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        for (Path source : sources) {
            String text = Files.readString(source, StandardCharsets.UTF_8);
            texts.add(text);
            counts.add(SqlParser.parse(new SourceFile("x", text), SqlDialect.POSTGRESQL).statements().size());
        }
        Path migrations = dir.resolve("prisma/migrations");
        Files.createDirectories(migrations);
        Files.writeString(migrations.resolve("migration_lock.toml"), "provider = \"postgresql\"\n");
        long statements = 0;
        long bytes = 0;
        int files = 0;
        for (int round = 0; statements < target; round++) {
            for (int i = 0; i < texts.size() && statements < target; i++) {
                Path folder = migrations.resolve(String.format(Locale.ROOT, "%06d_%s", files,
                        sources.get(i).getParent().getFileName()));
                Files.createDirectories(folder);
                Files.writeString(folder.resolve("migration.sql"), texts.get(i));
                statements += counts.get(i);
                bytes += texts.get(i).getBytes(StandardCharsets.UTF_8).length;
                files++;
            }
        }
        System.out.printf(Locale.ROOT, "generated %d migrations, %d statements, %.1f MB in %s%n", files, statements,
                bytes / 1e6, migrations);
    }

    private static List<Rule> sqlRules() {
        return RuleRegistry.all().stream().filter(r -> RulePages.load(r.id()).category().equals("sql")).toList();
    }

    /** What a lint run does: walk the tree, find the migration folders, parse each file once, run the rules. */
    private static Run lint(Path dir) throws IOException {
        long start = System.nanoTime();
        long cpuStart = cpu();
        WorkingTreeSnapshot snapshot = new WorkingTreeSnapshot(dir);
        long findings = 0;
        for (Rule rule : sqlRules()) {
            Findings out = new Findings(RulePages.load(rule.id()));
            rule.check(new RuleContext(snapshot, RuleOptions.NONE), out);
            findings += out.all().size();
        }
        long nanos = System.nanoTime() - start;
        long cpuNanos = cpu() - cpuStart;
        long statements = 0;
        long chars = 0;
        for (var set : snapshot.model(dev.migrationguard.sql.MigrationSets.KEY)) {
            for (var migration : set.migrations()) {
                SqlScript script = migration.script(snapshot).orElseThrow();
                statements += script.statements().size();
                chars += script.file().text().length();
            }
        }
        return new Run(statements, chars, findings, nanos, cpuNanos);
    }

    private static Run parseOnly(List<SourceFile> files) {
        long start = System.nanoTime();
        long cpuStart = cpu();
        long statements = 0;
        long chars = 0;
        for (SourceFile file : files) {
            statements += SqlParser.parse(file, SqlDialect.POSTGRESQL).statements().size();
            chars += file.text().length();
        }
        return new Run(statements, chars, 0, System.nanoTime() - start, cpu() - cpuStart);
    }

    private static List<SourceFile> read(Path dir) throws IOException {
        List<SourceFile> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(p -> p.getFileName().toString().equals("migration.sql")).sorted().toList()) {
                files.add(new SourceFile(dir.relativize(p).toString(), Files.readString(p, StandardCharsets.UTF_8)));
            }
        }
        return files;
    }

    private static void detail(Path dir, int rounds) throws IOException {
        List<SourceFile> files = read(dir);
        report("parse only (cold)", parseOnly(files));
        Run best = null;
        for (int i = 0; i < rounds; i++) {
            Run run = parseOnly(files);
            best = best == null || run.nanos() < best.nanos() ? run : best;
        }
        report("parse only (warm, best of " + rounds + ")", best);
        best = null;
        for (int i = 0; i < rounds; i++) {
            Run run = lint(dir);
            best = best == null || run.nanos() < best.nanos() ? run : best;
        }
        report("parse+lint (warm, best of " + rounds + ")", best);
    }

    private static void report(String what, Run run) {
        double seconds = run.nanos() / 1e9;
        double cpuSeconds = run.cpuNanos() / 1e9;
        System.out.printf(Locale.ROOT, "%-34s %6d statements %5.2f MB | wall %6.3f s %8.0f st/s %5.2f MB/s"
                        + " | cpu %6.3f s %8.0f st/s %5.2f MB/s%s%n",
                what, run.statements(), run.chars() / 1e6, seconds, run.statements() / seconds,
                run.chars() / 1e6 / seconds, cpuSeconds, run.statements() / cpuSeconds,
                run.chars() / 1e6 / cpuSeconds, run.findings() > 0 ? "  (" + run.findings() + " findings)" : "");
    }
}
