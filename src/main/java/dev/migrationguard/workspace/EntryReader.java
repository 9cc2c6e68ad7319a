package dev.migrationguard.workspace;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what {@link EntryWriter} wrote, refusing with an IOException what it cannot have written: a length or count
 * beyond the bytes left, a null in a list.
 */
public abstract class EntryReader {
    protected final DataInputStream in;

    protected EntryReader(DataInputStream in) {
        this.in = in;
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
