package dev.migrationguard.database;

import dev.migrationguard.workspace.ModelKey;
import dev.migrationguard.workspace.Notice;
import dev.migrationguard.workspace.Snapshot;
import dev.migrationguard.workspace.SourceFile;
import java.util.List;
import java.util.Optional;

/** The files of a repository together with the live database they are checked against. */
public final class SnapshotWithDatabase implements Snapshot {
    private final Snapshot files;
    private final DatabaseState database;

    public SnapshotWithDatabase(Snapshot files, DatabaseState database) {
        this.files = files;
        this.database = database;
    }

    @Override
    public String description() {
        return "database " + database.url().display() + " against " + database.migrationsFolder();
    }

    @Override
    public List<String> paths() {
        return files.paths();
    }

    @Override
    public Optional<SourceFile> read(String path) {
        return files.read(path);
    }

    @Override
    public List<String> subfolders(String folder) {
        return files.subfolders(folder);
    }

    @Override
    public Optional<SourceFile> readIf(String path, java.util.function.Predicate<byte[]> wanted) {
        return files.readIf(path, wanted);
    }

    @Override
    public boolean contains(String path) {
        return files.contains(path);
    }

    @Override
    public boolean hasPath(String path) {
        return files.hasPath(path);
    }

    @Override
    public List<Notice> notices() {
        return files.notices();
    }

    @Override
    public void addNotice(Notice notice) {
        files.addNotice(notice);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T model(ModelKey<T> key) {
        return key == DatabaseState.KEY ? (T) Optional.of(database) : files.model(key);
    }
}
