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
    private final Terminal terminal;

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

    @Option(names = "--color", paramLabel = "WHEN", description = "Colour in text output: auto (on a terminal, unless "
            + "NO_COLOR is set or FORCE_COLOR asks for it), always, never (default: auto).")
    String color = "auto";

    @Option(names = {"-q", "--quiet"}, description = "Report errors only.")
    boolean quiet;

    @Option(names = "--max-warnings", paramLabel = "N", description = "Exit 1 when there are more than N warnings.")
    Integer maxWarnings;

    @Option(names = "--no-baseline", description = "Ignore the baseline file: report every finding.")
    boolean noBaseline;

    LintCommand(Path workingDir, List<Rule> allRules, Terminal terminal) {
        this.workingDir = workingDir;
        this.allRules = allRules;
        this.terminal = terminal;
    }

    @Override
    public Integer call() throws IOException {
        Format outputFormat = parseFormat(format);
        Severity threshold = parseFailOn(failOn);
        boolean colored = colored(color, System.getenv(), output == null && stdoutIsTerminal());
        if (maxWarnings != null && maxWarnings < 0) {
            throw new UsageException("--max-warnings needs a number of 0 or more");
        }
        Report report;
        ProgressLine progress = progressLine();
        try {
            report = scope.run(workingDir, allRules, loadBaseline(), progress == null ? ScanProgress.NONE : progress);
            if (quiet) {
                report = report.keeping(r -> r.finding().severity() == Severity.ERROR);
            }
        } catch (ConfigFailure failure) {
            // Said on stderr in one line, and in the requested format, so SARIF and annotations show it too.
            closeIfShown(progress);
            write(ConfigErrorReport.of(failure.error(), failure.path()), outputFormat);
            throw new UsageException(failure.getMessage());
        } finally {
            // Wiped before anything else is written, so no report or error line starts behind it.
            closeIfShown(progress);
        }
        write(report, outputFormat, colored);
        if (report.incomplete()) {
            return Main.USAGE;
        }
        if (maxWarnings != null && report.count(Severity.WARNING) > maxWarnings) {
            spec.commandLine().getErr().println("migration-guard: " + report.count(Severity.WARNING)
                    + " warnings, more than --max-warnings " + maxWarnings);
            return Main.FINDINGS;
        }
        return threshold != null && report.hasFindingsAtLeast(threshold) ? Main.FINDINGS : Main.CLEAN;
    }

    private static void closeIfShown(ProgressLine progress) {
        if (progress != null) {
            progress.close();
        }
    }

    /**
     * Whether text output is in colour: {@code --color always|never} decide; with {@code auto}, a set
     * {@code NO_COLOR} turns it off, a {@code FORCE_COLOR} other than 0 or false turns it on, and otherwise a
     * terminal on standard output does (not {@code TERM=dumb}).
     */
    static boolean colored(String when, java.util.Map<String, String> env, boolean terminal) {
        switch (when) {
            case "always" -> {
                return true;
            }
            case "never" -> {
                return false;
            }
            case "auto" -> {
                String no = env.get("NO_COLOR");
                if (no != null && !no.isEmpty()) {
                    return false;
                }
                String force = env.get("FORCE_COLOR");
                if (force != null) {
                    return !force.equals("0") && !force.equalsIgnoreCase("false");
                }
                return terminal && !"dumb".equals(env.get("TERM"));
            }
            default -> throw new UsageException("unknown --color '" + when + "' (expected auto, always or never)");
        }
    }

    /** Standard output is a terminal (Java 17 tells only when standard input is one too). */
    private static boolean stdoutIsTerminal() {
        return System.console() != null;
    }

    /** The progress line on stderr, whenever stderr is a terminal; null (nothing drawn, nothing started) otherwise. */
    private ProgressLine progressLine() {
        return ProgressLine.onTerminal(terminal, spec.commandLine().getErr());
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
        write(report, outputFormat, false);
    }

    private void write(Report report, Format outputFormat, boolean colored) throws IOException {
        dev.migrationguard.report.Renderer renderer = outputFormat == Format.TEXT
                ? new dev.migrationguard.report.TextRenderer(colored) : renderer(outputFormat);
        write(report, renderer, output, workingDir, spec.commandLine().getOut());
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
