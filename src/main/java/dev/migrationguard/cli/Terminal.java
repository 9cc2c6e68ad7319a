package dev.migrationguard.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the CLI asks of the terminal it runs in; tests decide it instead of the process's streams. */
public interface Terminal {
    /** A progress line waits this long: a run that ends sooner shows none. */
    long PROGRESS_DELAY_NANOS = 500_000_000L;

    /** The process's own streams. */
    Terminal SYSTEM = new Terminal() {
        @Override
        public boolean stderrIsTerminal() {
            return stderrIsTty();
        }

        @Override
        public long progressDelayNanos() {
            return PROGRESS_DELAY_NANOS;
        }
    };

    /** Whether standard error is a terminal: progress is shown only then. */
    boolean stderrIsTerminal();

    /** How long a run goes before its progress line appears. */
    long progressDelayNanos();

    /** A terminal decided by the caller, its progress line drawn from the start (for tests). */
    static Terminal stderr(boolean isTerminal) {
        return new Terminal() {
            @Override
            public boolean stderrIsTerminal() {
                return isTerminal;
            }

            @Override
            public long progressDelayNanos() {
                return 0;
            }
        };
    }

    /** On Linux the descriptor names a tty; elsewhere as the console says (Java 17 knows only stdin and stdout). */
    private static boolean stderrIsTty() {
        try {
            Path fd = Path.of("/proc/self/fd/2");
            if (Files.exists(fd)) {
                String target = Files.readSymbolicLink(fd).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
        return System.console() != null;
    }
}
