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
