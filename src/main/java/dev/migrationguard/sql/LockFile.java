package dev.migrationguard.sql;

/**
 * A migrations folder's {@code migration_lock.toml}.
 *
 * @param path     the file, relative to the repository root
 * @param provider its {@code provider = "..."} value, or {@code null} when the file names none
 */
public record LockFile(String path, String provider) {
}
