package dev.migrationguard.sql;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.IntStream;
import org.antlr.v4.runtime.misc.Interval;

/**
 * A character stream over UTF-16 code units, so token offsets are offsets into {@code SourceFile.text()}
 * (ANTLR's own streams count code points, which would shift every position after an emoji).
 */
final class Utf16CharStream implements CharStream {
    private final String text;
    /** The text's code units: the lexer reads every one through {@link #LA}, and an array read is cheaper. */
    private final char[] chars;
    private final String name;
    /** Where reading stops: the text's length, or the end of the part being read. */
    private final int limit;
    private int position;

    Utf16CharStream(String text, String name) {
        this(text, name, 0, text.length());
    }

    /** Reads only {@code text[from, to)}, with offsets still into the whole text (a DO block's body in its file). */
    Utf16CharStream(String text, String name, int from, int to) {
        this.text = text;
        this.chars = text.toCharArray();
        this.name = name;
        this.limit = to;
        this.position = from;
    }

    @Override
    public String getText(Interval interval) {
        int start = Math.max(0, interval.a);
        int stop = Math.min(text.length() - 1, interval.b);
        return start > stop ? "" : text.substring(start, stop + 1);
    }

    @Override
    public void consume() {
        if (position >= limit) {
            throw new IllegalStateException("cannot consume EOF");
        }
        position++;
    }

    @Override
    public int LA(int i) {
        if (i == 0) {
            return 0;
        }
        int index = i < 0 ? position + i : position + i - 1;
        if (index < 0 || index >= limit) {
            return IntStream.EOF;
        }
        return chars[index];
    }

    @Override
    public int mark() {
        return -1;
    }

    @Override
    public void release(int marker) {
    }

    @Override
    public int index() {
        return position;
    }

    @Override
    public void seek(int index) {
        position = Math.min(index, limit);
    }

    @Override
    public int size() {
        return limit;
    }

    @Override
    public String getSourceName() {
        return name;
    }
}
