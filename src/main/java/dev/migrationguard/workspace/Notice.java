package dev.migrationguard.workspace;

/**
 * Something the tool could not do with a file (skipped as binary or too large, unreadable, missing from a partial
 * clone). Notices are the tool's own problems, reported as SARIF {@code toolExecutionNotifications}, never silence.
 */
public record Notice(Level level, String path, String message) {

    public enum Level { NOTE, WARNING, ERROR }

    public static Notice note(String path, String message) {
        return new Notice(Level.NOTE, path, message);
    }

    public static Notice warning(String path, String message) {
        return new Notice(Level.WARNING, path, message);
    }

    public static Notice error(String path, String message) {
        return new Notice(Level.ERROR, path, message);
    }
}
