package dev.migrationguard.cli;

import dev.migrationguard.testing.TestFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migrationguard.rules.Rule;
import dev.migrationguard.testing.CliRun;
import dev.migrationguard.testing.MarkerRule;
import dev.migrationguard.testing.SarifValidation;
import dev.migrationguard.testing.ThrowingRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LintCommandTest {
    private static final List<Rule> RULES = List.of(new MarkerRule());

    @TempDir
    Path dir;

    private void write(String path, String content) throws IOException {
        TestFiles.write(dir, path, content);
    }

    private CliRun lint(String... args) {
        String[] full = new String[args.length + 1];
        full[0] = "lint";
        System.arraycopy(args, 0, full, 1, args.length);
        return CliRun.of(dir, RULES, full);
    }

    @Test
    void cleanRepositoryExitsZero() throws IOException {
        write("run.sh", "echo hello\n");
        CliRun run = lint();
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("no problems (0 errors, 0 warnings, 0 notes) in working tree\n", run.out());
    }

    @Test
    void textFormatShowsLocationSourceLineCaretFixAndSummary() throws IOException {
        write("scripts/run.sh", "#!/bin/sh\n  echo DANGER now\n");
        CliRun run = lint("--fail-on", "warning");
        assertEquals(1, run.exitCode());
        assertEquals("""
                scripts/run.sh
                  2:8  warning  test-marker  the word DANGER appears
                  2 |   echo DANGER now
                    |        ^^^^^^
                  = fix: remove it

                1 problem (0 errors, 1 warning, 0 notes) in working tree
                """, run.out());
    }

    @Test
    void warningsDoNotFailTheDefaultErrorThreshold() throws IOException {
        write("a.sh", "DANGER\n");
        assertEquals(0, lint().exitCode());
        assertEquals(1, lint("--fail-on", "note").exitCode());
        assertEquals(0, lint("--fail-on", "never").exitCode());
    }

    @Test
    void configSeverityOverridesTheRulesOwn() throws IOException {
        write("a.sh", "DANGER\n");
        write(".migration-guard.yml", "rules:\n  test-marker: error\n");
        CliRun run = lint();
        assertEquals(1, run.exitCode());
        assertTrue(run.out().startsWith("a.sh\n  1:1  error  "), run.out());
    }

    @Test
    void configCanTurnARuleOffAndEnableTurnsItBackOn() throws IOException {
        write("a.sh", "DANGER\n");
        write(".migration-guard.yml", "rules:\n  test-marker: off\n");
        assertEquals(0, lint("--fail-on", "note").exitCode());
        assertEquals(1, lint("--fail-on", "note", "--enable", "test-marker").exitCode());
        assertEquals(0, lint("--fail-on", "note", "--enable", "test-marker", "--disable", "test-marker").exitCode());
    }

    @Test
    void badConfigExitsTwoWithFileAndLine() throws IOException {
        write(".migration-guard.yml", "rules:\n  test-marker: loud\n");
        CliRun run = lint();
        assertEquals(2, run.exitCode());
        assertEquals("migration-guard: " + dir.resolve(".migration-guard.yml")
                + ":2: bad severity 'loud' for test-marker (expected error, warning, note or off)\n", run.err());
        assertTrue(run.out().startsWith(".migration-guard.yml\n  2:1  error  config-error  bad severity 'loud' for"
                + " test-marker (expected error, warning, note or off)\n"), run.out());
    }

    @Test
    void badConfigIsAConfigErrorResultInSchemaValidSarif() throws IOException {
        write(".migration-guard.yml", "rules:\n  test-marker: warning\n  no-such-rule: off\n");
        CliRun run = lint("--format", "sarif");
        assertEquals(2, run.exitCode());
        assertEquals(List.of(), SarifValidation.errors(run.out()));
        JsonNode result = new ObjectMapper().readTree(run.out()).at("/runs/0/results/0");
        assertEquals("config-error", result.get("ruleId").asText());
        assertEquals(".migration-guard.yml", result.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
        assertEquals(3, result.at("/locations/0/physicalLocation/region/startLine").asInt());
    }

    @Test
    void missingDirectoryExitsTwoWithOneLine() {
        CliRun run = lint("does-not-exist");
        assertEquals(2, run.exitCode());
        assertEquals("migration-guard: no such directory: does-not-exist\n", run.err());
    }

    @Test
    void missingExplicitConfigExitsTwo() {
        CliRun run = lint("--config", "nope.yml");
        assertEquals(2, run.exitCode());
        assertEquals("migration-guard: no such configuration file: nope.yml\n", run.err());
    }

    @Test
    void unknownRuleInDisableExitsTwo() {
        CliRun run = lint("--disable", "no-such-rule");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("unknown rule 'no-such-rule' in --disable"), run.err());
    }

    @Test
    void badOptionValuesExitTwoWithoutAStackTrace() {
        CliRun format = lint("--format", "xml");
        CliRun failOn = lint("--fail-on", "fatal");
        CliRun unknown = lint("--colour");
        assertEquals(List.of(2, 2, 2), List.of(format.exitCode(), failOn.exitCode(), unknown.exitCode()));
        assertEquals("migration-guard: unknown format 'xml' (expected text, json, sarif or github)\n", format.err());
        assertFalse(unknown.err().contains("at dev."), unknown.err());
    }

    @Test
    void aFailingRuleIsReportedWhileTheOthersStillReportAndExitIsTwo() throws IOException {
        write("a.sh", "DANGER\n");
        CliRun run = CliRun.of(dir, List.of(new MarkerRule(), new ThrowingRule()), "lint", "--format", "json");
        assertEquals(2, run.exitCode());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals("test-marker", json.at("/findings/0/ruleId").asText());
        assertEquals("test-throwing", json.at("/errors/0/ruleId").asText());
        assertEquals("a.sh", json.at("/errors/0/path").asText());
        assertTrue(json.at("/errors/0/message").asText().startsWith("java.lang.IllegalStateException: boom"));
    }

    /** A rule with the test page's id that fails with {@code error}. */
    private static Rule failingWith(Error error) {
        return new Rule() {
            @Override
            public String id() {
                return "test-throwing";
            }

            @Override
            public void check(dev.migrationguard.rules.RuleContext context, dev.migrationguard.rules.Findings findings) {
                throw error;
            }
        };
    }

    @Test
    void outOfMemoryOrAnyCrashExitsTwoWithOneLineNeverALintResult() throws IOException {
        // Issue 20 item 8: an OutOfMemoryError ended a run with exit 1 and a stack trace, which reads as findings.
        write("a.sh", "DANGER\n");
        // (A StackOverflowError is one rule's failure: the other rules still report, see the test above.)
        for (Error error : List.of(new OutOfMemoryError("Java heap space"), new AssertionError("unexpected"))) {
            for (String format : List.of("text", "json", "sarif")) {
                CliRun run = CliRun.of(dir, List.of(new MarkerRule(), failingWith(error)), "lint", "--format", format);
                assertEquals(2, run.exitCode(), run.out() + run.err());
                assertEquals(1, run.err().strip().lines().count(), run.err());
                assertTrue(run.err().startsWith("migration-guard: "), run.err());
                assertFalse(run.err().contains("\tat "), run.err());
                assertTrue(error instanceof OutOfMemoryError ? run.err().contains("out of memory")
                        : run.err().contains("internal error"), run.err());
            }
        }
    }

    @Test
    void aFailingRuleNeverTurnsTheTextSummaryIntoNoProblems() throws IOException {
        // Issue 20 item 7: every rule failed on a deep tree and the report said "no problems".
        write("a.sh", "echo fine\n");
        CliRun run = CliRun.of(dir, List.of(new MarkerRule(), new ThrowingRule()), "lint");
        assertEquals(2, run.exitCode(), run.out());
        String summary = run.out().strip().lines().reduce((a, b) -> b).orElseThrow();
        assertFalse(summary.contains("no problems"), summary);
        assertTrue(summary.startsWith("incomplete: 1 rule failed; 0 problems found by the other rules"), summary);
    }

    @Test
    void inlineCommentSuppressesOnTheLineAboveOrTheSameLine() throws IOException {
        write("a.sh", "# migration-guard-ignore test-marker: prototype script\necho DANGER\necho DANGER # migration-guard-ignore test-marker\necho DANGER\n");
        CliRun run = lint("--format", "json");
        JsonNode findings = new ObjectMapper().readTree(run.out()).get("findings");
        assertEquals(List.of(true, true, false), List.of(findings.get(0).get("suppressed").asBoolean(),
                findings.get(1).get("suppressed").asBoolean(), findings.get(2).get("suppressed").asBoolean()));
        assertEquals("prototype script", findings.get(0).at("/suppression/justification").asText());
        assertEquals("inSource", findings.get(0).at("/suppression/kind").asText());
    }

    @Test
    void suppressionForAnotherRuleDoesNotApply() throws IOException {
        write("a.sql", "-- migration-guard-ignore destructive-drop: not this one\nDANGER\n");
        CliRun run = lint("--fail-on", "warning");
        assertEquals(1, run.exitCode());
    }

    @Test
    void sarifIsSchemaValidWithRulesResultsSuppressionsAndNotifications() throws IOException {
        write("a b/run.sh", "echo DANGER\n# migration-guard-ignore test-marker: known\necho DANGER\n");
        Files.write(dir.resolve("blob.sql"), new byte[] {1, 0, 1});
        CliRun run = lint("--format", "sarif", "--sarif-suppressed", "include");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(List.of(), SarifValidation.errors(run.out()));
        JsonNode sarif = new ObjectMapper().readTree(run.out());
        JsonNode runNode = sarif.at("/runs/0");
        assertEquals("test-marker", runNode.at("/tool/driver/rules/0/id").asText());
        assertEquals("warning", runNode.at("/tool/driver/rules/0/defaultConfiguration/level").asText());
        assertTrue(runNode.at("/tool/driver/rules/0/help/markdown").asText().contains("## Why"));
        JsonNode result = runNode.at("/results/0");
        assertEquals(0, result.get("ruleIndex").asInt());
        assertEquals("a%20b/run.sh", result.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
        assertEquals("%SRCROOT%", result.at("/locations/0/physicalLocation/artifactLocation/uriBaseId").asText());
        assertEquals(1, result.at("/locations/0/physicalLocation/region/startLine").asInt());
        assertEquals(6, result.at("/locations/0/physicalLocation/region/startColumn").asInt());
        assertEquals(12, result.at("/locations/0/physicalLocation/region/endColumn").asInt());
        assertFalse(result.at("/partialFingerprints").isEmpty());
        assertEquals("inSource", runNode.at("/results/1/suppressions/0/kind").asText());
        assertEquals("blob.sql: skipped: binary file",
                runNode.at("/invocations/0/toolExecutionNotifications/0/message/text").asText());
    }

    @Test
    void githubFormatPrintsWorkflowCommandsWithEscapedValues() throws IOException {
        write("dir,x/a.sh", "echo DANGER\n");
        CliRun run = lint("--format", "github");
        assertEquals("::warning file=dir%2Cx/a.sh,line=1,col=6,endLine=1,endColumn=12,title=test-marker::"
                + "the word DANGER appears%0AFix: remove it\n"
                + "1 problem (0 errors, 1 warning, 0 notes) in working tree\n", run.out());
    }

    @Test
    void outputOptionWritesTheReportToAFile() throws IOException {
        write("a.sh", "DANGER\n");
        CliRun run = lint("--format", "json", "--output", "report.json");
        assertEquals("", run.out());
        assertEquals(1, new ObjectMapper().readTree(dir.resolve("report.json").toFile()).get("findings").size());
    }

    @Test
    void fingerprintSurvivesLinesInsertedAbove() throws IOException {
        write("a.sh", "echo DANGER\n");
        String before = new ObjectMapper().readTree(lint("--format", "json").out()).at("/findings/0/fingerprint").asText();
        write("a.sh", "# header\n\n\necho DANGER\n");
        JsonNode after = new ObjectMapper().readTree(lint("--format", "json").out()).at("/findings/0");
        assertEquals(4, after.get("line").asInt());
        assertEquals(before, after.get("fingerprint").asText());
    }

    @Test
    void identicalFindingsInOneFileGetDistinctFingerprints() throws IOException {
        write("a.sh", "DANGER\nDANGER\n");
        JsonNode f = new ObjectMapper().readTree(lint("--format", "json").out()).get("findings");
        assertFalse(f.get(0).get("fingerprint").asText().equals(f.get(1).get("fingerprint").asText()));
    }

    @Test
    void secretsAreMaskedInEveryFormat() throws IOException {
        write("a.env", "DANGER secret=hunter2xyz\nURL=postgresql://app:s3cretpw@db.example.com/app DANGER\n");
        for (String format : List.of("text", "json", "sarif", "github")) {
            CliRun run = lint("--format", format);
            assertFalse(run.out().contains("hunter2xyz"), format + ": " + run.out());
        }
        String text = lint().out();
        assertTrue(text.contains("  1 | DANGER secret=****\n    | ^^^^^^\n"), text);
    }

    @Test
    void versionAndHelpWork() {
        CliRun version = CliRun.of(dir, RULES, "--version");
        assertEquals(0, version.exitCode());
        assertTrue(version.out().startsWith("migration-guard "), version.out());
        CliRun help = CliRun.of(dir, RULES, "lint", "--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("--fail-on"), help.out());
        assertTrue(help.out().contains("Exit codes:"), help.out());
    }

    @Test
    void topLevelHelpListsEveryCommandThoughARunBuildsOnlyTheOneItNames() {
        CliRun help = CliRun.of(dir, RULES, "--help");
        assertEquals(0, help.exitCode());
        for (String command : List.of("lint", "rules", "baseline", "install-hook", "init", "db", "help")) {
            assertTrue(help.out().contains("\n  " + command + " "), command + " missing from:\n" + help.out());
        }
        CliRun helpLint = CliRun.of(dir, RULES, "help", "lint");
        assertEquals(0, helpLint.exitCode());
        assertTrue(helpLint.out().startsWith("Usage: migration-guard lint"), helpLint.out());
        CliRun typo = CliRun.of(dir, RULES, "lnit");
        assertEquals(2, typo.exitCode());
        assertTrue(typo.err().contains("'lnit'"), typo.err());
        assertEquals(List.of(LintCommand.class), List.copyOf(Main.subcommandsFor(new String[] {"lint", "--staged"})));
        assertEquals(7, Main.subcommandsFor(new String[] {"--help"}).size());
    }

    @Test
    void aFindingAboutAnEarlierCommitQuotesThatCommitsLineNotTodays() {
        String schema = "prisma/schema.prisma";
        String header = "datasource db {\n  provider = \"postgresql\"\n  url      = env(\"DATABASE_URL\")\n}\n\n";
        try (dev.migrationguard.testing.TestRepository repo = dev.migrationguard.testing.TestRepository.init(dir.resolve("repo"))) {
            repo.write(schema, header + "model User {\n  id Int @id\n}\n")
                    .write("prisma/migrations/20240101000000_init/migration.sql", "CREATE TABLE \"User\" (\"id\" INTEGER);\n")
                    .commitAll("init");
            repo.write(schema, header + "model User {\n  id Int @id\n}\n\nmodel Quest {\n  id Int @id\n}\n")
                    .commitAll("add Quest without a migration");
            // Today the schema reads differently: line 10 is no longer the Quest model.
            repo.write(schema, "// rewritten\n\n\n\n\n\n\n\n\n" + header + "model User {\n  id Int @id\n}\n")
                    .write("prisma/migrations/20240301000000_drop_quest/migration.sql", "-- nothing\n")
                    .commitAll("rewrite");
            CliRun run = CliRun.of(repo.root(), "lint", "--history");
            assertTrue(run.out().contains("prisma/schema.prisma\n  10:7  error  schema-change-without-migration  Commit "), run.out());
            assertTrue(run.out().contains("  10 | model Quest {\n     |       ^^^^^^^\n"), run.out());
        }
    }
}
