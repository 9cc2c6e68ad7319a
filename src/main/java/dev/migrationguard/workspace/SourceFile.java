package dev.migrationguard.workspace;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The decoded text of one file of a snapshot, with the line index that turns character offsets into lines and
 * columns. CRLF, CR and LF all end a line; a byte-order mark is not part of the text.
 */
public final class SourceFile {
    private final String path;
    private final String text;
    /** Where each line starts, found when first asked: many files are only searched for a word and never cited. */
    private volatile int[] lineStarts;
    /** What parsers derived from this text, kept as long as the file is (see {@link #derived}). */
    private final Map<Object, Object> derived = new ConcurrentHashMap<>(2);

    public SourceFile(String path, String text) {
        this.path = path;
        this.text = text;
    }

    private int[] lineStarts() {
        int[] starts = lineStarts;
        if (starts == null) {
            // Two threads may both index the text: the same array either way.
            starts = indexLines(text);
            lineStarts = starts;
        }
        return starts;
    }

    private static int[] indexLines(String text) {
        int[] starts = new int[16];
        int count = 0;
        starts[count++] = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, count);
    }

    /**
     * A value computed from this file alone (a parse), built once however many models ask for it: a pre-commit run
     * reads a changed schema through two views of one snapshot. {@code key} names the computation.
     */
    @SuppressWarnings("unchecked")
    public <T> T derived(Object key, Function<SourceFile, T> compute) {
        Object value = derived.get(key);
        if (value == null) {
            value = compute.apply(this);
            Object raced = derived.putIfAbsent(key, value);
            value = raced != null ? raced : value;
        }
        return (T) value;
    }

    /** Path relative to the repository root, with {@code /} separators. */
    public String path() {
        return path;
    }

    public String text() {
        return text;
    }

    public int lineCount() {
        return lineStarts().length;
    }

    /** 1-based line of a character offset (an offset at the end of the text belongs to the last line). */
    public int line(int offset) {
        checkOffset(offset);
        int idx = Arrays.binarySearch(lineStarts(), offset);
        return idx >= 0 ? idx + 1 : -idx - 1;
    }

    /** 1-based column of a character offset, in UTF-16 code units. */
    public int column(int offset) {
        return offset - lineStarts()[line(offset) - 1] + 1;
    }

    /** Offset of a 1-based line and column; columns past the end of the line clamp to its end. */
    public int offset(int line, int column) {
        int[] starts = lineStarts();
        if (line < 1 || line > starts.length) {
            throw new IndexOutOfBoundsException("line " + line + " of " + starts.length + " in " + path);
        }
        int start = starts[line - 1];
        return Math.min(start + Math.max(column, 1) - 1, lineEnd(line));
    }

    /** The text of a 1-based line without its line terminator. */
    public String lineText(int line) {
        int[] starts = lineStarts();
        if (line < 1 || line > starts.length) {
            return "";
        }
        return text.substring(starts[line - 1], lineEnd(line));
    }

    private int lineEnd(int line) {
        int[] starts = lineStarts();
        int end = line < starts.length ? starts[line] : text.length();
        while (end > starts[line - 1] && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return end;
    }

    /** The range covering {@code [start, end)}; an empty span is a point. */
    public TextRange range(int start, int end) {
        checkOffset(start);
        checkOffset(end);
        if (end < start) {
            throw new IllegalArgumentException("end " + end + " before start " + start);
        }
        return new TextRange(line(start), column(start), line(end), column(end));
    }

    /** The whole of a 1-based line, without its terminator. */
    public TextRange lineRange(int line) {
        int start = offset(line, 1);
        return range(start, lineEnd(line));
    }

    private void checkOffset(int offset) {
        if (offset < 0 || offset > text.length()) {
            throw new IndexOutOfBoundsException("offset " + offset + " outside " + path + " (" + text.length() + " chars)");
        }
    }

    @Override
    public String toString() {
        return path;
    }
}
