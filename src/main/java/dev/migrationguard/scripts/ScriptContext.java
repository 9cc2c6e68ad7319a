package dev.migrationguard.scripts;

/**
 * Where a command runs, which decides how serious a schema shortcut is: in CI and deploys it touches shared or
 * production databases; locally it touches a developer's own.
 */
public enum ScriptContext {
    /** CI pipelines: workflow files, CI configs, scripts under CI folders, package scripts named ci. */
    CI,
    /** Deploys and production start-up: Dockerfiles, compose files, Procfiles, deploy/start/release scripts. */
    DEPLOY,
    /** A developer's machine: everything else. */
    LOCAL;

    /** Whether it runs against a database other than a developer's own. */
    public boolean isShared() {
        return this != LOCAL;
    }

    /** The stronger of two contexts: DEPLOY over CI over LOCAL. */
    public ScriptContext strongest(ScriptContext other) {
        return rank() >= other.rank() ? this : other;
    }

    int rank() {
        return switch (this) {
            case DEPLOY -> 2;
            case CI -> 1;
            case LOCAL -> 0;
        };
    }

    /** How messages name it: "a CI context", "a deploy context", "a local context". */
    public String label() {
        return switch (this) {
            case CI -> "a CI context";
            case DEPLOY -> "a deploy context";
            case LOCAL -> "a local context";
        };
    }
}
