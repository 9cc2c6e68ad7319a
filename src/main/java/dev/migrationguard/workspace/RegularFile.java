package dev.migrationguard.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads a file of the scanned repository only when it is a regular file, and never more than a bound: a FIFO
 * blocks the reader forever, {@code /dev/zero} or {@code /dev/urandom} never end, and a committed symbolic link can
 * point at either. Symbolic links are followed only when asked, and then the target is checked the same way.
 */
public final class RegularFile {
    /** The bound for the small text files git and the linter read for settings (.gitattributes, ignore files, config). */
    public static final long SETTINGS_MAX_BYTES = 8L << 20;

    private RegularFile() {
    }

    /** Thrown when a path is something other than a regular file, or larger than the bound. */
    public static final class Refused extends IOException {
        public Refused(String message) {
            super(message);
        }
    }

    /**
     * The bytes of {@code file}, which must be a regular file (after following a symbolic link when
     * {@code followLinks}) of at most {@code maxBytes} bytes.
     */
    public static byte[] read(Path file, long maxBytes, boolean followLinks) throws IOException {
        check(file, maxBytes, followLinks);
        LinkOption[] options = followLinks ? new LinkOption[0] : new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
        try (InputStream in = Files.newInputStream(file, options)) {
            // The file may have grown since the check: read one byte past the bound to notice.
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw new Refused("larger than " + maxBytes + " bytes");
            }
            return bytes;
        }
    }

    /** Fails unless {@code file} is a regular file of at most {@code maxBytes} bytes; returns its attributes. */
    public static BasicFileAttributes check(Path file, long maxBytes, boolean followLinks) throws IOException {
        BasicFileAttributes attributes = followLinks ? Files.readAttributes(file, BasicFileAttributes.class)
                : Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!attributes.isRegularFile()) {
            throw new Refused(attributes.isSymbolicLink() ? "a symbolic link" : attributes.isDirectory() ? "a folder"
                    : "not a regular file (a FIFO, a socket or a device)");
        }
        if (attributes.size() > maxBytes) {
            throw new Refused("larger than the limit of " + maxBytes + " bytes (" + attributes.size() + " bytes)");
        }
        return attributes;
    }

    /** Whether {@code file} exists at all, without following a symbolic link. */
    public static boolean exists(Path file) {
        return Files.exists(file, LinkOption.NOFOLLOW_LINKS);
    }
}
