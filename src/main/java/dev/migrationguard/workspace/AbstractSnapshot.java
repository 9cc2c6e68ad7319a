package dev.migrationguard.workspace;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What every snapshot shares: decoding, the size limit, caching of decoded files and of models, and notices.
 * Subclasses only list paths and load bytes.
 */
public abstract class AbstractSnapshot implements Snapshot {
    /** Files above this size are skipped with a note (5 MB unless configured). */
    public static final long DEFAULT_MAX_FILE_BYTES = 5L * 1024 * 1024;

    private final long maxFileBytes;
    private final Map<String, Optional<SourceFile>> files = new HashMap<>();
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
    public final synchronized Optional<SourceFile> read(String path) {
        Optional<SourceFile> cached = files.get(path);
        if (cached == null) {
            cached = decode(path);
            files.put(path, cached);
        }
        return cached;
    }

    /**
     * Whether {@code path} is a file of this snapshot, asked before reading it. By default the listing decides; a
     * snapshot that can find one file without listing them all (a commit's tree) overrides this.
     */
    protected boolean hasFile(String path) {
        return contains(path);
    }

    @Override
    public final synchronized Optional<SourceFile> readIf(String path, Predicate<byte[]> wanted) {
        Optional<SourceFile> cached = files.get(path);
        if (cached != null) {
            return cached;
        }
        if (!hasFile(path)) {
            return read(path);
        }
        byte[] bytes;
        try {
            if (size(path) > maxFileBytes) {
                return read(path);
            }
            bytes = load(path);
        } catch (IOException | RuntimeException e) {
            // read() tries again and notes why it could not.
            return read(path);
        }
        if (!TextDecoder.utf16(bytes) && !wanted.test(bytes)) {
            // Nothing the scan looks for (and plain UTF-8, so no notice is lost): never decoded, never cached.
            return Optional.empty();
        }
        Optional<SourceFile> decoded = decode(path, bytes);
        files.put(path, decoded);
        return decoded;
    }

    private Optional<SourceFile> decode(String path) {
        if (!hasFile(path)) {
            return Optional.empty();
        }
        try {
            long size = size(path);
            if (size > maxFileBytes) {
                notices.add(Notice.note(path, "skipped: " + size + " bytes is above the size limit of " + maxFileBytes
                        + " bytes (raise max-file-size in .migration-guard.yml to read it)"));
                return Optional.empty();
            }
            return decode(path, load(path));
        } catch (IOException | RuntimeException e) {
            notices.add(Notice.warning(path, "could not be read: " + describe(e)));
            return Optional.empty();
        }
    }

    private Optional<SourceFile> decode(String path, byte[] bytes) {
        try {
            TextDecoder.Result result = TextDecoder.decode(bytes);
            if (result instanceof TextDecoder.Text text) {
                if (text.malformed()) {
                    notices.add(Notice.warning(path, "not valid UTF-8: invalid bytes were read as U+FFFD"));
                }
                return Optional.of(new SourceFile(path, text.text()));
            }
            notices.add(Notice.note(path, "skipped: binary file"));
            return Optional.empty();
        } catch (RuntimeException e) {
            notices.add(Notice.warning(path, "could not be read: " + describe(e)));
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

    @Override
    public final synchronized List<Notice> notices() {
        return List.copyOf(notices);
    }

    @Override
    public final <T> T model(ModelKey<T> key) {
        return models.get(key, this);
    }
}
