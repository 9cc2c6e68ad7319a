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
     * The 1-based line of {@code newText} where the first edit begins (a deletion points at the line after it, or
     * the last line), or 0 when the texts have the same lines.
     */
    public static int firstChangedLine(String oldText, String newText) {
        RawText a = new RawText(oldText.getBytes(StandardCharsets.UTF_8));
        RawText b = new RawText(newText.getBytes(StandardCharsets.UTF_8));
        EditList edits = DiffAlgorithm.getAlgorithm(DiffAlgorithm.SupportedAlgorithm.HISTOGRAM)
                .diff(RawTextComparator.DEFAULT, a, b);
        if (edits.isEmpty()) {
            return 0;
        }
        int line = edits.get(0).getBeginB() + 1;
        return Math.max(1, Math.min(line, b.size()));
    }
}
