package dev.migrationguard.workspace;

import java.nio.charset.StandardCharsets;

/** Turns file bytes into text the way editors do: byte-order marks decide UTF-16, everything else is UTF-8. */
public final class TextDecoder {
    /** How many leading bytes are searched for a NUL to call a file binary (git's own heuristic). */
    private static final int BINARY_PROBE = 8000;

    private TextDecoder() {
    }

    /** The outcome of decoding: text, or the reason it is not text. */
    public sealed interface Result permits Text, Binary {
    }

    /** Decoded text; {@code malformed} when invalid UTF-8 was replaced by U+FFFD. */
    public record Text(String text, boolean malformed) implements Result {
    }

    public record Binary() implements Result {
    }

    /**
     * Whether {@link #decode} would return these bytes as well-formed UTF-8 text without a byte-order mark of UTF-16
     * and without a NUL in the binary probe: the bytes are then the text, byte for byte where it is ASCII, and a
     * search for ASCII literals in them finds what a search in the text would. One pass, no allocation.
     */
    public static boolean plainUtf8(byte[] bytes) {
        int n = bytes.length;
        if (utf16(bytes)) {
            return false;
        }
        int probe = Math.min(n, BINARY_PROBE);
        int i = 0;
        while (i < n) {
            int c = bytes[i];
            if (c > 0) {
                i++;
            } else if (c == 0) {
                if (i < probe) {
                    return false;
                }
                i++;
            } else {
                int len = sequenceLength(bytes, i);
                if (len < 0) {
                    return false;
                }
                i += len;
            }
        }
        return true;
    }

    /** Whether the bytes start with a byte-order mark of UTF-16 (either order). */
    public static boolean utf16(byte[] bytes) {
        return bytes.length >= 2 && ((bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE
                || (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF);
    }

    /** How many NUL-free leading bytes decide that a file is text (see {@link #decode}). */
    public static int binaryProbe() {
        return BINARY_PROBE;
    }

    /**
     * The length of the well-formed UTF-8 sequence that starts with the non-ASCII byte at {@code i}, or -1 when it is
     * malformed (a stray continuation byte, an overlong form, a surrogate, a code point above U+10FFFF, cut short).
     */
    public static int sequenceLength(byte[] bytes, int i) {
        int b0 = bytes[i] & 0xff;
        int len;
        int min;
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            len = 2;
            min = 0x80;
        } else if (b0 >= 0xE0 && b0 <= 0xEF) {
            len = 3;
            min = 0x800;
        } else if (b0 >= 0xF0 && b0 <= 0xF4) {
            len = 4;
            min = 0x10000;
        } else {
            return -1;
        }
        if (i + len > bytes.length) {
            return -1;
        }
        int cp = b0 & (0x7F >> len);
        for (int k = 1; k < len; k++) {
            int b = bytes[i + k] & 0xff;
            if ((b & 0xC0) != 0x80) {
                return -1;
            }
            cp = cp << 6 | b & 0x3F;
        }
        return cp < min || cp > 0x10FFFF || cp >= 0xD800 && cp <= 0xDFFF ? -1 : len;
    }

    public static Result decode(byte[] bytes) {
        int n = bytes.length;
        if (n >= 2 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE) {
            return new Text(new String(bytes, 2, n - 2, StandardCharsets.UTF_16LE), false);
        }
        if (n >= 2 && (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF) {
            return new Text(new String(bytes, 2, n - 2, StandardCharsets.UTF_16BE), false);
        }
        int start = 0;
        if (n >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            start = 3;
        }
        int probe = Math.min(n, BINARY_PROBE);
        for (int i = start; i < probe; i++) {
            if (bytes[i] == 0) {
                return new Binary();
            }
        }
        // Checked first, then decoded by String's own UTF-8 path (much faster than a reporting CharsetDecoder, which
        // also copies the text twice); both call the same sequences malformed.
        boolean wellFormed = true;
        for (int i = start; i < n; ) {
            if (bytes[i] >= 0) {
                i++;
            } else {
                int len = sequenceLength(bytes, i);
                if (len < 0) {
                    wellFormed = false;
                    break;
                }
                i += len;
            }
        }
        return new Text(new String(bytes, start, n - start, StandardCharsets.UTF_8), !wellFormed);
    }
}
