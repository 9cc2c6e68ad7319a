package dev.migrationguard.cli;

import dev.migrationguard.git.ScanProgress;
import dev.migrationguard.report.Baseline;
import dev.migrationguard.report.Report;
import dev.migrationguard.rules.Rule;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code migration-guard baseline [DIR]}: record today's findings so only new ones fail later runs. */
@Command(name = "baseline", mixinStandardHelpOptions = true,
        description = "Write the fingerprints of today's findings to a baseline file; `lint --baseline FILE` then "
                + "reports them as suppressed, so only new problems fail.")
final class BaselineCommand implements Callable<Integer> {
    private final Path workingDir;
    private final List<Rule> allRules;
    private final Terminal terminal;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    LintScope scope = new LintScope();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Where to write (default: DIR/" + Baseline.DEFAULT_FILE + ").")
    Path output;

    @Option(names = "--force", description = "Overwrite an existing baseline file.")
    boolean force;

    BaselineCommand(Path workingDir, List<Rule> allRules, Terminal terminal) {
        this.workingDir = workingDir;
        this.allRules = allRules;
        this.terminal = terminal;
    }

    @Override
    public Integer call() throws IOException {
        Path root = scope.root(workingDir);
        Path file = output == null ? root.resolve(Baseline.DEFAULT_FILE) : workingDir.resolve(output);
        NoFollowWrite.check(file, root, force, "pass --force to overwrite it");
        // A baseline records every finding of the version it lints, never only those of a staged change.
        scope.allFiles = scope.staged;
        Report report;
        ProgressLine progress = ProgressLine.onTerminal(terminal, spec.commandLine().getErr());
        try {
            report = scope.run(workingDir, allRules, Baseline.none(), progress == null ? ScanProgress.NONE : progress);
        } finally {
            // Wiped before anything else is written, so no message starts behind it.
            if (progress != null) {
                progress.close();
            }
        }
        String document = Baseline.render(report.results());
        NoFollowWrite.write(file, root, document, force, "pass --force to overwrite it");
        long count = report.results().stream().filter(r -> !r.suppressed()).count();
        spec.commandLine().getOut().println("wrote " + count + (count == 1 ? " finding" : " findings") + " to " + file);
        if (report.incomplete()) {
            spec.commandLine().getErr().println("migration-guard: " + report.errors().size()
                    + " rule(s) failed; their findings are missing from the baseline");
            return Main.USAGE;
        }
        return Main.CLEAN;
    }
}
