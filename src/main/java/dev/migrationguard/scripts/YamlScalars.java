package dev.migrationguard.scripts;

import dev.migrationguard.workspace.SourceFile;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Maps a YAML scalar's value back to the file: plain, quoted ({@code '...'}, {@code "..."} with escapes) and block
 * ({@code |}, {@code >}, with chomping and indentation) scalars, line folding included. The result is checked
 * against SnakeYAML's own value; when they differ every character maps to the scalar's first character, so a
 * finding is never placed in the wrong line of a block, only less precisely.
 */
final class YamlScalars {
    private YamlScalars() {
    }

    /** File offset of a SnakeYAML mark (whose columns count code points). */
    static int offset(SourceFile file, Mark mark) {
        int line = mark.getLine() + 1;
        if (line > file.lineCount()) {
            return file.text().length();
        }
        int lineStart = file.offset(line, 1);
        String text = file.text();
        int i = lineStart;
        for (int col = 0; col < mark.getColumn() && i < text.length(); col++) {
            i += Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length() ? 2 : 1;
        }
        return i;
    }

    static MappedText value(SourceFile file, ScalarNode node) {
        String text = file.text();
        int start = offset(file, node.getStartMark());
        int end = Math.max(start, offset(file, node.getEndMark()));
        MappedText mapped;
        try {
            DumperOptions.ScalarStyle style = node.getScalarStyle();
            mapped = switch (style) {
                case LITERAL, FOLDED -> block(text, start, style == DumperOptions.ScalarStyle.FOLDED);
                case SINGLE_QUOTED -> flow(text, start + 1, Math.max(start + 1, end - 1), '\'');
                case DOUBLE_QUOTED -> flow(text, start + 1, Math.max(start + 1, end - 1), '"');
                default -> flow(text, start, end, '\0');
            };
        } catch (RuntimeException e) {
            mapped = null;
        }
        if (mapped != null && mapped.text().equals(node.getValue())) {
            return mapped;
        }
        MappedText.Builder degraded = MappedText.builder(start);
        return degraded.appendAll(node.getValue(), start, Math.min(end, start + 1)).build();
    }

    private static boolean isBreak(char c) {
        return c == '\n' || c == '\r';
    }

    /** Plain and quoted scalars: escapes, then folding of line breaks (one break is a space, n+1 breaks are n). */
    private static MappedText flow(String text, int from, int to, char quote) {
        MappedText.Builder b = MappedText.builder(from);
        int pendingStart = -1;
        StringBuilder pending = new StringBuilder();
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t') {
                if (pending.length() == 0) {
                    pendingStart = i;
                }
                pending.append(c);
                i++;
                continue;
            }
            if (isBreak(c)) {
                pending.setLength(0);
                int breaks = 0;
                int breakAt = i;
                while (i < to && (isBreak(text.charAt(i)) || text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                    if (text.charAt(i) == '\n' || text.charAt(i) == '\r' && (i + 1 >= to || text.charAt(i + 1) != '\n')) {
                        breaks++;
                    }
                    i++;
                }
                if (breaks == 1) {
                    b.append(' ', breakAt, breakAt + 1);
                } else {
                    for (int k = 1; k < breaks; k++) {
                        b.append('\n', breakAt, breakAt + 1);
                    }
                }
                continue;
            }
            if (pending.length() > 0) {
                for (int k = 0; k < pending.length(); k++) {
                    b.append(pending.charAt(k), pendingStart + k, pendingStart + k + 1);
                }
                pending.setLength(0);
            }
            if (quote == '\'' && c == '\'' && i + 1 < to && text.charAt(i + 1) == '\'') {
                b.append('\'', i, i + 2);
                i += 2;
            } else if (quote == '"' && c == '\\' && i + 1 < to) {
                i = escape(text, i, to, b);
            } else {
                b.append(c, i, i + 1);
                i++;
            }
        }
        if (pending.length() > 0 && quote != '\0') {
            for (int k = 0; k < pending.length(); k++) {
                b.append(pending.charAt(k), pendingStart + k, pendingStart + k + 1);
            }
        }
        return b.build();
    }

    /** One escape of a double-quoted scalar at {@code i}; returns the index after it. */
    private static int escape(String text, int i, int to, MappedText.Builder b) {
        char e = text.charAt(i + 1);
        if (isBreak(e)) {
            // an escaped line break joins the lines without a space
            int j = i + 1;
            j += text.charAt(j) == '\r' && j + 1 < to && text.charAt(j + 1) == '\n' ? 2 : 1;
            while (j < to && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
                j++;
            }
            return j;
        }
        int hex = switch (e) {
            case 'x' -> 2;
            case 'u' -> 4;
            case 'U' -> 8;
            default -> 0;
        };
        if (hex > 0) {
            int cp = Integer.parseInt(text.substring(i + 2, i + 2 + hex), 16);
            for (char ch : Character.toChars(cp)) {
                b.append(ch, i, i + 2 + hex);
            }
            return i + 2 + hex;
        }
        char decoded = switch (e) {
            case '0' -> '\0';
            case 'a' -> '\u0007';
            case 'b' -> '\b';
            case 't', '\t' -> '\t';
            case 'n' -> '\n';
            case 'v' -> '\u000b';
            case 'f' -> '\f';
            case 'r' -> '\r';
            case 'e' -> '\u001b';
            case 'N' -> '\u0085';
            case '_' -> '\u00a0';
            case 'L' -> '\u2028';
            case 'P' -> '\u2029';
            default -> e;
        };
        b.append(decoded, i, i + 2);
        return i + 2;
    }

    /** A block scalar whose header ({@code |} or {@code >}) is at {@code header}. */
    private static MappedText block(String text, int header, boolean folded) {
        int i = header + 1;
        char chomp = 'c';
        int explicit = 0;
        while (i < text.length() && !isBreak(text.charAt(i)) && text.charAt(i) != ' ' && text.charAt(i) != '#') {
            char c = text.charAt(i);
            if (c == '-' || c == '+') {
                chomp = c;
            } else if (c >= '1' && c <= '9') {
                explicit = c - '0';
            }
            i++;
        }
        while (i < text.length() && !isBreak(text.charAt(i))) {
            i++;
        }
        int lineStart = nextLine(text, i);
        // lines of the block: [start, end) without the break
        java.util.List<int[]> lines = new java.util.ArrayList<>();
        int indent = -1;
        if (explicit > 0) {
            indent = indentOfLine(text, header) + explicit;
        }
        int p = lineStart;
        while (p < text.length()) {
            int e = p;
            while (e < text.length() && !isBreak(text.charAt(e))) {
                e++;
            }
            int spaces = 0;
            while (p + spaces < e && text.charAt(p + spaces) == ' ') {
                spaces++;
            }
            boolean blank = p + spaces == e;
            if (!blank) {
                if (indent < 0) {
                    indent = spaces;
                }
                if (spaces < indent) {
                    break;
                }
            }
            lines.add(new int[] {p, e});
            p = nextLine(text, e);
            if (e >= text.length()) {
                break;
            }
        }
        if (indent < 0) {
            indent = 0;
        }
        // trailing blank lines belong to chomping, not content
        int last = lines.size() - 1;
        while (last >= 0 && isBlank(text, lines.get(last), indent)) {
            last--;
        }
        MappedText.Builder b = MappedText.builder(lineStart);
        boolean previousMoreIndented = false;
        int emptiesSinceContent = 0;
        boolean anyContent = false;
        int lastBreak = -1;
        for (int k = 0; k <= last; k++) {
            int[] line = lines.get(k);
            int contentStart = Math.min(line[0] + indent, line[1]);
            boolean empty = isBlank(text, line, indent);
            if (empty) {
                emptiesSinceContent++;
                lastBreak = line[1];
                continue;
            }
            boolean moreIndented = contentStart < line[1] && (text.charAt(contentStart) == ' ' || text.charAt(contentStart) == '\t');
            if (anyContent) {
                int breakAt = lastBreak;
                if (!folded || previousMoreIndented || moreIndented) {
                    b.append('\n', breakAt, breakAt + 1);
                    for (int x = 0; x < emptiesSinceContent; x++) {
                        b.append('\n', breakAt, breakAt + 1);
                    }
                } else if (emptiesSinceContent > 0) {
                    for (int x = 0; x < emptiesSinceContent; x++) {
                        b.append('\n', breakAt, breakAt + 1);
                    }
                } else {
                    b.append(' ', breakAt, breakAt + 1);
                }
            } else {
                for (int x = 0; x < emptiesSinceContent; x++) {
                    b.append('\n', line[0], line[0]);
                }
            }
            for (int c = contentStart; c < line[1]; c++) {
                b.append(text.charAt(c), c, c + 1);
            }
            anyContent = true;
            emptiesSinceContent = 0;
            previousMoreIndented = moreIndented;
            lastBreak = line[1];
        }
        if (chomp != '-' && anyContent) {
            b.append('\n', lastBreak, Math.min(lastBreak + 1, text.length()));
            if (chomp == '+') {
                for (int k = last + 1; k < lines.size(); k++) {
                    b.append('\n', lines.get(k)[1], Math.min(lines.get(k)[1] + 1, text.length()));
                }
            }
        }
        return b.build();
    }

    private static boolean isBlank(String text, int[] line, int indent) {
        for (int c = line[0]; c < line[1]; c++) {
            char ch = text.charAt(c);
            if (ch != ' ' && ch != '\r' && !(ch == '\t' && c - line[0] < indent)) {
                return false;
            }
        }
        return true;
    }

    private static int nextLine(String text, int i) {
        if (i >= text.length()) {
            return text.length();
        }
        if (text.charAt(i) == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
            return i + 2;
        }
        return isBreak(text.charAt(i)) ? i + 1 : i;
    }

    private static int indentOfLine(String text, int at) {
        int s = at;
        while (s > 0 && !isBreak(text.charAt(s - 1))) {
            s--;
        }
        int spaces = 0;
        while (s + spaces < text.length() && text.charAt(s + spaces) == ' ') {
            spaces++;
        }
        return spaces;
    }
}
