package dev.migrationguard.scripts;

import dev.migrationguard.workspace.SourceFile;
import java.util.List;

/**
 * One command found in a file that runs commands, with where it runs.
 *
 * @param file        the file holding the command (for a package.json chain, the file of the script that holds it)
 * @param kind        what kind of file
 * @param context     where the command runs; for package.json scripts and Makefile targets, the strongest context
 *                    of any entry point that reaches it
 * @param origin      the part of the file, for messages: {@code script `db:push`}, {@code step `Migrate` of job
 *                    `deploy`}, {@code RUN instruction}
 * @param reachedFrom when the context comes from an entry point elsewhere, the chain from it to the script holding
 *                    the command, that script excluded ({@code [deploy, db:sync]}); empty otherwise
 * @param command     the command, every word with exact file offsets
 * @param directory   the folder the command starts in, relative to the repository root ("" or ending in "/"): the
 *                    file's folder, or a workflow step's {@code working-directory}
 * @param script      the whole script the command is part of (the step, the package script, the file), for rules
 *                    that read what runs around it
 */
public record CommandSite(SourceFile file, ScriptKind kind, ScriptContext context, String origin,
                          List<String> reachedFrom, ShellCommand command, String directory, ShellScript script) {

    public CommandSite {
        reachedFrom = List.copyOf(reachedFrom);
    }

    /** A command that is a script of its own. */
    public CommandSite(SourceFile file, ScriptKind kind, ScriptContext context, String origin,
                       List<String> reachedFrom, ShellCommand command, String directory) {
        this(file, kind, context, origin, reachedFrom, command, directory, new ShellScript(List.of(command), List.of()));
    }

    public String path() {
        return file.path();
    }

    /** File offset of the command's first word. */
    public int start() {
        return command.start();
    }

    /** File offset just after its last word. */
    public int end() {
        return command.end();
    }

    /** Where, for messages: {@code script `db:push` (reached from deploy -> db:sync)}. */
    public String where() {
        if (reachedFrom.isEmpty()) {
            return origin;
        }
        return origin + " (reached from " + String.join(" -> ", reachedFrom) + ")";
    }
}
