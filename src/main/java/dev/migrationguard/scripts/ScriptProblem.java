package dev.migrationguard.scripts;

import dev.migrationguard.workspace.SourceFile;

/**
 * Something in a script file that could not be read as written (an unterminated quote, malformed JSON or YAML).
 * Parsers record it instead of throwing; the rule layer decides whether to report it.
 *
 * @param file    the file
 * @param start   file offset where the problem starts
 * @param end     file offset where it ends
 * @param message what is wrong, in one sentence
 */
public record ScriptProblem(SourceFile file, int start, int end, String message) {
    /** The start of the message for YAML nested deeper than the reader goes: the file may be valid and run. */
    public static final String TOO_DEEP = "nested deeper than this YAML reader goes";
}
