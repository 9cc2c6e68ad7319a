package dev.migrationguard.git;

/** Told how far a scan of many commits is (the CLI shows it on stderr when that is a terminal). */
@FunctionalInterface
public interface ScanProgress {
    ScanProgress NONE = (done, total) -> { };

    /** {@code done} of {@code total} commits compared so far. */
    void commits(int done, int total);
}
