package dev.migrationguard.bench;

import dev.migrationguard.prisma.PrismaParser;
import dev.migrationguard.prisma.PrismaSchema;
import dev.migrationguard.schema.DriftReports;
import dev.migrationguard.schema.PrismaSchemaMapper;
import dev.migrationguard.schema.SchemaDiff;
import dev.migrationguard.schema.SchemaModel;
import dev.migrationguard.schema.SchemaReplay;
import dev.migrationguard.sql.SqlDialect;
import dev.migrationguard.sql.SqlParser;
import dev.migrationguard.sql.SqlScript;
import dev.migrationguard.testing.InMemorySnapshot;
import dev.migrationguard.workspace.Snapshot;
import dev.migrationguard.workspace.SourceFile;
import dev.migrationguard.workspace.WorkingTreeSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Times the drift check (parse schema.prisma, parse every migration.sql, replay, diff) on a corpus project after
 * warm-up. Usage: {@code DriftBench [corpus-dir] [warmup] [runs]}; defaults: ../shared/corpus/documenso, 20, 30.
 */
public final class DriftBench {

    private DriftBench() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : "../shared/corpus/documenso").toAbsolutePath().normalize();
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        Map<String, String> files = read(root);
        System.out.printf("corpus %s: %d files, %d KB%n", root, files.size(),
                files.values().stream().mapToInt(String::length).sum() / 1024);

        for (int i = 0; i < warmup; i++) {
            check(inMemory(files));
        }
        long[] inMemory = new long[runs];
        long[] fromDisk = new long[runs];
        int differences = 0;
        for (int i = 0; i < runs; i++) {
            InMemorySnapshot snapshot = inMemory(files);
            long t0 = System.nanoTime();
            differences = check(snapshot);
            inMemory[i] = System.nanoTime() - t0;
            long t1 = System.nanoTime();
            check(new WorkingTreeSnapshot(root));
            fromDisk[i] = System.nanoTime() - t1;
        }
        System.out.printf("differences found: %d%n", differences);
        report("drift check, files in memory", inMemory);
        report("drift check, working tree read from disk", fromDisk);
        phases(files, runs);
    }

    /** The same work split into its phases, each timed on its own (medians). */
    private static void phases(Map<String, String> files, int runs) {
        List<SourceFile> schemas = new ArrayList<>();
        List<SourceFile> sql = new ArrayList<>();
        List<String> names = new ArrayList<>();
        files.forEach((path, text) -> {
            if (path.endsWith(".prisma")) {
                schemas.add(new SourceFile(path, text));
            } else if (path.endsWith("/migration.sql")) {
                sql.add(new SourceFile(path, text));
                String folder = path.substring(0, path.lastIndexOf('/'));
                names.add(folder.substring(folder.lastIndexOf('/') + 1));
            }
        });
        long[][] t = new long[5][runs];
        for (int i = 0; i < runs; i++) {
            long a = System.nanoTime();
            PrismaSchema schema = PrismaParser.parseAll(schemas);
            long b = System.nanoTime();
            List<SqlScript> scripts = new ArrayList<>();
            for (SourceFile f : sql) {
                scripts.add(SqlParser.parse(f, SqlDialect.POSTGRESQL));
            }
            long c = System.nanoTime();
            SchemaModel expected = PrismaSchemaMapper.map(schema).orElseThrow();
            long d = System.nanoTime();
            SchemaReplay.Result replay = SchemaReplay.replay(expected.provider(), names, scripts);
            long e = System.nanoTime();
            SchemaDiff.compare(expected, replay.model());
            long f = System.nanoTime();
            t[0][i] = b - a;
            t[1][i] = c - b;
            t[2][i] = d - c;
            t[3][i] = e - d;
            t[4][i] = f - e;
        }
        String[] labels = {"parse schema.prisma", "parse migration.sql files", "map schema", "replay migrations",
            "diff"};
        for (int i = 0; i < labels.length; i++) {
            report("  phase: " + labels[i], t[i]);
        }
    }

    private static int check(Snapshot snapshot) {
        return snapshot.model(DriftReports.KEY).stream().mapToInt(r -> r.differences().size()).sum();
    }

    private static InMemorySnapshot inMemory(Map<String, String> files) {
        InMemorySnapshot snapshot = new InMemorySnapshot();
        files.forEach(snapshot::put);
        return snapshot;
    }

    private static Map<String, String> read(Path root) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                files.put(root.relativize(p).toString().replace('\\', '/'), Files.readString(p));
            }
        }
        return files;
    }

    private static void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("%-42s min %6.1f ms  median %6.1f ms  p90 %6.1f ms  (%d runs)%n", what,
                sorted[0] / 1e6, sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.9)] / 1e6,
                sorted.length);
    }

}
