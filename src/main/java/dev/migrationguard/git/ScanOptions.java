package dev.migrationguard.git;

import dev.migrationguard.workspace.AbstractSnapshot;
import dev.migrationguard.workspace.PathFilter;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of a {@link GitScan}.
 *
 * @param filter       which files snapshots list (the same for every version)
 * @param maxFileBytes files above this size are skipped with a note
 * @param progress     told how far a scan of many commits is
 * @param environment  the process environment; {@code GIT_INDEX_FILE} is honoured, as git sets it for pre-commit
 *                     hooks of {@code git commit -a} and {@code git commit <paths>}
 */
public record ScanOptions(PathFilter filter, long maxFileBytes, ScanProgress progress, Map<String, String> environment) {

    public ScanOptions {
        Objects.requireNonNull(filter);
        Objects.requireNonNull(progress);
        environment = Map.copyOf(environment);
    }

    /** Default filter and size limit, no progress, no environment (what tests want). */
    public static ScanOptions defaults() {
        return new ScanOptions(PathFilter.defaults(), AbstractSnapshot.DEFAULT_MAX_FILE_BYTES, ScanProgress.NONE, Map.of());
    }

    /** Defaults with this process's environment, as the CLI wants them (a pre-commit hook's GIT_INDEX_FILE). */
    public static ScanOptions forProcess(PathFilter filter, long maxFileBytes, ScanProgress progress) {
        return new ScanOptions(filter, maxFileBytes, progress, System.getenv());
    }

    public ScanOptions withProgress(ScanProgress value) {
        return new ScanOptions(filter, maxFileBytes, value, environment);
    }

    public ScanOptions withEnvironment(Map<String, String> value) {
        return new ScanOptions(filter, maxFileBytes, progress, value);
    }
}
