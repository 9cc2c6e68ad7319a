package dev.migrationguard.code;

/**
 * Literal tests for JavaScript and TypeScript sources that decide, before any decoding or tokenizing, whether a file
 * can hold what a scan looks for. A word is an identifier as the tokenizer reads it: ASCII letters, digits, {@code _}
 * and {@code $}, with any non-ASCII character counted as part of a word (so UTF-8 bytes need no decoding).
 */
final class JsWords {
    private JsWords() {
    }

    /** Whether {@code word} occurs in the bytes with no identifier character right before or after it. */
    static boolean hasWord(byte[] b, String word) {
        for (int i = indexOf(b, word, 0); i >= 0; i = indexOf(b, word, i + 1)) {
            int end = i + word.length();
            if ((i == 0 || !isWordByte(b[i - 1])) && (end == b.length || !isWordByte(b[end]))) {
                return true;
            }
        }
        return false;
    }

    /** {@link #hasWord(byte[], String)} on decoded text. */
    static boolean hasWord(String text, String word) {
        for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
            int end = i + word.length();
            if ((i == 0 || !isWordChar(text.charAt(i - 1))) && (end == text.length() || !isWordChar(text.charAt(end)))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the lower-case ASCII string {@code word} occurs anywhere in the bytes, in any case. */
    static boolean containsIgnoringCase(byte[] b, String word) {
        int last = b.length - word.length();
        outer:
        for (int i = 0; i <= last; i++) {
            if ((b[i] | 0x20) != word.charAt(0)) {
                continue;
            }
            for (int k = 1; k < word.length(); k++) {
                if ((b[i + k] | 0x20) != word.charAt(k)) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /**
     * Whether the bytes hold a string escape that {@link JsTokenizer} decodes to a letter: a backslash before any ASCII
     * letter but {@code n}, {@code r} and {@code t} (which stand for line breaks and tabs), since it keeps the letter
     * after an escape it does not know.
     */
    static boolean hasLetterEscape(byte[] b) {
        for (int i = 0; i + 1 < b.length; i++) {
            if (b[i] == '\\') {
                int next = b[i + 1] | 0x20;
                if (next >= 'a' && next <= 'z' && next != 'n' && next != 'r' && next != 't') {
                    return true;
                }
                i++;
            }
        }
        return false;
    }

    /** Whether the ASCII string {@code word} occurs anywhere in the bytes. */
    static boolean contains(byte[] b, String word) {
        return indexOf(b, word, 0) >= 0;
    }

    private static int indexOf(byte[] b, String word, int from) {
        byte first = (byte) word.charAt(0);
        int last = b.length - word.length();
        outer:
        for (int i = from; i <= last; i++) {
            if (b[i] != first) {
                continue;
            }
            for (int k = 1; k < word.length(); k++) {
                if (b[i + k] != (byte) word.charAt(k)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static boolean isWordByte(byte c) {
        return c < 0 || isWordChar((char) c);
    }

    private static boolean isWordChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '$' || c > 127;
    }
}
