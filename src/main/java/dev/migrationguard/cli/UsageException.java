package dev.migrationguard.cli;

/** A mistake in how the tool was called or configured: one line to the user, exit code 2, no stack trace. */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
