package dev.migrationguard.git;

import java.nio.charset.StandardCharsets;
import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;

/** Where two versions of a text first differ, by git's histogram line diff. */
public final class LineChanges {
    private LineChanges() {
    }

    /**
     * The 1-based line of {@code newText} that shows the first change: the first added or changed line that is not
     * blank (a deletion points at the line after it), skipping edits that only add or remove blank lines or the
     * final newline unless nothing else changed; 0 when the texts have the same lines.
     */
    public static int firstChangedLine(String oldText, String newText) {
        RawText a = new RawText(oldText.getBytes(StandardCharsets.UTF_8));
        RawText b = new RawText(newText.getBytes(StandardCharsets.UTF_8));
        EditList edits = DiffAlgorithm.getAlgorithm(DiffAlgorithm.SupportedAlgorithm.HISTOGRAM)
                .diff(RawTextComparator.DEFAULT, a, b);
        if (edits.isEmpty()) {
            return 0;
        }
        for (var edit : edits) {
            for (int line = edit.getBeginB(); line < edit.getEndB(); line++) {
                int before = edit.getBeginA() + line - edit.getBeginB();
                // A line that only gained or lost the newline at the end of the file is not where the change is.
                boolean sameText = before < edit.getEndA() && a.getString(before).equals(b.getString(line));
                if (!b.getString(line).isBlank() && !sameText) {
                    return line + 1;
                }
            }
            for (int line = edit.getBeginA(); line < edit.getEndA(); line++) {
                if (!a.getString(line).isBlank()) {
                    return clamp(edit.getBeginB() + 1, b.size());
                }
            }
        }
        return clamp(edits.get(0).getBeginB() + 1, b.size());
    }

    /**
     * Where a 1-based line of {@code oldText} is in {@code newText}: its own line when it survived, else the line
     * where what replaced it (or what followed it) begins, clamped to the new text's lines.
     */
    public static int mapLine(String oldText, String newText, int oldLine) {
        RawText a = new RawText(oldText.getBytes(StandardCharsets.UTF_8));
        RawText b = new RawText(newText.getBytes(StandardCharsets.UTF_8));
        EditList edits = DiffAlgorithm.getAlgorithm(DiffAlgorithm.SupportedAlgorithm.HISTOGRAM)
                .diff(RawTextComparator.DEFAULT, a, b);
        int index = oldLine - 1;
        int shift = 0;
        for (var edit : edits) {
            if (index < edit.getBeginA()) {
                break;
            }
            if (index < edit.getEndA()) {
                return clamp(edit.getBeginB() + 1, b.size());
            }
            shift += (edit.getEndB() - edit.getBeginB()) - (edit.getEndA() - edit.getBeginA());
        }
        return clamp(oldLine + shift, b.size());
    }

    private static int clamp(int line, int lines) {
        return Math.max(1, Math.min(line, lines));
    }
}
