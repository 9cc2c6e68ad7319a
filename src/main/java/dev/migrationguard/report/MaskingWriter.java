package dev.migrationguard.report;

import java.io.IOException;
import java.io.Writer;

/**
 * A writer for standard error that masks URL and parameter passwords line by line: usage and configuration errors
 * echo what the user gave (a bad value, a path), and that may be a connection URL with its password.
 */
public final class MaskingWriter extends Writer {
    private final Writer out;
    private final StringBuilder line = new StringBuilder();

    public MaskingWriter(Writer out) {
        this.out = out;
    }

    @Override
    public void write(char[] chars, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            char c = chars[i];
            line.append(c);
            if (c == '\n' || c == '\r') {
                emit();
            }
        }
    }

    private void emit() throws IOException {
        if (line.length() > 0) {
            out.write(Redaction.patterns(line.toString()));
            line.setLength(0);
        }
    }

    /** Writes what is buffered (a line without its end yet, as progress output has) and flushes. */
    @Override
    public void flush() throws IOException {
        emit();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        flush();
        out.close();
    }
}
