package dev.migrationguard.workspace;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A view of a snapshot that lists only some of its files, while every file stays readable. A pre-commit run gives
 * it to the rules whose findings in a file depend on that file alone, so they look at the files a commit changes and
 * skip the rest. Models built on the view are its own: they see only the listed files.
 */
public final class SubsetSnapshot implements Snapshot {
    private final Snapshot whole;
    private final List<String> listed;
    private final Set<String> listedSet;
    private final ModelCache models = new ModelCache();

    /** Lists those of {@code paths} that {@code whole} lists. */
    public SubsetSnapshot(Snapshot whole, Collection<String> paths) {
        this.whole = whole;
        TreeSet<String> kept = new TreeSet<>();
        for (String path : paths) {
            if (whole.contains(path)) {
                kept.add(path);
            }
        }
        this.listed = List.copyOf(kept);
        this.listedSet = Set.copyOf(kept);
    }

    @Override
    public String description() {
        return whole.description();
    }

    @Override
    public List<String> paths() {
        return listed;
    }

    @Override
    public Optional<SourceFile> read(String path) {
        return whole.read(path);
    }

    @Override
    public Optional<SourceFile> readIf(String path, java.util.function.Predicate<byte[]> wanted) {
        return whole.readIf(path, wanted);
    }

    @Override
    public boolean contains(String path) {
        return listedSet.contains(path);
    }

    @Override
    public List<Notice> notices() {
        return whole.notices();
    }

    @Override
    public void addNotice(Notice notice) {
        whole.addNotice(notice);
    }

    @Override
    public <T> T model(ModelKey<T> key) {
        return models.get(key, this);
    }
}
