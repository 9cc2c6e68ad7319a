package dev.migrationguard.testing;

import dev.migrationguard.workspace.AbstractSnapshot;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A snapshot of files given as strings: the quickest way to feed a rule in a test. */
public final class InMemorySnapshot extends AbstractSnapshot {
    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private final Map<String, Integer> loads = new java.util.concurrent.ConcurrentHashMap<>();

    public InMemorySnapshot() {
        super(DEFAULT_MAX_FILE_BYTES);
    }

    public static InMemorySnapshot of(String... pathsAndContents) {
        InMemorySnapshot s = new InMemorySnapshot();
        for (int i = 0; i < pathsAndContents.length; i += 2) {
            s.put(pathsAndContents[i], pathsAndContents[i + 1]);
        }
        return s;
    }

    public InMemorySnapshot put(String path, String content) {
        files.put(path, content.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    public InMemorySnapshot putBytes(String path, byte[] content) {
        files.put(path, content);
        return this;
    }

    @Override
    public String description() {
        return "in-memory test snapshot";
    }

    @Override
    protected List<String> listPaths() {
        return List.copyOf(files.keySet());
    }

    @Override
    protected long size(String path) {
        return files.get(path).length;
    }

    @Override
    protected byte[] load(String path) {
        loads.merge(path, 1, Integer::sum);
        return files.get(path);
    }

    /** How many times the snapshot loaded a file's bytes. */
    public int loads(String path) {
        return loads.getOrDefault(path, 0);
    }
}
