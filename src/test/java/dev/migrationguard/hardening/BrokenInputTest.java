package dev.migrationguard.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migrationguard.testing.CliRun;
import dev.migrationguard.testing.SarifValidation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A catalogue of broken and hostile input run through the whole CLI: nothing crashes, nothing hangs, every problem
 * is reported with its file, and the findings in the healthy files are still reported.
 */
class BrokenInputTest {
    @TempDir
    Path repo;

    private void write(String path, String content) throws IOException {
        write(path, content.getBytes(StandardCharsets.UTF_8));
    }

    private void write(String path, byte[] content) throws IOException {
        Path p = repo.resolve(path);
        Files.createDirectories(p.getParent());
        Files.write(p, content);
    }

    @BeforeEach
    void healthyFileWithAKnownFinding() throws IOException {
        write("scripts/deploy.sh", "#!/bin/sh\nnpx prisma db push\n");
    }

    private JsonNode lintJson() throws IOException {
        CliRun run = CliRun.of(repo, "lint", ".", "--format", "json");
        assertFalse(run.err().contains("Exception"), run.err());
        assertEquals(1, run.exitCode(), run.out() + run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals(0, json.get("errors").size(), json.get("errors").toString());
        List<String> rules = new ArrayList<>();
        json.get("findings").forEach(f -> rules.add(f.get("path").asText() + " " + f.get("ruleId").asText()));
        assertTrue(rules.contains("scripts/deploy.sh prisma-db-push"), "the healthy file's finding is still reported: " + rules);
        CliRun sarif = CliRun.of(repo, "lint", ".", "--format", "sarif");
        assertEquals(List.of(), SarifValidation.errors(sarif.out()));
        return json;
    }

    private static List<String> findings(JsonNode json, String ruleId) {
        List<String> out = new ArrayList<>();
        json.get("findings").forEach(f -> {
            if (f.get("ruleId").asText().equals(ruleId)) {
                out.add(f.get("path").asText() + ":" + f.get("line").asInt());
            }
        });
        return out;
    }

    @Test
    void truncatedSqlAndUnterminatedDollarQuoteAreParseErrorsWithLocations() throws IOException {
        write("prisma/migrations/20240101120000_init/migration.sql", "CREATE TABLE \"A\" (\"id\" TEXT NOT NULL);\n");
        write("prisma/migrations/20240201120000_add_b/migration.sql", "CREATE TABLE \"B\" (\n  \"id\" TEXT NOT");
        write("prisma/migrations/20240301120000_add_fn/migration.sql",
                "CREATE TABLE \"C\" (\"id\" TEXT);\nCREATE FUNCTION f() RETURNS trigger AS $$\nBEGIN\n  RETURN NEW;\n");
        JsonNode json = lintJson();
        List<String> errors = findings(json, "sql-parse-error");
        assertTrue(errors.contains("prisma/migrations/20240201120000_add_b/migration.sql:2"), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.startsWith("prisma/migrations/20240301120000_add_fn/migration.sql:")),
                errors.toString());
    }

    @Test
    void invalidUtf8IsReadWithANoticeAndStillLinted() throws IOException {
        byte[] script = "#!/bin/sh\n# caf\u00e9\nnpx prisma db push\n".getBytes(StandardCharsets.ISO_8859_1);
        write("scripts/latin1.sh", script);
        JsonNode json = lintJson();
        assertTrue(findings(json, "prisma-db-push").contains("scripts/latin1.sh:3"), json.toString());
        assertTrue(json.get("notices").toString().contains("not valid UTF-8"), json.get("notices").toString());
    }

    @Test
    void aTenMegabyteSingleLineIsSkippedWithANote() throws IOException {
        write("prisma/seed.sql", "INSERT INTO t VALUES ('" + "x".repeat(10 * 1024 * 1024) + "');");
        JsonNode json = lintJson();
        assertTrue(json.get("notices").toString().contains("prisma/seed.sql"), json.get("notices").toString());
    }

    @Test
    void fiftyThousandLevelsOfNestingDoNotOverflowTheStack() throws IOException {
        int depth = 50_000;
        write("package.json", "{\"scripts\": {\"x\": " + "[".repeat(depth) + "]".repeat(depth) + "}}");
        write(".github/workflows/ci.yml", "on: push\njobs:\n  a:\n    steps: " + "[".repeat(depth) + "]".repeat(depth) + "\n");
        write("prisma/migrations/20240101120000_init/migration.sql",
                "SELECT " + "(".repeat(depth) + "1" + ")".repeat(depth) + ";\nCREATE TABLE \"A\" (\"id\" TEXT);\n");
        write("src/deep.ts", "const x = " + "(".repeat(depth) + "1" + ")".repeat(depth) + ";\n");
        write("src/main/java/Deep.java", "class Deep { int x = " + "(".repeat(depth) + "1" + ")".repeat(depth) + "; }\n");
        lintJson();
    }

    @Test
    void emptyFilesEverywhereAreHarmless() throws IOException {
        for (String p : List.of("package.json", ".github/workflows/ci.yml", "Dockerfile", "Makefile",
                "prisma/schema.prisma", "prisma/migrations/20240101120000_init/migration.sql", "src/a.ts",
                "src/main/java/A.java", "docker-compose.yml", ".migration-guard-notes.txt")) {
            write(p, "");
        }
        JsonNode json = lintJson();
        assertEquals(List.of("prisma/migrations/20240101120000_init/migration.sql:1"), findings(json, "migration-empty"));
    }

    @Test
    void aDotGitFileInsteadOfAFolderIsNotARepositoryToCrashOn() throws IOException {
        write(".git", "gitdir: /nonexistent/worktree/.git\n");
        JsonNode json = lintJson();
        assertTrue(json.get("notices").toString().contains("only the files on disk are linted"), json.get("notices").toString());
    }

    @Test
    void aWorktreeGitDirWhoseCommondirIsGarbageOrNamesNothingStillLintsTheTree() throws IOException {
        // The walk reads the worktree's commondir to find the info/exclude git applies; JGit reads it to open refs.
        write(".git", "gitdir: .wt-git\n");
        write(".wt-git/HEAD", "ref: refs/heads/main\n");
        write(".wt-git/gitdir", repo.resolve(".git") + "\n");
        for (byte[] commondir : new byte[][] {"../missing/common\n".getBytes(StandardCharsets.UTF_8),
                {(byte) 0xff, (byte) 0xfe, '\n'}, "\n\n".getBytes(StandardCharsets.UTF_8)}) {
            write(".wt-git/commondir", commondir);
            // No repository to open there: the files on disk are linted, and a notice says why.
            JsonNode json = lintJson();
            assertTrue(json.get("notices").toString().contains("cannot be opened"), json.get("notices").toString());
        }
        // A NUL names no path at all (it was an InvalidPathException, "internal error ... this is a bug").
        write(".wt-git/commondir", new byte[] {0, 0, '.', '.', '\n'});
        CliRun run = CliRun.of(repo, "lint", ".");
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("commondir") && run.err().contains("names no folder"), run.err());
        assertFalse(run.err().contains("Exception") || run.err().contains("internal error"), run.err());
    }

    @Test
    void binaryFilesWithTextNamesAreSkippedWithANote() throws IOException {
        write("scripts/blob.sh", new byte[] {'#', '!', 0, 1, 2, 3});
        JsonNode json = lintJson();
        assertTrue(json.get("notices").toString().contains("scripts/blob.sh"), json.get("notices").toString());
    }

    @Test
    void utf16WithBomAndCrlfOrCrLineEndingsKeepLinesAndColumnsRightInEveryFormat() throws IOException {
        byte[] body = "#!/bin/sh\r\necho \"caf\u00e9\"\r\n  npx prisma db push\r\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] utf16 = new byte[body.length + 2];
        utf16[0] = (byte) 0xFF;
        utf16[1] = (byte) 0xFE;
        System.arraycopy(body, 0, utf16, 2, body.length);
        write("scripts/utf16.sh", utf16);
        // Old Mac line endings (CR alone) after a UTF-8 byte-order mark, in a migration.
        write("prisma/migrations/20240101120000_init/migration.sql", "CREATE TABLE \"A\" (\"id\" TEXT);\n");
        write("prisma/migrations/20240201120000_drop_old/migration.sql", concat(new byte[] {(byte) 0xEF, (byte) 0xBB,
                (byte) 0xBF}, "-- drop the old table\r\r  DROP TABLE \"Old\";\r".getBytes(StandardCharsets.UTF_8)));
        JsonNode json = lintJson();
        List<String> at = new ArrayList<>();
        json.get("findings").forEach(f -> {
            String rule = f.get("ruleId").asText();
            if (rule.equals("prisma-db-push") || rule.equals("destructive-drop")) {
                at.add(f.get("path").asText() + ":" + f.get("line").asInt() + ":" + f.get("column").asInt());
            }
        });
        assertEquals(List.of("prisma/migrations/20240201120000_drop_old/migration.sql:3:3", "scripts/deploy.sh:2:12",
                "scripts/utf16.sh:3:14"), at);
        CliRun sarif = CliRun.of(repo, "lint", ".", "--format", "sarif");
        JsonNode results = new ObjectMapper().readTree(sarif.out()).at("/runs/0/results");
        List<String> regions = new ArrayList<>();
        results.forEach(r -> regions.add(r.at("/locations/0/physicalLocation/artifactLocation/uri").asText() + ":"
                + r.at("/locations/0/physicalLocation/region/startLine").asInt() + ":"
                + r.at("/locations/0/physicalLocation/region/startColumn").asInt()));
        assertTrue(regions.containsAll(at), regions.toString());
        String github = CliRun.of(repo, "lint", ".", "--format", "github").out();
        assertTrue(github.contains("file=scripts/utf16.sh,line=3,col=14,"), github);
        String text = CliRun.of(repo, "lint", ".").out();
        assertTrue(text.contains("scripts/utf16.sh\n  3:14  error") || text.contains("scripts/utf16.sh\n  3:14  warning"), text);
        assertTrue(text.contains("  3 |   npx prisma db push\n    |              ^^^^^^^\n"), text);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void aJavaFileJavaParserGivesUpOnIsStillSearchedForRawDdl() throws IOException {
        // Issue 20 item 9: a syntax error or 500-deep parentheses silently skipped the file.
        write("src/main/java/Broken.java", "class Broken { void f(java.sql.Statement s) { s.execute(\"DROP TABLE users\"); }\n"
                + "  int broken = ;\n");
        write("src/main/java/Deep.java", "class Deep { void f(java.sql.Statement s) { s.execute(\"DROP TABLE orders\");"
                + " int x = " + "(".repeat(500) + "1" + ")".repeat(500) + "; } }\n");
        JsonNode json = lintJson();
        List<String> ddl = findings(json, "raw-ddl-in-code");
        assertTrue(ddl.contains("src/main/java/Broken.java:1") && ddl.contains("src/main/java/Deep.java:1"), ddl.toString());
        // And the give-up itself is reported, with the place JavaParser stopped, never silence.
        List<String> notices = new ArrayList<>();
        json.get("notices").forEach(n -> notices.add(n.get("path").asText() + " " + n.get("message").asText()));
        assertTrue(notices.stream().anyMatch(n -> n.startsWith("src/main/java/Broken.java line 2, column ")
                && n.contains("JavaParser cannot read this file")), notices.toString());
        assertTrue(notices.stream().anyMatch(n -> n.startsWith("src/main/java/Deep.java line 1, column ")), notices.toString());
    }

    @Test
    void aWorkflowNestedBeyondTheReadersLimitIsAnErrorNotAWarningThatLetsDbPushThrough() throws IOException {
        // Issue 20 item 9: past the reader's 1,000 levels the file may still be valid and run its `db push`.
        write(".github/workflows/ci.yml", "on: push\njobs:\n  a:\n    env:\n      deep: " + "[".repeat(1_200) + "1"
                + "]".repeat(1_200) + "\n    steps:\n      - run: npx prisma db push\n");
        JsonNode json = lintJson();
        List<String> unread = new ArrayList<>();
        json.get("findings").forEach(f -> {
            if (f.get("ruleId").asText().equals("script-parse-error")) {
                unread.add(f.get("path").asText() + " " + f.get("severity").asText());
            }
        });
        assertEquals(List.of(".github/workflows/ci.yml error"), unread);
    }

    @Test
    void workflowsAndPackageJsonNestedBeyondTheParsersDefaultsAreRead() throws IOException {
        // Issue 20 item 9: SnakeYAML stops at 50 levels and Jackson at 1,000; GitHub and Node read both.
        write(".github/workflows/ci.yml", "on: push\njobs:\n  a:\n    env:\n      deep: " + "{a: ".repeat(60) + "1"
                + "}".repeat(60) + "\n    steps:\n      - run: npx prisma db push\n");
        write("package.json", "{\"scripts\": {\"deploy\": \"prisma db push\"}, \"x\": " + "[".repeat(1_001)
                + "]".repeat(1_001) + "}\n");
        JsonNode json = lintJson();
        List<String> push = findings(json, "prisma-db-push");
        assertTrue(push.contains(".github/workflows/ci.yml:7") && push.contains("package.json:1"), push.toString());
        assertEquals(List.of(), findings(json, "script-parse-error"));
    }

    @Test
    void controlCharactersInNamesAndLinesAreEscapedInTextOutput() throws IOException {
        // Issue 20 item 10: a crafted name forged a ::error workflow command and rewrote the terminal.
        write("scripts/a\n::error file=x::forged.sh", "npx prisma db push\n");
        write("scripts/\u001b]0;owned\u0007\u001b[2Jb.sh", "npx prisma db push # \u001b[2J \u202e\n");
        CliRun run = CliRun.of(repo, "lint");
        assertFalse(run.out().lines().anyMatch(l -> l.startsWith("::")), run.out());
        assertFalse(run.out().chars().anyMatch(c -> c == 0x1b || c == 0x07 || c == 0x202e), run.out());
        // Grouped by file: the escaped path heads its findings.
        assertTrue(run.out().lines().anyMatch(l -> l.equals("scripts/a\\n::error file=x::forged.sh")), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.equals("scripts/\\x1b]0;owned\\x07\\x1b[2Jb.sh")), run.out());
        assertTrue(run.out().contains("npx prisma db push # \\x1b[2J \\u202e"), run.out());
    }

    @Test
    void craftedFileNamesCannotForgeAWorkflowCommandOrAPropertyInGithubOutput() throws IOException {
        // Issue 20 item 10: ',' ends a property and ':' starts the data, a newline a second command, '%' an escape.
        List<String> names = List.of("scripts/a,b:c.sh", "scripts/x,title=forged,line=99.sh",
                "scripts/n\n::error file=forged.sh::owned.sh", "scripts/cr\r::warning::owned.sh", "scripts/p%0A::error::q.sh",
                "scripts/d::.sh");
        for (String name : names) {
            write(name, "npx prisma db push\n");
        }
        CliRun run = CliRun.of(repo, "lint", "--format", "github");
        assertEquals(1, run.exitCode(), run.out() + run.err());
        List<String> lines = run.out().lines().toList();
        // The runner reads one command per line: every line is a command of ours, or the summary.
        List<String> commands = lines.stream().filter(l -> l.startsWith("::")).toList();
        assertEquals(lines.size() - 1, commands.size(), run.out());
        assertFalse(lines.get(lines.size() - 1).contains("::"), run.out());
        List<String> files = new ArrayList<>();
        for (String command : commands) {
            // As the runner parses it: the command up to a space, properties up to the next "::", split at ','.
            int end = command.indexOf("::", 2);
            assertTrue(end > 0, command);
            String[] head = command.substring(2, end).split(" ", 2);
            assertTrue(head[0].equals("error") || head[0].equals("warning"), command);
            List<String> keys = new ArrayList<>();
            for (String property : head[1].split(",")) {
                String[] kv = property.split("=", 2);
                keys.add(kv[0]);
                if (kv[0].equals("file")) {
                    files.add(unescapeProperty(kv[1]));
                }
            }
            assertEquals(List.of("file", "line", "col", "endLine", "endColumn", "title"), keys, command);
            assertTrue(command.contains(",col=12,") && command.contains(",endColumn=19,title=prisma-db-push::"), command);
        }
        // And each annotation lands on its own file, the name read back whole.
        List<String> expected = new ArrayList<>(names);
        expected.add("scripts/deploy.sh");
        assertEquals(expected.stream().sorted().toList(), files.stream().sorted().toList());
    }

    /** The runner's unescaping of a property value. */
    private static String unescapeProperty(String value) {
        return value.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",").replace("%25", "%");
    }

    @Test
    void sarifUrisThatWouldParseAsAbsoluteGetADotSlash() throws IOException {
        write("javascript:x.sh", "npx prisma db push\n");
        write("C:evil.sh", "npx prisma db push\n");
        CliRun run = CliRun.of(repo, "lint", "--format", "sarif");
        assertTrue(run.out().contains("\"uri\" : \"./javascript:x.sh\"") && run.out().contains("\"uri\" : \"./C:evil.sh\""),
                run.out());
        assertFalse(run.out().contains("\"uri\" : \"javascript:"), run.out());
        assertEquals(List.of(), SarifValidation.errors(run.out()));
    }

    @Test
    void aLineOfFiveThousandFindingsPrintsAWindowPerFindingNotTheLine() throws IOException {
        // Issue 20 item 6: 5,000 findings on a 100 KB line printed 741 MB of text.
        // Overwrites the healthy deploy.sh: its excerpts once showed a line cached by an earlier run in the same JVM.
        write("scripts/deploy.sh", "npx prisma db push;".repeat(5_000) + "\n");
        CliRun run = CliRun.of(repo, "lint");
        assertTrue(run.out().length() < 5_000 * 1_000, "text output of " + run.out().length() + " characters");
        List<String> excerpts = run.out().lines().filter(l -> l.startsWith("  1 | ")).toList();
        assertTrue(excerpts.size() >= 5_000, "one excerpt per finding: " + excerpts.size());
        assertTrue(excerpts.stream().allMatch(l -> l.length() < 200 && l.contains("prisma db push")),
                excerpts.stream().filter(l -> l.length() >= 200).findFirst().orElse(""));
        assertTrue(excerpts.stream().filter(l -> l.startsWith("  1 | \u2026") && l.endsWith("\u2026")).count() > 4_000,
                () -> "cut on both sides in the middle of the line: " + excerpts.stream()
                        .filter(l -> !(l.startsWith("  1 | \u2026") && l.endsWith("\u2026"))).skip(2).limit(3).toList());
    }

    @Test
    void aStepAliasedThousandsOfTimesIsOneFinding() throws IOException {
        // Issue 20 item 5: every alias of an anchored run command was parsed again.
        write(".github/workflows/ci.yml", "on: push\nx: &c \"npx prisma db push\"\njobs:\n  a:\n    steps:\n"
                + "      - run: *c\n".repeat(5_000));
        JsonNode json = lintJson();
        assertEquals(List.of(".github/workflows/ci.yml:2"), findings(json, "prisma-db-push").stream()
                .filter(f -> f.startsWith(".github")).toList());
    }
}
