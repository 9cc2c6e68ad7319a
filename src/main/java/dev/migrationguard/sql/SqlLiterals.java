package dev.migrationguard.sql;

import java.util.Locale;

/** Turns written identifiers and string literals into their values. */
final class SqlLiterals {
    private SqlLiterals() {
    }

    /** Whether an identifier token is quoted in any of the dialects' styles. */
    static boolean isQuotedIdentifier(String raw) {
        if (raw.length() < 2) {
            return false;
        }
        char first = raw.charAt(0);
        return first == '"' || first == '`' || first == '[';
    }

    /** {@link #isQuotedIdentifier(String)} of the token {@code source[start, end)}. */
    static boolean isQuotedIdentifier(String source, int start, int end) {
        if (end - start < 2) {
            return false;
        }
        char first = source.charAt(start);
        return first == '"' || first == '`' || first == '[';
    }

    /** The name an identifier token denotes: quotes removed and doubled quotes undone; unquoted ones optionally folded. */
    static String identifierName(String raw, boolean foldUnquoted) {
        return identifierName(raw, 0, raw.length(), foldUnquoted);
    }

    /** {@link #identifierName(String, boolean)} of the token {@code source[start, end)}, without copying it first. */
    static String identifierName(String source, int start, int end, boolean foldUnquoted) {
        if (isQuotedIdentifier(source, start, end)) {
            char open = source.charAt(start);
            char close = open == '[' ? ']' : open;
            int closing = source.indexOf(close, start + 1);
            if (closing >= end - 1) {
                return source.substring(start + 1, end - 1);
            }
            // Doubled closing quotes stand for one, read left to right as String.replace does.
            StringBuilder name = new StringBuilder(end - start);
            for (int i = start + 1; i < end - 1; i++) {
                char c = source.charAt(i);
                name.append(c);
                if (c == close && i + 1 < end - 1 && source.charAt(i + 1) == close) {
                    i++;
                }
            }
            return name.toString();
        }
        String raw = start == 0 && end == source.length() ? source : source.substring(start, end);
        return foldUnquoted ? raw.toLowerCase(Locale.ROOT) : raw;
    }

    /**
     * The value of a string literal: {@code 'it''s'}, {@code E'a\'b'}, {@code N'x'}, {@code $tag$body$tag$}, and
     * MySQL's backslash escapes. Text that is not a literal is returned unchanged.
     */
    static String unquoteString(String raw) {
        if (raw.isEmpty()) {
            return raw;
        }
        char first = raw.charAt(0);
        if (first == '$') {
            int tagEnd = raw.indexOf('$', 1);
            if (tagEnd > 0 && raw.length() >= 2 * (tagEnd + 1)) {
                return raw.substring(tagEnd + 1, raw.length() - tagEnd - 1);
            }
            return raw;
        }
        boolean escapes = false;
        String body = raw;
        if ((first == 'E' || first == 'e') && raw.length() > 1 && raw.charAt(1) == '\'') {
            escapes = true;
            body = raw.substring(1);
        } else if ((first == 'N' || first == 'n') && raw.length() > 1 && raw.charAt(1) == '\'') {
            body = raw.substring(1);
        }
        if (body.length() < 2 || body.charAt(0) != '\'' || body.charAt(body.length() - 1) != '\'') {
            return raw;
        }
        String inner = body.substring(1, body.length() - 1);
        if (!escapes && inner.indexOf('\\') < 0) {
            return inner.replace("''", "'");
        }
        return unescapeWithOffsets(inner, 0, escapes, new int[inner.length() + 1]);
    }

    /**
     * The value of a string literal's content ({@code content} = the text between its quotes, which starts at file
     * offset {@code from}): doubled quotes undone and, with {@code escapes} (E'...'), backslash escapes. Fills
     * {@code offsets[k]} with the file offset where the value's character {@code k} is written, and
     * {@code offsets[value.length()]} with the content's end.
     */
    static String unescapeWithOffsets(String content, int from, boolean escapes, int[] offsets) {
        StringBuilder out = new StringBuilder(content.length());
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            offsets[out.length()] = from + i;
            if (c == '\'' && i + 1 < content.length() && content.charAt(i + 1) == '\'') {
                out.append('\'');
                i++;
            } else if (c == '\\' && escapes && i + 1 < content.length()) {
                char next = content.charAt(++i);
                out.append(switch (next) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    case 'b' -> '\b';
                    case 'f' -> '\f';
                    default -> next;
                });
            } else {
                out.append(c);
            }
        }
        offsets[out.length()] = from + content.length();
        return out.toString();
    }
}
