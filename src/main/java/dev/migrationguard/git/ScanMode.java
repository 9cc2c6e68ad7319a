package dev.migrationguard.git;

/** Which version the static rules read and which changes the history rules judge. */
public sealed interface ScanMode {

    /** A local run: the working tree, and the uncommitted change (working tree and index) against HEAD. */
    record Local() implements ScanMode {
    }

    /** Pre-commit: the index, and the staged change against HEAD. */
    record Staged() implements ScanMode {
    }

    /** Pull request: HEAD, and every commit of {@code merge-base(rev, HEAD)..HEAD} and that range as a whole. */
    record Since(String revision) implements ScanMode {
    }

    /** Audit: HEAD, and every commit reachable from it. */
    record History() implements ScanMode {
    }

    static ScanMode local() {
        return new Local();
    }

    static ScanMode staged() {
        return new Staged();
    }

    static ScanMode since(String revision) {
        return new Since(revision);
    }

    static ScanMode history() {
        return new History();
    }
}
