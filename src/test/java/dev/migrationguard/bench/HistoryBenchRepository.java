package dev.migrationguard.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes a {@code git fast-import} stream of a Prisma project's history to stdout: source files edited in every
 * commit, a schema changed every 25th commit (nine times in ten with its migration; about the pace of busy
 * open-source Prisma projects such as cal.com or documenso), now and then a
 * committed migration edited, a migration added out of order, files renamed and deleted, and side branches merged.
 * Deterministic (fixed seed), so runs are comparable. Usage: {@code HistoryBenchRepository <commits>}.
 */
public final class HistoryBenchRepository {
    private static final int SOURCE_FILES = 300;
    private static final int MAX_MODELS = 120;
    private static final int SCHEMA_EVERY = 25;

    private final Random random = new Random(42);
    private final OutputStream out;
    private final Map<String, String> files = new LinkedHashMap<>();
    private final List<List<String>> models = new ArrayList<>();
    private final List<String> migrations = new ArrayList<>();
    private long time = 1_577_836_800L;
    private long migrationStamp = 20200101000000L;
    private int mark;
    private int commits;

    private HistoryBenchRepository(OutputStream out) {
        this.out = out;
    }

    public static void main(String[] args) throws IOException {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        try (OutputStream out = new BufferedOutputStream(System.out, 1 << 20)) {
            new HistoryBenchRepository(out).generate(total);
        }
    }

    private void generate(int total) throws IOException {
        Map<String, String> first = new LinkedHashMap<>();
        for (int i = 0; i < SOURCE_FILES; i++) {
            first.put(sourcePath(i), "export const value" + i + " = 0;\n");
        }
        for (int i = 0; i < 20; i++) {
            models.add(new ArrayList<>(List.of("id Int @id @default(autoincrement())", "name String")));
        }
        first.put("prisma/schema.prisma", schema());
        first.put("prisma/migrations/migration_lock.toml", "provider = \"postgresql\"\n");
        addMigration(first, "init");
        first.put("README.md", "# bench\n");
        commit("refs/heads/main", "initial import", first, List.of(), 0);
        while (commits < total) {
            if (commits % 200 == 199 && total - commits >= 5) {
                sideBranch();
            } else {
                mainCommit();
            }
        }
    }

    private void mainCommit() throws IOException {
        Map<String, String> changed = new LinkedHashMap<>();
        List<String> deleted = new ArrayList<>();
        int n = commits + 1;
        for (int k = 1 + random.nextInt(3); k > 0; k--) {
            String path = sourcePath(random.nextInt(SOURCE_FILES));
            if (files.containsKey(path)) {
                changed.put(path, files.get(path) + "export const edit" + n + "_" + k + " = " + random.nextInt(1000) + ";\n");
            }
        }
        String message = "Edit sources " + n;
        if (n % SCHEMA_EVERY == 0) {
            editSchema();
            changed.put("prisma/schema.prisma", schema());
            if (random.nextInt(10) != 0) {
                addMigration(changed, "change_" + n);
                message = "Change the data model " + n;
            } else {
                message = "Change the data model without a migration " + n;
            }
        }
        if (n % 500 == 250 && migrations.size() > 2) {
            String old = migrations.get(random.nextInt(migrations.size() - 1));
            changed.put(old, files.get(old) + "-- edited afterwards\n");
            message = "Edit an applied migration " + n;
        }
        if (n % 700 == 350) {
            String path = "prisma/migrations/" + (migrationStamp - 5_000_000) + "_late_" + n + "/migration.sql";
            changed.put(path, "CREATE TABLE \"Late" + n + "\" (\"id\" SERIAL PRIMARY KEY);\n");
            message = "Add a migration from an old branch " + n;
        }
        if (n % 1000 == 500) {
            int i = random.nextInt(SOURCE_FILES);
            String from = sourcePath(i);
            if (files.containsKey(from)) {
                deleted.add(from);
                changed.put("src/moved/file" + i + "_" + n + ".ts", files.get(from));
                message = "Move a source file " + n;
            }
        }
        if (n % 900 == 450) {
            String victim = sourcePath(random.nextInt(SOURCE_FILES));
            if (files.containsKey(victim) && !changed.containsKey(victim)) {
                deleted.add(victim);
                changed.put("src/new/file" + n + ".ts", "export const fresh" + n + " = true;\n");
            }
        }
        commit("refs/heads/main", message, changed, deleted, 0);
    }

    /** Three commits on a side branch that edit docs, one on main, then the merge. */
    private void sideBranch() throws IOException {
        int base = mark;
        Map<String, String> sideFiles = new LinkedHashMap<>();
        int sideMark = 0;
        for (int i = 0; i < 3; i++) {
            String path = "docs/page" + random.nextInt(40) + ".md";
            String content = files.getOrDefault(path, "# page\n") + "Side note " + commits + "\n";
            sideFiles.put(path, content);
            sideMark = commitOnSide(base, sideMark, path, content);
        }
        mainCommit();
        Map<String, String> merged = new LinkedHashMap<>(sideFiles);
        commit("refs/heads/main", "Merge branch 'docs-" + commits + "'", merged, List.of(), sideMark);
    }

    private int commitOnSide(int base, int previous, String path, String content) throws IOException {
        int id = ++mark;
        commits++;
        StringBuilder s = new StringBuilder();
        s.append("commit refs/heads/side\nmark :").append(id).append('\n');
        s.append("committer Bench <bench@example.com> ").append(time += 60).append(" +0000\n");
        data(s, "Docs " + commits + "\n");
        s.append("from :").append(previous == 0 ? base : previous).append('\n');
        s.append("M 100644 inline ").append(path).append('\n');
        data(s, content);
        s.append('\n');
        out.write(s.toString().getBytes(StandardCharsets.UTF_8));
        return id;
    }

    private void commit(String ref, String message, Map<String, String> changed, List<String> deleted, int merge)
            throws IOException {
        int id = ++mark;
        commits++;
        StringBuilder s = new StringBuilder();
        s.append("commit ").append(ref).append("\nmark :").append(id).append('\n');
        s.append("committer Bench <bench@example.com> ").append(time += 60).append(" +0000\n");
        data(s, message + "\n");
        if (id > 1) {
            s.append("from :").append(lastMain).append('\n');
        }
        if (merge > 0) {
            s.append("merge :").append(merge).append('\n');
        }
        for (String path : deleted) {
            s.append("D ").append(path).append('\n');
            files.remove(path);
        }
        for (Map.Entry<String, String> e : changed.entrySet()) {
            s.append("M 100644 inline ").append(e.getKey()).append('\n');
            data(s, e.getValue());
            files.put(e.getKey(), e.getValue());
        }
        s.append('\n');
        out.write(s.toString().getBytes(StandardCharsets.UTF_8));
        lastMain = id;
    }

    private int lastMain;

    private static void data(StringBuilder s, String text) {
        s.append("data ").append(text.getBytes(StandardCharsets.UTF_8).length).append('\n').append(text);
    }

    private void editSchema() {
        int choice = random.nextInt(10);
        if (choice < 3 && models.size() < MAX_MODELS) {
            models.add(new ArrayList<>(List.of("id Int @id @default(autoincrement())", "createdAt DateTime @default(now())")));
        } else if (choice < 8) {
            List<String> model = models.get(random.nextInt(models.size()));
            if (model.size() > 12) {
                model.remove(model.size() - 1);
            } else {
                model.add("field" + commits + " String?");
            }
        } else {
            List<String> model = models.get(random.nextInt(models.size()));
            int last = model.size() - 1;
            String field = model.get(last);
            model.set(last, field.endsWith("@unique") ? field.substring(0, field.length() - 8) : field + " @unique");
        }
    }

    private String schema() {
        StringBuilder s = new StringBuilder();
        s.append("generator client {\n  provider = \"prisma-client-js\"\n}\n\n");
        s.append("datasource db {\n  provider = \"postgresql\"\n  url      = env(\"DATABASE_URL\")\n}\n");
        for (int i = 0; i < models.size(); i++) {
            s.append("\n/// Model number ").append(i).append("\nmodel Model").append(i).append(" {\n");
            for (String field : models.get(i)) {
                s.append("  ").append(field).append('\n');
            }
            s.append("}\n");
        }
        return s.toString();
    }

    private void addMigration(Map<String, String> into, String name) {
        migrationStamp += 1_000_000;
        String path = "prisma/migrations/" + migrationStamp + "_" + name + "/migration.sql";
        into.put(path, "-- " + name + "\nALTER TABLE \"Model0\" ADD COLUMN \"c" + migrationStamp + "\" TEXT;\n");
        migrations.add(path);
    }

    private static String sourcePath(int i) {
        return "src/module" + (i % 30) + "/file" + i + ".ts";
    }
}
