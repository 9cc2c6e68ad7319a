package dev.migrationguard.workspace;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what {@link EntryWriter} wrote, refusing with an IOException what it cannot have written: a length or count
 * beyond the bytes left, a null in a list.
 */
public abstract class EntryReader {
    protected final Input in;

    protected EntryReader(Input in) {
        this.in = in;
    }

    /**
     * An entry's bytes, read as {@link java.io.DataInputStream} reads them (big-endian) but straight from the array:
     * a parse of a hundred migrations reads tens of thousands of numbers, each one four locked reads through a stream.
     * Reading past the end throws an {@link EOFException}.
     */
    public static final class Input {
        private final ByteBuffer buffer;

        public Input(byte[] bytes) {
            this.buffer = ByteBuffer.wrap(bytes);
        }

        public int readInt() throws IOException {
            if (buffer.remaining() < Integer.BYTES) {
                throw new EOFException();
            }
            return buffer.getInt();
        }

        public byte readByte() throws IOException {
            if (!buffer.hasRemaining()) {
                throw new EOFException();
            }
            return buffer.get();
        }

        public boolean readBoolean() throws IOException {
            return readByte() != 0;
        }

        public void readFully(byte[] into) throws IOException {
            if (buffer.remaining() < into.length) {
                throw new EOFException();
            }
            buffer.get(into);
        }

        /** The bytes left. */
        public int available() {
            return buffer.remaining();
        }

        /** The next byte, or -1 at the end. */
        public int read() {
            return buffer.hasRemaining() ? buffer.get() & 0xff : -1;
        }
    }

    protected final String string() throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        if (length > in.available()) {
            throw new IOException("a string longer than the entry");
        }
        byte[] utf8 = new byte[length];
        in.readFully(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }

    protected final List<String> strings() throws IOException {
        int n = count();
        List<String> strings = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String s = string();
            if (s == null) {
                throw new IOException("a null in a list");
            }
            strings.add(s);
        }
        return strings;
    }

    /** A list's size, each of whose elements takes at least one byte of what is left. */
    protected final int count() throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) {
            throw new IOException("a count of " + n + " in an entry of " + in.available() + " bytes left");
        }
        return n;
    }
}
