package dev.migrationguard.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrationguard.config.Config;
import dev.migrationguard.config.ConfigException;
import dev.migrationguard.config.ConfigLoader;
import dev.migrationguard.git.GitScan;
import dev.migrationguard.git.ScanMode;
import dev.migrationguard.git.ScanOptions;
import dev.migrationguard.rules.RulePages;
import dev.migrationguard.rules.RuleRegistry;
import dev.migrationguard.testing.SarifValidation;
import dev.migrationguard.workspace.WorkingTreeSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Snapshot tests of whole samples: every {@code samples/<name>/expected.txt} lists the findings (one
 * {@code path:line:col rule-id} a line, sorted) that all registered rules produce on that sample. Reviewing a
 * behaviour change is reading that file's diff. A sample with a {@code history/} folder is a git history: each
 * subfolder is one commit (see {@link SampleHistory}), linted with {@code --history}.
 */
class SamplesTest {
    private static final Path SAMPLES = Path.of(System.getProperty("user.dir")).resolve("samples");

    @TempDir
    static Path repositories;

    /** The sample's report: of its files, or, for a sample with a {@code history/} folder, of that history. */
    static Report report(Path sample) throws IOException {
        Config config = Config.defaults();
        if (Files.isRegularFile(sample.resolve(ConfigLoader.DEFAULT_FILE))) {
            try {
                config = new ConfigLoader(RuleRegistry.all()).load(sample.resolve(ConfigLoader.DEFAULT_FILE));
            } catch (ConfigException e) {
                return ConfigErrorReport.of(e, ConfigLoader.DEFAULT_FILE);
            }
        }
        Linter linter = new Linter(RuleRegistry.all(), config, Baseline.none());
        if (!Files.isDirectory(sample.resolve("history"))) {
            return linter.run(new WorkingTreeSnapshot(sample));
        }
        Path repo = SampleHistory.build(sample.resolve("history"),
                Files.createTempDirectory(repositories, sample.getFileName().toString()));
        try (GitScan scan = GitScan.run(repo, new ScanMode.History(), ScanOptions.defaults())) {
            return linter.run(scan.snapshot(), scan.changes());
        }
    }

    static List<String> findings(Path sample) throws IOException {
        return report(sample).results().stream().filter(r -> !r.suppressed()).map(Result::finding)
                .map(f -> f.path() + ":" + f.range().startLine() + ":" + f.range().startColumn() + " " + f.ruleId())
                .sorted().toList();
    }

    /** The expected lint findings: a database rule's lines are what `db` reports (DbSampleTest compares those). */
    static List<String> expected(Path sample) throws IOException {
        return Files.readAllLines(sample.resolve("expected.txt")).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .filter(l -> !RulePages.load(l.substring(l.indexOf(' ') + 1)).category().equals("database"))
                .sorted().toList();
    }

    @TestFactory
    Stream<DynamicTest> everySampleProducesExactlyItsExpectedFindings() throws IOException {
        List<Path> samples;
        try (Stream<Path> s = Files.list(SAMPLES)) {
            samples = s.filter(p -> Files.isRegularFile(p.resolve("expected.txt"))).sorted().toList();
        }
        return samples.stream().map(sample -> DynamicTest.dynamicTest(sample.getFileName().toString(), () ->
                assertEquals(expected(sample), findings(sample), "findings on samples/" + sample.getFileName())));
    }

    @TestFactory
    Stream<DynamicTest> everySampleRendersSchemaValidSarif() throws IOException {
        List<Path> samples;
        try (Stream<Path> s = Files.list(SAMPLES)) {
            samples = s.filter(p -> Files.isRegularFile(p.resolve("expected.txt"))).sorted().toList();
        }
        return samples.stream().map(sample -> DynamicTest.dynamicTest(sample.getFileName().toString(), () -> {
            Report report = report(sample);
            StringBuilder sarif = new StringBuilder();
            new SarifRenderer().render(report, sarif);
            assertEquals(List.of(), SarifValidation.errors(sarif.toString()));
        }));
    }
}
