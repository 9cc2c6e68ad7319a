package dev.migrationguard.workspace;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

/**
 * The files as staged in the git index: what the next commit will contain. A file that differs between the index
 * and the working tree is read from the index. Files with unresolved merge conflicts and files only marked with
 * {@code git add -N} have no staged content and are skipped with a note; submodules are not files.
 */
public final class GitIndexSnapshot extends GitObjectSnapshot {
    private DirCache index;

    public GitIndexSnapshot(Repository repository, String scope, PathFilter filter, long maxFileBytes) {
        super(repository, scope, filter, maxFileBytes);
    }

    /** The staged files of {@code index}, as the caller already read it (one read of the index per run). */
    public GitIndexSnapshot(Repository repository, DirCache index, String scope, PathFilter filter, long maxFileBytes) {
        this(repository, scope, filter, maxFileBytes);
        this.index = index;
    }

    public GitIndexSnapshot(Repository repository) {
        this(repository, "", PathFilter.defaults(), DEFAULT_MAX_FILE_BYTES);
    }

    /** The index as read once, so listing and reading see the same staged content. */
    private DirCache index() throws IOException {
        if (index == null) {
            index = repository().readDirCache();
        }
        return index;
    }

    @Override
    public String description() {
        return "index";
    }

    @Override
    protected ObjectId findBlob(String path) throws IOException {
        DirCacheEntry entry = index().getEntry(path);
        if (entry == null || entry.getStage() != DirCacheEntry.STAGE_0 || entry.isIntentToAdd()) {
            return null;
        }
        FileMode mode = entry.getFileMode();
        return mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE ? entry.getObjectId() : null;
    }

    @Override
    protected void listBlobs() throws IOException {
        DirCache index = index();
        Set<String> conflicted = new HashSet<>();
        for (int i = 0; i < index.getEntryCount(); i++) {
            DirCacheEntry entry = index.getEntry(i);
            String path = entry.getPathString();
            if (!Scope.contains(scope(), path)) {
                continue;
            }
            FileMode mode = entry.getFileMode();
            if (entry.getStage() != DirCacheEntry.STAGE_0) {
                if (conflicted.add(path)) {
                    addNotice(Notice.note(path, "skipped: unresolved merge conflict in the index"));
                }
            } else if (entry.isIntentToAdd()) {
                addNotice(Notice.note(path, "skipped: marked with `git add -N` but not staged"));
            } else if (mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE) {
                accept(path, entry.getObjectId());
            }
        }
    }
}
