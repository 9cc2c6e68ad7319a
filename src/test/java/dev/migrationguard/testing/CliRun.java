package dev.migrationguard.testing;

import dev.migrationguard.cli.Main;
import dev.migrationguard.rules.Rule;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** The outcome of running the whole CLI in-process. */
public record CliRun(int exitCode, String out, String err) {

    public static CliRun of(Path workingDir, List<Rule> rules, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = rules == null ? Main.run(args, o, e, workingDir) : Main.run(args, o, e, workingDir, rules);
        }
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Runs with the real rule registry. */
    public static CliRun of(Path workingDir, String... args) {
        return of(workingDir, null, args);
    }
}
