package dev.migrationguard.scripts;

/** Decodes JSON string literals in place, keeping each decoded character's raw span (escapes included). */
final class JsonStrings {
    private JsonStrings() {
    }

    /**
     * The string literal whose opening quote is at {@code quote}, decoded; null when the text there is not a
     * well-formed JSON string.
     */
    static MappedText decode(String text, int quote) {
        if (quote < 0 || quote >= text.length() || text.charAt(quote) != '"') {
            return null;
        }
        MappedText.Builder b = MappedText.builder(quote + 1);
        int i = quote + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"') {
                return b.build();
            }
            if (c != '\\') {
                b.append(c, i, i + 1);
                i++;
                continue;
            }
            if (i + 1 >= text.length()) {
                return null;
            }
            char e = text.charAt(i + 1);
            switch (e) {
                case '"', '\\', '/' -> b.append(e, i, i + 2);
                case 'b' -> b.append('\b', i, i + 2);
                case 'f' -> b.append('\f', i, i + 2);
                case 'n' -> b.append('\n', i, i + 2);
                case 'r' -> b.append('\r', i, i + 2);
                case 't' -> b.append('\t', i, i + 2);
                case 'u' -> {
                    if (i + 6 > text.length()) {
                        return null;
                    }
                    try {
                        b.append((char) Integer.parseInt(text.substring(i + 2, i + 6), 16), i, i + 6);
                    } catch (NumberFormatException bad) {
                        return null;
                    }
                    i += 4;
                }
                default -> {
                    return null;
                }
            }
            i += 2;
        }
        return null;
    }
}
