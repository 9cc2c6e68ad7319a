package dev.migrationguard.git;

/**
 * Told how far a run is: commits compared, rules run (the CLI shows it on stderr when that is a terminal). Both are
 * called from several threads; an implementation that draws must synchronise itself.
 */
@FunctionalInterface
public interface ScanProgress {
    ScanProgress NONE = (done, total) -> { };

    /** {@code done} of {@code total} commits compared so far. */
    void commits(int done, int total);

    /** {@code done} of the run's {@code total} rules finished (or skipped) so far. */
    default void rules(int done, int total) {
    }
}
