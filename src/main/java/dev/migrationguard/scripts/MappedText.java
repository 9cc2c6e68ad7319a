package dev.migrationguard.scripts;

import java.util.Arrays;

/**
 * Text decoded from a region of a file (a JSON string, a YAML block scalar, a quoted shell word, an expanded Makefile
 * variable), with the raw span in the file that each of its characters came from. Scripts are tokenized on the
 * decoded text while every word keeps exact file offsets.
 */
public final class MappedText {
    private final String text;
    private final int[] starts;
    private final int[] ends;
    /** Where an empty text sits in the file. */
    private final int origin;

    private MappedText(String text, int[] starts, int[] ends, int origin) {
        this.text = text;
        this.starts = starts;
        this.ends = ends;
        this.origin = origin;
    }

    /** The characters {@code [start, end)} of {@code source}, each at its own offset. */
    public static MappedText identity(String source, int start, int end) {
        int n = end - start;
        int[] s = new int[n];
        int[] e = new int[n];
        for (int i = 0; i < n; i++) {
            s[i] = start + i;
            e[i] = start + i + 1;
        }
        return new MappedText(source.substring(start, end), s, e, start);
    }

    public static Builder builder(int origin) {
        return new Builder(origin);
    }

    public String text() {
        return text;
    }

    public int length() {
        return text.length();
    }

    public char charAt(int i) {
        return text.charAt(i);
    }

    /** File offset where character {@code i} starts; {@code i == length()} gives the end of the text. */
    public int start(int i) {
        if (i < text.length()) {
            return starts[i];
        }
        return text.isEmpty() ? origin : ends[text.length() - 1];
    }

    /** File offset just after the raw text of character {@code i}. */
    public int end(int i) {
        return ends[i];
    }

    /** File offset just after the raw text of the characters before {@code i} (the origin when {@code i == 0}). */
    public int endBefore(int i) {
        return i == 0 ? start(0) : ends[i - 1];
    }

    public MappedText slice(int from, int to) {
        return new MappedText(text.substring(from, to), Arrays.copyOfRange(starts, from, to),
                Arrays.copyOfRange(ends, from, to), start(from));
    }

    @Override
    public String toString() {
        return text;
    }

    /** Appends characters with their raw spans. */
    public static final class Builder {
        private final StringBuilder text = new StringBuilder();
        private int[] starts = new int[32];
        private int[] ends = new int[32];
        private final int origin;

        private Builder(int origin) {
            this.origin = origin;
        }

        public Builder append(char c, int rawStart, int rawEnd) {
            int n = text.length();
            if (n == starts.length) {
                starts = Arrays.copyOf(starts, n * 2);
                ends = Arrays.copyOf(ends, n * 2);
            }
            text.append(c);
            starts[n] = rawStart;
            ends[n] = rawEnd;
            return this;
        }

        /** Appends character {@code i} of another mapped text with its span. */
        public Builder append(MappedText from, int i) {
            return append(from.charAt(i), from.start(i), from.end(i));
        }

        /** Appends the characters {@code [from, to)} of another mapped text. */
        public Builder append(MappedText source, int from, int to) {
            for (int i = from; i < to; i++) {
                append(source, i);
            }
            return this;
        }

        /** Appends a string whose characters all stand for one raw span (an expanded variable). */
        public Builder appendAll(CharSequence s, int rawStart, int rawEnd) {
            for (int i = 0; i < s.length(); i++) {
                append(s.charAt(i), rawStart, rawEnd);
            }
            return this;
        }

        public int length() {
            return text.length();
        }

        public MappedText build() {
            int n = text.length();
            return new MappedText(text.toString(), Arrays.copyOf(starts, n), Arrays.copyOf(ends, n), origin);
        }
    }
}
