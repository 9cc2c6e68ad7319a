package dev.migrationguard.git;

import java.util.Objects;

/**
 * One changed path. {@code oldPath} is null for an {@link ChangeType#ADD}, {@code newPath} null for a
 * {@link ChangeType#DELETE}; a {@link ChangeType#RENAME} or {@link ChangeType#COPY} has both. Paths are relative to
 * the repository root with {@code /}.
 */
public record Change(ChangeType type, String oldPath, String newPath) {

    public Change {
        Objects.requireNonNull(type);
        if ((type == ChangeType.ADD) != (oldPath == null) || (type == ChangeType.DELETE) != (newPath == null)) {
            throw new IllegalArgumentException(type + " " + oldPath + " -> " + newPath);
        }
    }

    public static Change added(String path) {
        return new Change(ChangeType.ADD, null, path);
    }

    public static Change modified(String path) {
        return new Change(ChangeType.MODIFY, path, path);
    }

    public static Change deleted(String path) {
        return new Change(ChangeType.DELETE, path, null);
    }

    public static Change renamed(String oldPath, String newPath) {
        return new Change(ChangeType.RENAME, oldPath, newPath);
    }

    /** The path in the target version, or the old path of a deletion. */
    public String path() {
        return newPath != null ? newPath : oldPath;
    }

    @Override
    public String toString() {
        return switch (type) {
            case ADD -> "A " + newPath;
            case MODIFY -> "M " + newPath;
            case DELETE -> "D " + oldPath;
            case RENAME -> "R " + oldPath + " -> " + newPath;
            case COPY -> "C " + oldPath + " -> " + newPath;
        };
    }
}
