package dev.migrationguard.testing;

import dev.migrationguard.cli.Main;
import dev.migrationguard.cli.Terminal;
import dev.migrationguard.rules.Rule;
import dev.migrationguard.rules.RuleRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** The outcome of running the whole CLI in-process. */
public record CliRun(int exitCode, String out, String err) {

    public static CliRun of(Path workingDir, List<Rule> rules, String... args) {
        return of(workingDir, rules, Terminal.SYSTEM, args);
    }

    /** Runs with standard error taken for a terminal or not, as {@code stderrIsTerminal} says, whatever it is. */
    public static CliRun withStderrTerminal(Path workingDir, boolean stderrIsTerminal, String... args) {
        return of(workingDir, null, Terminal.stderr(stderrIsTerminal), args);
    }

    private static CliRun of(Path workingDir, List<Rule> rules, Terminal terminal, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = Main.run(args, o, e, workingDir, rules == null ? RuleRegistry.all() : rules, terminal);
        }
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Runs with the real rule registry. */
    public static CliRun of(Path workingDir, String... args) {
        return of(workingDir, null, args);
    }
}
