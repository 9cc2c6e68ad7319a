package dev.migrationguard.cli;

import dev.migrationguard.git.ScanProgress;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The progress line on standard error of a run long enough to wait for: "reading files", then how many commits are
 * compared and how many rules have run, redrawn over itself with a carriage return. It appears only after a delay (a
 * quick run, most pre-commit runs, shows nothing) and is wiped before the report is written, so the terminal keeps
 * only the report. Standard output never sees it.
 */
final class ProgressLine implements ScanProgress, AutoCloseable {
    /** How often the line is redrawn between events, so a slow phase with none still shows up. */
    private static final long TICK_MILLIS = 200;

    private final PrintWriter err;
    private final LongSupplier clock;
    private final long showFrom;
    private int commitsDone;
    private int commitsTotal;
    private int rulesDone;
    private int rulesTotal;
    /** What the line shows now ("" before it first appears, and after it is wiped). */
    private String shown = "";
    private boolean closed;
    private Thread ticker;

    ProgressLine(PrintWriter err, LongSupplier clock, long delayNanos) {
        this.err = err;
        this.clock = clock;
        this.showFrom = clock.getAsLong() + delayNanos;
    }

    /**
     * A line on {@code err} for a run starting now when standard error is a terminal; null (nothing drawn, nothing
     * started) otherwise.
     */
    static ProgressLine onTerminal(Terminal terminal, PrintWriter err) {
        if (!terminal.stderrIsTerminal() || err == null) {
            return null;
        }
        return start(err, terminal.progressDelayNanos());
    }

    /** A line for a run starting now, redrawn by a daemon thread of its own until {@link #close}. */
    static ProgressLine start(PrintWriter err, long delayNanos) {
        ProgressLine line = new ProgressLine(err, System::nanoTime, delayNanos);
        Thread ticker = new Thread(line::tickUntilClosed, "migration-guard-progress");
        ticker.setDaemon(true);
        line.ticker = ticker;
        ticker.start();
        return line;
    }

    private void tickUntilClosed() {
        try {
            while (true) {
                Thread.sleep(TICK_MILLIS);
                synchronized (this) {
                    if (closed) {
                        return;
                    }
                    redraw();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void commits(int done, int total) {
        commitsDone = done;
        commitsTotal = total;
        redraw();
    }

    @Override
    public synchronized void rules(int done, int total) {
        rulesDone = done;
        rulesTotal = total;
        redraw();
    }

    /** The line's text for the state so far. */
    synchronized String text() {
        List<String> parts = new ArrayList<>(2);
        if (commitsTotal > 0) {
            parts.add("comparing commits: " + commitsDone + "/" + commitsTotal);
        }
        if (rulesTotal > 0) {
            parts.add("linting: " + rulesDone + "/" + rulesTotal + " rules");
        }
        return parts.isEmpty() ? "reading files" : String.join(", ", parts);
    }

    /** Draws the line over the one shown, once the delay is over and only when it changed. */
    synchronized void redraw() {
        if (closed || clock.getAsLong() < showFrom) {
            return;
        }
        String text = text();
        if (text.equals(shown)) {
            return;
        }
        // Blanks over what a longer line left behind.
        err.print("\r" + text + " ".repeat(Math.max(0, shown.length() - text.length())));
        err.flush();
        shown = text;
    }

    /** Wipes the line (when it was shown) and stops redrawing: what follows on the terminal starts a clean line. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (ticker != null) {
            ticker.interrupt();
        }
        if (!shown.isEmpty()) {
            err.print("\r" + " ".repeat(shown.length()) + "\r");
            err.flush();
            shown = "";
        }
    }
}
