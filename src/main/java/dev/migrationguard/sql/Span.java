package dev.migrationguard.sql;

/**
 * Characters {@code [start, end)} of a source file, as UTF-16 offsets into {@code SourceFile.text()}.
 */
public record Span(int start, int end) {

    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span " + start + ".." + end);
        }
    }

    public int length() {
        return end - start;
    }

    /** The smallest span covering this one and {@code other}. */
    public Span union(Span other) {
        return new Span(Math.min(start, other.start), Math.max(end, other.end));
    }

    public boolean contains(int offset) {
        return offset >= start && offset < end;
    }

    // Written out rather than left to the record: its generated equals runs through method handles, which a short
    // run interprets (spans are compared for every statement of a DO block).
    @Override
    public boolean equals(Object other) {
        return other instanceof Span span && span.start == start && span.end == end;
    }

    @Override
    public int hashCode() {
        return 31 * start + end;
    }
}
