package dev.migrationguard.cli;

import dev.migrationguard.config.ConfigException;

/** A configuration that cannot be used: a usage error (exit 2) that `lint` also reports as a config-error finding. */
final class ConfigFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient ConfigException error;
    private final String path;

    ConfigFailure(ConfigException error, String path) {
        super(error.describe());
        this.error = error;
        this.path = path.startsWith("..") ? error.file() : path;
    }

    ConfigException error() {
        return error;
    }

    /** The configuration file as findings name it. */
    String path() {
        return path;
    }
}
