package dev.migrationguard.scripts;

import java.util.List;

/**
 * A tokenized shell script: every simple command it runs (including those inside command substitutions and the
 * strings given to {@code sh -c}), and the spots it could not read.
 *
 * @param commands the commands, in order of their first word
 * @param problems unterminated quotes and similar, as messages with offsets in the file
 */
public record ShellScript(List<ShellCommand> commands, List<Problem> problems) {

    public ShellScript {
        commands = List.copyOf(commands);
        problems = List.copyOf(problems);
    }

    /** A spot of the script that could not be read as written. */
    public record Problem(int start, int end, String message) {
    }
}
