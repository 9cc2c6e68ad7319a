package dev.migrationguard.report;

import dev.migrationguard.workspace.ModelKey;
import dev.migrationguard.workspace.Notice;
import dev.migrationguard.workspace.Snapshot;
import dev.migrationguard.workspace.SourceFile;
import java.util.List;
import java.util.Optional;

/** A view of a snapshot that remembers the last file a rule read, so a rule that fails can be reported with it. */
final class TrackingSnapshot implements Snapshot {
    private final Snapshot delegate;
    private String lastRead = "";

    TrackingSnapshot(Snapshot delegate) {
        this.delegate = delegate;
    }

    String lastRead() {
        return lastRead;
    }

    @Override
    public String description() {
        return delegate.description();
    }

    @Override
    public List<String> paths() {
        return delegate.paths();
    }

    @Override
    public Optional<SourceFile> read(String path) {
        lastRead = path;
        return delegate.read(path);
    }

    @Override
    public Optional<SourceFile> readIf(String path, java.util.function.Predicate<byte[]> wanted) {
        lastRead = path;
        return delegate.readIf(path, wanted);
    }

    @Override
    public boolean contains(String path) {
        return delegate.contains(path);
    }

    @Override
    public boolean hasPath(String path) {
        return delegate.hasPath(path);
    }

    @Override
    public List<Notice> notices() {
        return delegate.notices();
    }

    @Override
    public void addNotice(Notice notice) {
        delegate.addNotice(notice);
    }

    @Override
    public <T> T model(ModelKey<T> key) {
        return delegate.model(key);
    }
}
