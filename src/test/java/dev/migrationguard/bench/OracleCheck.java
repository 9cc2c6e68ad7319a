package dev.migrationguard.bench;

import dev.migrationguard.prisma.PrismaProject;
import dev.migrationguard.rules.Finding;
import dev.migrationguard.rules.schema.SchemaDrift;
import dev.migrationguard.schema.DriftReports;
import dev.migrationguard.testing.PrismaDiffComparison;
import dev.migrationguard.testing.RuleTester;
import dev.migrationguard.workspace.SourceFile;
import dev.migrationguard.workspace.WorkingTreeSnapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs Prisma's own diff (the oracle, {@code diff.sh SCHEMA MIGRATIONS_DIR}) and our replay side by side over
 * project folders, and prints per folder Prisma's differences, ours, and the two lists of disagreements, then a
 * table. With {@code --mutate}, each folder is also checked in four mutated copies: its newest migration removed,
 * a model added, a column type changed, an index dropped from the schema.
 *
 * <p>Usage: {@code OracleCheck [--oracle PATH/diff.sh] [--mutate] DIR...}
 */
public final class OracleCheck {
    private static final Pattern INT_FIELD = Pattern.compile("(?m)^(\\s+\\w+\\s+)Int(\\??)([ \\t]*(?://.*)?)$");
    private static final Pattern INDEX_LINE = Pattern.compile("(?m)^\\s*@@index\\(.*\\)[^\\n]*\\n");
    private static final String ADDED_MODEL = """

            model OracleCheckAdded {
              id        Int      @id @default(autoincrement())
              label     String   @unique
              createdAt DateTime @default(now())

              @@index([createdAt])
            }
            """;

    private record Row(String folder, int prisma, int ours, List<String> prismaOnly, List<String> oursOnly,
                       String note) {
    }

    private OracleCheck() {
    }

    public static void main(String[] args) throws Exception {
        Path oracle = Path.of("../shared/oracle/diff.sh");
        boolean mutate = false;
        List<Path> folders = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--oracle" -> oracle = Path.of(args[++i]);
                case "--mutate" -> mutate = true;
                default -> folders.add(Path.of(args[i]));
            }
        }
        if (folders.isEmpty()) {
            System.err.println("usage: OracleCheck [--oracle PATH/diff.sh] [--mutate] DIR...");
            System.exit(64);
        }
        List<Row> rows = new ArrayList<>();
        Path work = Files.createTempDirectory("oracle-check");
        try {
            for (Path folder : folders) {
                rows.add(check(folder, folder.getFileName().toString(), oracle));
                if (mutate) {
                    for (String mutation : List.of("migration-removed", "model-added", "type-changed",
                            "index-dropped")) {
                        Path copy = work.resolve(folder.getFileName() + "-" + mutation);
                        copyTree(folder, copy);
                        String applied = mutate(copy, mutation);
                        Row row = check(copy, folder.getFileName() + " " + mutation, oracle);
                        rows.add(new Row(row.folder, row.prisma, row.ours, row.prismaOnly, row.oursOnly,
                                applied + (row.note.isEmpty() ? "" : "; " + row.note)));
                    }
                }
            }
        } finally {
            deleteTree(work);
        }
        System.out.println();
        System.out.println("| folder | Prisma | ours | Prisma only | ours only | note |");
        System.out.println("|---|---|---|---|---|---|");
        for (Row r : rows) {
            System.out.println("| " + r.folder + " | " + r.prisma + " | " + r.ours + " | "
                    + (r.prismaOnly.isEmpty() ? "0" : r.prismaOnly.size() + ": " + String.join(", ", r.prismaOnly))
                    + " | " + (r.oursOnly.isEmpty() ? "0" : r.oursOnly.size() + ": " + String.join(", ", r.oursOnly))
                    + " | " + r.note + " |");
        }
    }

    private static Row check(Path folder, String label, Path oracle) throws Exception {
        WorkingTreeSnapshot snapshot = new WorkingTreeSnapshot(folder);
        List<DriftReports.Report> reports = snapshot.model(DriftReports.KEY);
        System.out.println("== " + label);
        if (reports.size() != 1) {
            System.out.println("  " + reports.size() + " drift reports (need one schema with migrations)");
            return new Row(label, -1, -1, List.of(), List.of(), reports.size() + " drift reports");
        }
        DriftReports.Report report = reports.get(0);
        PrismaProject project = report.project();
        Path schema = folder.resolve(project.location());
        Path migrations = folder.resolve(project.migrationsDirectory());
        System.out.println("  schema " + project.location() + ", migrations " + project.migrationsDirectory());
        long started = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(oracle.toAbsolutePath().toString(), schema.toString(),
                migrations.toString());
        // A project on Prisma 6 or older is judged by the Prisma 6 engine (Prisma 7 rejects some of its schemas,
        // such as preview features it dropped).
        boolean six = project.prismaMajor().isPresent() && project.prismaMajor().getAsInt() < 7;
        if (six) {
            builder.environment().put("ORACLE_PRISMA", "6");
        }
        System.out.println("  Prisma " + (project.prismaVersion() == null ? "version unknown" : project.prismaVersion())
                + ", oracle engine " + (six ? "6.19" : "7.10"));
        Process p = builder.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = p.waitFor();
        long millis = (System.nanoTime() - started) / 1_000_000;
        List<Finding> findings = RuleTester.run(new SchemaDrift(), snapshot);
        List<String> ours = PrismaDiffComparison.ours(findings);
        if (exit == 1 || exit > 2) {
            String first = err.lines().filter(l -> !l.isBlank() && !l.strip().startsWith("at ")).findFirst()
                    .orElse("exit " + exit);
            System.out.println("  oracle error (exit " + exit + "): " + first);
            print("ours", ours);
            return new Row(label, -1, ours.size(), List.of(), List.of(), "oracle error: " + first);
        }
        List<String> prisma = PrismaDiffComparison.prisma(new String(out, StandardCharsets.UTF_8),
                Optional.of(report.replay().model()));
        List<String> prismaOnly = PrismaDiffComparison.minus(prisma, ours);
        List<String> oursOnly = PrismaDiffComparison.minus(ours, prisma);
        System.out.println("  oracle exit " + exit + " in " + millis + " ms");
        print("Prisma", prisma);
        print("ours", ours);
        print("Prisma only", prismaOnly);
        print("ours only", oursOnly);
        for (Finding f : findings) {
            System.out.println("    finding " + f.path() + ":" + f.range().startLine() + " " + f.severity().label()
                    + " " + f.message());
        }
        return new Row(label, prisma.size(), ours.size(), prismaOnly, oursOnly, "");
    }

    private static void print(String title, List<String> lines) {
        System.out.println("  " + title + " (" + lines.size() + ")");
        lines.forEach(l -> System.out.println("    " + l));
    }

    /** Applies one mutation to a copied folder; returns what it changed. */
    private static String mutate(Path copy, String mutation) throws IOException {
        WorkingTreeSnapshot snapshot = new WorkingTreeSnapshot(copy);
        List<DriftReports.Report> reports = snapshot.model(DriftReports.KEY);
        if (reports.size() != 1) {
            return "not mutated (no single schema)";
        }
        DriftReports.Report report = reports.get(0);
        List<SourceFile> files = report.project().schema().files();
        SourceFile main = files.stream().filter(f -> f.text().contains("datasource")).findFirst().orElse(files.get(0));
        switch (mutation) {
            case "migration-removed" -> {
                Path migrations = copy.resolve(report.project().migrationsDirectory());
                List<Path> dirs;
                try (Stream<Path> s = Files.list(migrations)) {
                    dirs = s.filter(d -> Files.isRegularFile(d.resolve("migration.sql"))).sorted().toList();
                }
                Path last = dirs.get(dirs.size() - 1);
                deleteTree(last);
                return "removed " + last.getFileName();
            }
            case "model-added" -> {
                Path file = copy.resolve(main.path());
                Files.writeString(file, Files.readString(file) + ADDED_MODEL);
                return "added model OracleCheckAdded to " + main.path();
            }
            case "type-changed" -> {
                for (SourceFile f : files) {
                    Matcher m = INT_FIELD.matcher(f.text());
                    while (m.find()) {
                        String name = m.group(1).strip();
                        if (name.endsWith("Id") || name.endsWith("_id") || name.equals("id")) {
                            continue;
                        }
                        String text = f.text().substring(0, m.start()) + m.group(1) + "BigInt" + m.group(2)
                                + m.group(3) + f.text().substring(m.end());
                        Files.writeString(copy.resolve(f.path()), text);
                        return "field " + name + " Int -> BigInt in " + f.path() + ":" + f.line(m.start());
                    }
                }
                return "not mutated (no Int field)";
            }
            case "index-dropped" -> {
                for (SourceFile f : files) {
                    Matcher m = INDEX_LINE.matcher(f.text());
                    if (m.find()) {
                        Files.writeString(copy.resolve(f.path()), f.text().substring(0, m.start())
                                + f.text().substring(m.end()));
                        return "removed `" + m.group().strip() + "` from " + f.path() + ":" + f.line(m.start());
                    }
                }
                return "not mutated (no @@index)";
            }
            default -> throw new IllegalArgumentException(mutation);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
