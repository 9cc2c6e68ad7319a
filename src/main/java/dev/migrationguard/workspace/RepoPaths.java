package dev.migrationguard.workspace;

/** Paths relative to a repository root, with {@code /} separators, as every snapshot lists them. */
public final class RepoPaths {
    private RepoPaths() {
    }

    /** The folder holding a path ("" at the root). */
    public static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** The last segment of a path. */
    public static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** {@code relative} inside {@code folder} ("" is the root). */
    public static String join(String folder, String relative) {
        return folder.isEmpty() ? relative : folder + "/" + relative;
    }
}
