package dev.migrationguard.report;

/**
 * What a renderer prints of the scanned repository's text: a bounded window of a source line around a finding's
 * span (ESLint and rustc cut long lines the same way; a finding on a 100 KB line would otherwise reprint it whole,
 * once per finding), and every control character escaped, in excerpts as in file names, script names and messages,
 * so a crafted name cannot forge a {@code ::error} workflow command in a CI log or rewrite the terminal.
 */
public final class Excerpt {
    /** A line up to this many characters is shown whole. */
    static final int MAX_LINE = 160;
    /** Characters kept on each side of the span when a line is cut. */
    static final int CONTEXT = 40;
    /** The longest span shown: a longer one is cut after this many characters. */
    static final int MAX_SPAN = 80;
    /** Marks where a cut line goes on. */
    static final String CUT = "…";

    /**
     * A window of a line as printed: {@code text} with tabs expanded and control characters escaped, and the caret
     * under the span from display column {@code caretFrom} (0-based), {@code caretWidth} wide (at least 1).
     */
    public record Shown(String text, int caretFrom, int caretWidth) {
    }

    private Excerpt() {
    }

    /**
     * The window of {@code line} around the span {@code [from, to)} (0-based character indexes, clamped to the
     * line; {@code to} may lie before {@code from} for an empty span).
     */
    public static Shown window(String line, int from, int to) {
        int n = line.length();
        from = Math.max(0, Math.min(from, n));
        to = Math.max(from, Math.min(to, n));
        int start = 0;
        int end = n;
        if (n > MAX_LINE) {
            int spanEnd = Math.min(to, from + MAX_SPAN);
            start = boundary(line, Math.max(0, from - CONTEXT));
            end = boundary(line, Math.min(n, Math.max(spanEnd, from) + CONTEXT));
            to = Math.min(to, end);
        }
        StringBuilder out = new StringBuilder(end - start + 2);
        if (start > 0) {
            out.append(CUT);
        }
        int caretFrom = -1;
        int caretTo = -1;
        for (int i = start; i < end; i++) {
            if (i == from) {
                caretFrom = out.length();
            }
            if (i == to) {
                caretTo = out.length();
            }
            char c = line.charAt(i);
            if (c == '\t') {
                out.append("    ");
            } else {
                appendEscaped(out, c);
            }
        }
        if (caretFrom < 0) {
            caretFrom = out.length();
        }
        if (caretTo < 0) {
            caretTo = out.length();
        }
        if (end < n) {
            out.append(CUT);
        }
        // Surrogate pairs count as two chars but one column: measure in code points.
        int fromColumn = out.codePointCount(0, caretFrom);
        int width = Math.max(1, out.codePointCount(caretFrom, caretTo));
        return new Shown(out.toString(), fromColumn, width);
    }

    /** {@code i} moved off the second half of a surrogate pair, so a cut never splits a character. */
    private static int boundary(String s, int i) {
        return i > 0 && i < s.length() && Character.isLowSurrogate(s.charAt(i)) && Character.isHighSurrogate(s.charAt(i - 1))
                ? i - 1 : i;
    }

    /**
     * {@code s} with every control character written as an escape ({@code \n}, {@code \r}, {@code \t},
     * {@code \x1b}, {@code \u202e}): C0 and C1 controls, DEL, line and paragraph separators and the bidirectional
     * overrides that reorder what a terminal shows. A backslash stays as it is.
     */
    public static String escape(String s) {
        int i = 0;
        while (i < s.length() && !isControl(s.charAt(i))) {
            i++;
        }
        if (i == s.length()) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length() + 8).append(s, 0, i);
        for (; i < s.length(); i++) {
            appendEscaped(out, s.charAt(i));
        }
        return out.toString();
    }

    private static void appendEscaped(StringBuilder out, char c) {
        if (!isControl(c)) {
            out.append(c);
            return;
        }
        switch (c) {
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            default -> out.append(c < 0x100 ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c));
        }
    }

    static boolean isControl(char c) {
        return c < 0x20 || c >= 0x7f && c < 0xa0 || c == '\u2028' || c == '\u2029' || c >= '\u202a' && c <= '\u202e'
                || c >= '\u2066' && c <= '\u2069' || c == '\u200e' || c == '\u200f' || c == '\u061c';
    }
}
