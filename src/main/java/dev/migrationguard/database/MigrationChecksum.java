package dev.migrationguard.database;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The checksum Prisma's schema engine records for a migration (schema-connector's {@code checksum.rs}): SHA-256
 * of the migration.sql text as UTF-8, in lower-case hex. A recorded checksum matches a script when it equals the
 * checksum of the script as it is, with CRLF turned into LF, or with LF turned into CRLF (git may have changed
 * the line endings since); a recorded value shorter than 64 characters was written by an old engine that did
 * not zero-pad each byte, and is compared in that form.
 */
public final class MigrationChecksum {
    private static final int LENGTH = 64;

    private MigrationChecksum() {
    }

    /** The checksum Prisma writes for a script. */
    public static String of(String script) {
        return hex(sha256(script), true);
    }

    /**
     * Whether a recorded checksum matches the script. {@code script} is the file's text without a byte-order mark
     * (as {@link dev.migrationguard.workspace.SourceFile} holds it); Prisma reads the mark as part of the text, so
     * the text with one is tried too.
     */
    public static boolean matches(String script, String recorded) {
        if (recorded == null) {
            return false;
        }
        boolean padded = recorded.isEmpty() || recorded.length() == LENGTH;
        for (String text : List.of(script, "\uFEFF" + script)) {
            for (String variant : List.of(text, text.replace("\r\n", "\n"), text.replace("\n", "\r\n"))) {
                if (hex(sha256(variant), padded).equals(recorded)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Lower-case hex; unpadded writes each byte without its leading zero, as early engines did. */
    private static String hex(byte[] digest, boolean padded) {
        if (padded) {
            return HexFormat.of().formatHex(digest);
        }
        StringBuilder out = new StringBuilder(LENGTH);
        for (byte b : digest) {
            out.append(Integer.toHexString(b & 0xff));
        }
        return out.toString();
    }
}
