package dev.migrationguard.workspace;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What a parser's {@link ParseCache} layout is written with, beside {@link DataOutputStream}'s numbers: a string as
 * its UTF-8 length (-1 for null) and bytes, a list of strings as its size and strings. {@link EntryReader} reads them.
 */
public abstract class EntryWriter {
    protected final DataOutputStream out;

    protected EntryWriter(DataOutputStream out) {
        this.out = out;
    }

    protected final void string(String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    protected final void strings(List<String> strings) throws IOException {
        out.writeInt(strings.size());
        for (String s : strings) {
            string(s);
        }
    }
}
