package dev.migrationguard.workspace;

import java.util.List;
import java.util.Optional;

/**
 * The files of one version of a repository: the working tree, the git index or a commit. Rules read every version
 * through this interface alone, so pre-commit, pull-request and local runs share all rule code.
 */
public interface Snapshot {

    /** What this snapshot is, for messages: "working tree", "index", "commit 1a2b3c4". */
    String description();

    /** Every file the linter may read, relative to the repository root with {@code /}, sorted. */
    List<String> paths();

    /**
     * The decoded text of a file, or empty when the file is absent or not text. A file that cannot be read adds a
     * {@link Notice} instead of throwing.
     */
    Optional<SourceFile> read(String path);

    /**
     * As {@link #read}, for a scan that looks for a few literals: when {@code wanted} rejects the file's bytes (UTF-8
     * as stored, after a byte-order mark) the file is not decoded and reads as empty, so a scan of every file decodes
     * only the few that can matter. {@code wanted} must accept every file the scan could find something in, and every
     * file whose bytes are not plain UTF-8 text ({@link TextDecoder#plainUtf8}: malformed, or binary), so that their
     * notices are kept; a file already decoded, or one the test cannot judge (UTF-16), is returned as {@link #read}
     * returns it.
     */
    default Optional<SourceFile> readIf(String path, java.util.function.Predicate<byte[]> wanted) {
        return read(path);
    }

    /**
     * A literal test for {@link #readIf} that also accepts every file whose bytes are not plain UTF-8 text, as the
     * contract asks: a scan's test can then say only what it looks for.
     */
    static java.util.function.Predicate<byte[]> keepingNotices(java.util.function.Predicate<byte[]> wanted) {
        return bytes -> wanted.test(bytes) || !TextDecoder.plainUtf8(bytes);
    }

    /**
     * The names of the folders directly inside {@code folder} (relative to the root, no trailing slash) that hold
     * listed files, sorted. Git snapshots answer from one tree without listing every file.
     */
    default List<String> subfolders(String folder) {
        String prefix = folder.isEmpty() ? "" : folder + "/";
        java.util.TreeSet<String> names = new java.util.TreeSet<>();
        for (String path : paths()) {
            if (path.startsWith(prefix)) {
                int slash = path.indexOf('/', prefix.length());
                if (slash > prefix.length()) {
                    names.add(path.substring(prefix.length(), slash));
                }
            }
        }
        return List.copyOf(names);
    }

    /**
     * An id of a file's content that this snapshot knows without reading or listing anything (a git blob id that a
     * comparison found), or empty: two files with the same id have the same bytes, so a scan can judge them once.
     */
    default Optional<String> knownContentId(String path) {
        return Optional.empty();
    }

    /** Whether a path is one of {@link #paths()}. */
    boolean contains(String path);

    /**
     * Whether a path is one of {@link #paths()}, answered without listing them all where this snapshot can (a commit
     * finds one path in its tree): for a question about a few paths, which {@link #contains} answers by listing every
     * file of the version.
     */
    default boolean hasPath(String path) {
        return contains(path);
    }

    /** Files that could not be read or were skipped, in the order met. */
    List<Notice> notices();

    /** Records what a parser could not do with a file (a model's builder calls it), so it is reported, not silent. */
    void addNotice(Notice notice);

    /** The model named by {@code key}, built at most once for this snapshot. */
    <T> T model(ModelKey<T> key);
}
