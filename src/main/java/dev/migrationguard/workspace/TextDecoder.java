package dev.migrationguard.workspace;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
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
        if (n >= 2 && ((bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE
                || (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF)) {
            return false;
        }
        int probe = Math.min(n, BINARY_PROBE);
        int i = 0;
        while (i < n) {
            int c = bytes[i];
            if (c > 0) {
                i++;
                continue;
            }
            if (c == 0) {
                if (i < probe) {
                    return false;
                }
                i++;
                continue;
            }
            int b0 = c & 0xff;
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
                return false;
            }
            if (i + len > n) {
                return false;
            }
            int cp = b0 & (0x7F >> len);
            for (int k = 1; k < len; k++) {
                int b = bytes[i + k] & 0xff;
                if ((b & 0xC0) != 0x80) {
                    return false;
                }
                cp = cp << 6 | b & 0x3F;
            }
            if (cp < min || cp > 0x10FFFF || cp >= 0xD800 && cp <= 0xDFFF) {
                return false;
            }
            i += len;
        }
        return true;
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
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, n - start))
                    .toString();
            return new Text(text, false);
        } catch (CharacterCodingException e) {
            return new Text(new String(bytes, start, n - start, StandardCharsets.UTF_8), true);
        }
    }
}
