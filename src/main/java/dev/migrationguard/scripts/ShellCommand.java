package dev.migrationguard.scripts;

import java.util.List;

/**
 * One simple command of a shell script: its words (the program first), the variable assignments written before it,
 * and the here-documents fed to it. Reserved words ({@code if}, {@code then}, {@code do}, ...) are not words of a
 * command; commands inside {@code $(...)} and backticks are commands of their own.
 *
 * @param assignments {@code NAME=value} words before the program
 * @param words       the program and its arguments (may be empty for a bare assignment)
 * @param hereDocs    bodies of its here-documents, in order
 * @param flow        how it is joined to the commands around it
 */
public record ShellCommand(List<Word> assignments, List<Word> words, List<HereDoc> hereDocs, Flow flow) {

    public ShellCommand {
        assignments = List.copyOf(assignments);
        words = List.copyOf(words);
        hereDocs = List.copyOf(hereDocs);
    }

    /** A command read on its own (Docker's exec form, a compose list): nothing before or after it. */
    public ShellCommand(List<Word> assignments, List<Word> words, List<HereDoc> hereDocs) {
        this(assignments, words, hereDocs, Flow.NONE);
    }

    /**
     * Where a command sits in its command list, for rules that ask what happens when it fails.
     *
     * @param operator the control operator after it: {@code ||}, {@code &&}, {@code |}, {@code &}, {@code ;},
     *                 a newline, {@code (} or {@code )}, or "" at the end of the script
     * @param depth    how many {@code { ... }} and {@code ( ... )} groups it is inside
     * @param tested   whether it is the condition of {@code if}, {@code elif}, {@code while}, {@code until} or
     *                 negated with {@code !}, so its failure is a result rather than an error
     */
    public record Flow(String operator, int depth, boolean tested) {
        public static final Flow NONE = new Flow("", 0, false);
    }

    /** File offset of the command's first word (or assignment). */
    public int start() {
        if (!assignments.isEmpty()) {
            return assignments.get(0).start();
        }
        return words.isEmpty() ? 0 : words.get(0).start();
    }

    /** File offset just after its last word. */
    public int end() {
        int end = 0;
        for (Word w : assignments) {
            end = Math.max(end, w.end());
        }
        for (Word w : words) {
            end = Math.max(end, w.end());
        }
        return end;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (Word w : words) {
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(w.text());
        }
        return out.toString();
    }
}
