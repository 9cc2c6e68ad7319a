package dev.migrationguard.workspace;

/**
 * A region of a text file: 1-based lines and columns, columns counted in UTF-16 code units (SARIF's default
 * {@code columnKind}); the end column is exclusive, as in SARIF.
 */
public record TextRange(int startLine, int startColumn, int endLine, int endColumn) {

    public TextRange {
        if (startLine < 1 || startColumn < 1 || endLine < startLine
                || (endLine == startLine && endColumn < startColumn)) {
            throw new IllegalArgumentException("bad range " + startLine + ":" + startColumn + "-" + endLine + ":" + endColumn);
        }
    }

    /** The first character of a line: for findings about a whole file. */
    public static TextRange startOfFile() {
        return new TextRange(1, 1, 1, 1);
    }

    public static TextRange point(int line, int column) {
        return new TextRange(line, column, line, column);
    }

    @Override
    public String toString() {
        return startLine + ":" + startColumn + "-" + endLine + ":" + endColumn;
    }
}
