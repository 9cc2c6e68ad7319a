package dev.migrationguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migrationguard.rules.RulePages;
import dev.migrationguard.rules.RuleRegistry;
import dev.migrationguard.testing.CliRun;
import dev.migrationguard.testing.Corpus;
import dev.migrationguard.testing.TestRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 15's done-when check: each real corpus project as a git repository with every migration committed, then one
 * new migration in the working tree. Plain {@code lint} reports only on the new migration and on the repository's
 * state; {@code --all-migrations} reports what a run that treats every migration as new reports (the project outside
 * git), plus what the history rules say about the uncommitted change.
 */
class AppliedHistoryCorpusTest {
    private static final Pattern FIRST_TABLE = Pattern.compile("CREATE TABLE \"([^\"]+)\"");
    private static final Set<String> CONTENT_CATEGORIES = Set.of("sql", "migrations");

    @BeforeAll
    static void corpusIsBesideTheClone() {
        Corpus.require();
    }

    @TempDir
    Path dir;

    /** One finding, as the JSON report has it. */
    private static final Set<String> LEAVES_APPLIED_ALONE = Set.of("missing-foreign-key-index");

    record Seen(String ruleId, String path, int line, int column) implements Comparable<Seen> {
        @Override
        public int compareTo(Seen o) {
            return toString().compareTo(o.toString());
        }

        /** A rule that judges one migration's content (a state rule such as a fresh-database replay does not). */
        boolean judgesContent() {
            boolean state = RuleRegistry.all().stream().anyMatch(r -> r.id().equals(ruleId) && r.judgesState());
            return CONTENT_CATEGORIES.contains(RulePages.load(ruleId).category()) && !state;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"documenso", "ghostfolio", "hoppscotch", "inbox-zero", "langfuse", "papermark", "rallly",
        "umami"})
    void plainLintJudgesOnlyTheNewMigrationAndTheStateAllMigrationsJudgesEverything(String project) throws Exception {
        Path source = Corpus.ROOT.resolve(project);
        Path outside = dir.resolve("outside");
        Path repo = dir.resolve("repo");
        copy(source, outside);
        Set<Seen> everyMigrationNew = findings(CliRun.of(outside, "lint", "--format", "json", "--fail-on", "never"));

        String newFolder;
        int applied;
        try (TestRepository git = TestRepository.init(repo)) {
            copy(source, repo);
            git.commitAll("the project as it is deployed");
            applied = migrationFolders(repo).size();
            newFolder = addMigration(repo);
        }
        CliRun plain = CliRun.of(repo, "lint", "--format", "json", "--fail-on", "never");
        CliRun all = CliRun.of(repo, "lint", "--format", "json", "--fail-on", "never", "--all-migrations");
        Set<Seen> plainFindings = findings(plain);
        Set<Seen> allFindings = findings(all);

        for (Seen f : plainFindings) {
            assertTrue(!f.judgesContent() || f.path().startsWith(newFolder + "/") || !insideAMigration(f.path()),
                    project + ": plain lint re-judged an applied migration: " + f);
        }
        assertTrue(plainFindings.stream().anyMatch(f -> f.ruleId().equals("create-index-blocking")
                && f.path().equals(newFolder + "/migration.sql")), project + ": the new migration is judged: " + plainFindings);

        Set<Seen> historyOfTheChange = new TreeSet<>();
        for (Seen f : allFindings) {
            if (RulePages.load(f.ruleId()).category().equals("history")) {
                historyOfTheChange.add(f);
            }
        }
        Set<Seen> expectedAll = new TreeSet<>();
        for (Seen f : everyMigrationNew) {
            expectedAll.add(f);
        }
        expectedAll.addAll(historyOfTheChange);
        // Outside git the new migration is not there: leave its findings out of the comparison.
        Set<Seen> allButNew = new TreeSet<>(allFindings);
        allButNew.removeIf(f -> f.path().startsWith(newFolder + "/"));
        Set<Seen> expectedButNew = new TreeSet<>(expectedAll);
        expectedButNew.removeIf(f -> f.path().startsWith(newFolder + "/"));
        assertEquals(expectedButNew, allButNew, project + ": --all-migrations reports the full set");

        Set<Seen> rejudged = new TreeSet<>(allFindings);
        rejudged.removeAll(plainFindings);
        for (Seen f : rejudged) {
            // A schema rule may leave alone what applied migrations built (a relation whose key they created).
            assertTrue((f.judgesContent() || LEAVES_APPLIED_ALONE.contains(f.ruleId())) && !f.path().startsWith(newFolder + "/"),
                    project + ": only applied migrations' content findings are left out: " + f);
        }
        JsonNode summary = new ObjectMapper().readTree(plain.out()).get("summary");
        assertEquals(applied, summary.get("appliedMigrationsNotJudged").asInt(), project);
        assertEquals(0, new ObjectMapper().readTree(all.out()).get("summary").get("appliedMigrationsNotJudged").asInt());
        System.out.printf("%-11s before %4d findings (%s), after %4d (%s); applied migrations not re-judged: %d%n",
                project, everyMigrationNew.size(), byRule(everyMigrationNew), plainFindings.size(), byRule(plainFindings),
                applied);
    }

    private static String byRule(Set<Seen> findings) {
        java.util.TreeMap<String, Integer> counts = new java.util.TreeMap<>();
        findings.forEach(f -> counts.merge(f.ruleId(), 1, Integer::sum));
        return counts.toString();
    }

    private static boolean insideAMigration(String path) {
        return Pattern.compile("(^|/)migrations/[^/]+/").matcher(path).find();
    }

    private static Set<Seen> findings(CliRun run) throws IOException {
        assertTrue(run.exitCode() == 0, run.err());
        Set<Seen> out = new TreeSet<>();
        for (JsonNode f : new ObjectMapper().readTree(run.out()).get("findings")) {
            if (!f.get("suppressed").asBoolean()) {
                out.add(new Seen(f.get("ruleId").asText(), f.get("path").asText(), f.get("line").asInt(),
                        f.get("column").asInt()));
            }
        }
        return out;
    }

    private static List<Path> migrationFolders(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.getFileName().toString().equals("migration.sql") && !p.startsWith(root.resolve(".git")))
                    .map(Path::getParent).sorted().toList();
        }
    }

    /** Adds, uncommitted, a migration after the newest one that indexes the first table the first migration made. */
    private static String addMigration(Path root) throws IOException {
        List<Path> folders = migrationFolders(root);
        String table = null;
        for (Path folder : folders) {
            Matcher m = FIRST_TABLE.matcher(Files.readString(folder.resolve("migration.sql")));
            if (m.find()) {
                table = m.group(1);
                break;
            }
        }
        Path migrations = folders.get(0).getParent();
        String name = LocalDateTime.now().minusHours(1).format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"))
                + "_add_probe_index";
        Path sql = migrations.resolve(name).resolve("migration.sql");
        Files.createDirectories(sql.getParent());
        Files.writeString(sql, "-- CreateIndex\nCREATE INDEX \"probe_idx\" ON \"" + table + "\"(\"id\");\n");
        return root.relativize(sql.getParent()).toString().replace('\\', '/');
    }

    private static void copy(Path from, Path to) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(from)) {
            walk.filter(Files::isRegularFile).forEach(files::add);
        }
        for (Path file : files) {
            Path target = to.resolve(from.relativize(file).toString());
            Files.createDirectories(target.getParent());
            Files.copy(file, target);
        }
    }
}
