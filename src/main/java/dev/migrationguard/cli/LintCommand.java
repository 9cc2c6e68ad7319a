package dev.migrationguard.cli;

import dev.migrationguard.git.ScanProgress;
import dev.migrationguard.report.Baseline;
import dev.migrationguard.report.ConfigErrorReport;
import dev.migrationguard.report.Format;
import dev.migrationguard.report.SarifRenderer;
import dev.migrationguard.report.Report;
import dev.migrationguard.rules.Rule;
import dev.migrationguard.rules.Severity;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code migration-guard lint [DIR]}: lint a repository and report. */
@Command(name = "lint", description = "Lint a repository: scripts, migrations, schema and history.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:no finding at or above the fail level",
            "1:findings at or above the fail level",
            "2:usage, configuration or internal error"})
final class LintCommand implements Callable<Integer> {
    private final Path workingDir;
    private final List<Rule> allRules;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    // --help and --version declared here rather than through mixinStandardHelpOptions, whose mixin picocli builds
    // by reflection on every start.
    @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @CommandLine.Option(names = {"-V", "--version"}, versionHelp = true, description = "Print version information and exit.")
    boolean version;

    @Mixin
    LintScope scope = new LintScope();

    @Option(names = "--format", paramLabel = "FORMAT", description = "Output format: text, json, sarif, github (default: text).")
    String format = "text";

    @Option(names = "--sarif-suppressed", paramLabel = "omit|include",
            description = "SARIF: leave suppressed findings out (omit, the default: code scanning would show them as open alerts) or include them marked suppressed.")
    String sarifSuppressed = "omit";

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
    Path output;

    @Option(names = "--fail-on", paramLabel = "LEVEL", description = "Exit 1 when a finding is at least this severe: error, warning, note, never (default: error).")
    String failOn = "error";

    @Option(names = "--baseline", paramLabel = "FILE", description = "Report findings listed in this baseline file as suppressed "
            + "(default: " + Baseline.DEFAULT_FILE + " at the repository root when present).")
    Path baseline;

    @Option(names = "--no-baseline", description = "Ignore the baseline file: report every finding.")
    boolean noBaseline;

    LintCommand(Path workingDir, List<Rule> allRules) {
        this.workingDir = workingDir;
        this.allRules = allRules;
    }

    @Override
    public Integer call() throws IOException {
        Format outputFormat = parseFormat(format);
        Severity threshold = parseFailOn(failOn);
        Report report;
        try {
            report = scope.run(workingDir, allRules, loadBaseline(), progress());
        } catch (ConfigFailure failure) {
            // Said on stderr in one line, and in the requested format, so SARIF and annotations show it too.
            write(ConfigErrorReport.of(failure.error(), failure.path()), outputFormat);
            throw new UsageException(failure.getMessage());
        }
        write(report, outputFormat);
        if (report.incomplete()) {
            return Main.USAGE;
        }
        return threshold != null && report.hasFindingsAtLeast(threshold) ? Main.FINDINGS : Main.CLEAN;
    }

    /** A progress line on stderr for long history walks, only when stderr is a terminal. */
    private ScanProgress progress() {
        if (System.console() == null || !scope.history) {
            return ScanProgress.NONE;
        }
        java.io.PrintWriter err = spec.commandLine().getErr();
        return (done, total) -> {
            if (done == total || done % 100 == 0) {
                err.print("\rcomparing commits: " + done + "/" + total + (done == total ? "\n" : ""));
                err.flush();
            }
        };
    }

    /**
     * The baseline: the one named, else the repository's own {@code .migration-guard-baseline.json} when present (as
     * ESLint reads its suppressions file), none with {@code --no-baseline}.
     */
    private Baseline loadBaseline() {
        if (noBaseline && baseline != null) {
            throw new UsageException("--baseline and --no-baseline contradict each other; give one");
        }
        if (noBaseline) {
            return Baseline.none();
        }
        Path file;
        if (baseline == null) {
            file = scope.root(workingDir).resolve(Baseline.DEFAULT_FILE);
            if (!Files.exists(file)) {
                return Baseline.none();
            }
        } else {
            file = workingDir.resolve(baseline);
        }
        if (!Files.exists(file)) {
            throw new UsageException("no such baseline file: " + baseline);
        }
        try {
            return Baseline.read(file);
        } catch (IOException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private void write(Report report, Format outputFormat) throws IOException {
        write(report, renderer(outputFormat), output, workingDir, spec.commandLine().getOut());
    }

    /** Renders a report to {@code output} (relative to the working directory), or to {@code out} when it is null. */
    static void write(Report report, dev.migrationguard.report.Renderer renderer, Path output, Path workingDir,
                      java.io.PrintWriter out) throws IOException {
        if (output == null) {
            StringBuilder text = new StringBuilder();
            renderer.render(report, text);
            out.print(text);
            out.flush();
            return;
        }
        Path file = workingDir.resolve(output);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            renderer.render(report, w);
        } catch (IOException e) {
            throw new UsageException("cannot write " + output + ": " + e.getMessage());
        }
    }

    private dev.migrationguard.report.Renderer renderer(Format outputFormat) {
        if (!sarifSuppressed.equals("omit") && !sarifSuppressed.equals("include")) {
            throw new UsageException("unknown --sarif-suppressed '" + sarifSuppressed + "' (expected omit or include)");
        }
        return outputFormat == Format.SARIF ? new SarifRenderer(sarifSuppressed.equals("include")) : outputFormat.renderer();
    }

    static Format parseFormat(String text) {
        try {
            return Format.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("unknown format '" + text + "' (expected text, json, sarif or github)");
        }
    }

    /** The fail threshold, or null for {@code never}. */
    static Severity parseFailOn(String text) {
        if (text.equals("never")) {
            return null;
        }
        return Severity.parse(text).orElseThrow(() ->
                new UsageException("unknown --fail-on level '" + text + "' (expected error, warning, note or never)"));
    }
}
