package dev.migrationguard.workspace;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * What every snapshot shares: decoding, the size limit, caching of decoded files and of models, and notices.
 * Subclasses only list paths and load bytes; {@link #size} and {@link #load} may be called from several threads at
 * once (rules run on two), outside this snapshot's lock, so that one rule reading a large file never holds up another.
 */
public abstract class AbstractSnapshot implements Snapshot {
    /** Files above this size are skipped with a note (5 MB unless configured). */
    public static final long DEFAULT_MAX_FILE_BYTES = 5L * 1024 * 1024;

    private final long maxFileBytes;
    private final Map<String, Optional<SourceFile>> files = new ConcurrentHashMap<>();
    /**
     * The bytes of files a {@link #readIf} test passed over, kept for the next scan that asks (most files are read
     * by several: the credentials scan, then the code scans), so that each is read from disk once; within a budget.
     */
    private final Map<String, byte[]> passedOver = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong passedOverBytes = new java.util.concurrent.atomic.AtomicLong();
    private static final long PASSED_OVER_BUDGET = 64L * 1024 * 1024;
    private final ModelCache models = new ModelCache();
    private final List<Notice> notices = new ArrayList<>();
    private List<String> paths;
    private Set<String> pathSet;

    protected AbstractSnapshot(long maxFileBytes) {
        this.maxFileBytes = maxFileBytes;
    }

    /** Lists the snapshot's files (called once). */
    protected abstract List<String> listPaths();

    /** The size of a listed file in bytes, without reading it, or -1 when unknown. */
    protected abstract long size(String path) throws IOException;

    /** The bytes of a listed file. */
    protected abstract byte[] load(String path) throws IOException;

    @Override
    public final synchronized List<String> paths() {
        if (paths == null) {
            List<String> listed = new ArrayList<>(listPaths());
            Collections.sort(listed);
            paths = Collections.unmodifiableList(listed);
            pathSet = new HashSet<>(listed);
        }
        return paths;
    }

    @Override
    public final synchronized boolean contains(String path) {
        paths();
        return pathSet.contains(path);
    }

    @Override
    public final Optional<SourceFile> read(String path) {
        Optional<SourceFile> cached = files.get(path);
        if (cached != null) {
            return cached;
        }
        List<Notice> found = new ArrayList<>(0);
        return keep(path, decode(path, found), found);
    }

    /**
     * Caches what a read found and records its notices, unless another thread read the same file first: then that
     * read's result is the one every caller sees, and this one's notices (the same ones) are dropped.
     */
    private Optional<SourceFile> keep(String path, Optional<SourceFile> decoded, List<Notice> found) {
        Optional<SourceFile> earlier = files.putIfAbsent(path, decoded);
        if (earlier != null) {
            return earlier;
        }
        if (!found.isEmpty()) {
            synchronized (this) {
                notices.addAll(found);
            }
        }
        return decoded;
    }

    /**
     * Whether {@code path} is a file of this snapshot, asked before reading it. By default the listing decides; a
     * snapshot that can find one file without listing them all (a commit's tree) overrides this.
     */
    protected boolean hasFile(String path) {
        return contains(path);
    }

    @Override
    public final boolean hasPath(String path) {
        return hasFile(path);
    }

    @Override
    public final Optional<SourceFile> readIf(String path, Predicate<byte[]> wanted) {
        Optional<SourceFile> cached = files.get(path);
        if (cached != null) {
            return cached;
        }
        if (!hasFile(path)) {
            return read(path);
        }
        byte[] bytes = passedOver.get(path);
        if (bytes == null) {
            try {
                if (size(path) > maxFileBytes) {
                    return read(path);
                }
                bytes = load(path);
            } catch (IOException | RuntimeException e) {
                // read() tries again and notes why it could not.
                return read(path);
            }
        }
        if (!TextDecoder.utf16(bytes) && !wanted.test(bytes)) {
            // Nothing the scan looks for (and plain UTF-8, so no notice is lost): never decoded; its bytes are kept
            // for the next scan while the budget lasts.
            if (!passedOver.containsKey(path) && passedOverBytes.addAndGet(bytes.length) <= PASSED_OVER_BUDGET) {
                passedOver.putIfAbsent(path, bytes);
            }
            return Optional.empty();
        }
        passedOver.remove(path);
        List<Notice> found = new ArrayList<>(0);
        return keep(path, decode(path, bytes, found), found);
    }

    private Optional<SourceFile> decode(String path, List<Notice> found) {
        if (!hasFile(path)) {
            return Optional.empty();
        }
        try {
            long size = size(path);
            if (size > maxFileBytes) {
                found.add(Notice.note(path, "skipped: " + size + " bytes is above the size limit of " + maxFileBytes
                        + " bytes (raise max-file-size in .migration-guard.yml to read it)"));
                return Optional.empty();
            }
            byte[] kept = passedOver.remove(path);
            return decode(path, kept != null ? kept : load(path), found);
        } catch (IOException | RuntimeException e) {
            found.add(Notice.warning(path, "could not be read: " + describe(e)));
            return Optional.empty();
        }
    }

    private static Optional<SourceFile> decode(String path, byte[] bytes, List<Notice> found) {
        try {
            TextDecoder.Result result = TextDecoder.decode(bytes);
            if (result instanceof TextDecoder.Text text) {
                if (text.malformed()) {
                    found.add(Notice.warning(path, "not valid UTF-8: invalid bytes were read as U+FFFD"));
                }
                return Optional.of(new SourceFile(path, text.text()));
            }
            found.add(Notice.note(path, "skipped: binary file"));
            return Optional.empty();
        } catch (RuntimeException e) {
            found.add(Notice.warning(path, "could not be read: " + describe(e)));
            return Optional.empty();
        }
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    /** Records a notice found while listing, loading or parsing. */
    @Override
    public final synchronized void addNotice(Notice notice) {
        notices.add(notice);
    }

    /** The notices by path (rules read files from two threads, so the order they were found in varies). */
    @Override
    public final synchronized List<Notice> notices() {
        List<Notice> sorted = new ArrayList<>(notices);
        sorted.sort(Comparator.comparing(Notice::path));
        return List.copyOf(sorted);
    }

    @Override
    public final <T> T model(ModelKey<T> key) {
        return models.get(key, this);
    }
}
