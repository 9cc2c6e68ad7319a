package dev.migrationguard.workspace;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The files of one commit, read from its tree. Submodules (gitlinks) and symbolic links are not files and are not
 * listed; skipped folders and binary types follow the same {@link PathFilter} as the working tree.
 */
public final class CommitSnapshot extends GitObjectSnapshot {
    private final ObjectId commitId;
    private final ObjectId treeId;
    private String description;

    /** The files of {@code commit}; its headers must be parsed (as a {@link RevWalk} returns it). */
    public CommitSnapshot(Repository repository, RevCommit commit, String scope, PathFilter filter, long maxFileBytes) {
        super(repository, scope, filter, maxFileBytes);
        this.commitId = commit.copy();
        this.treeId = commit.getTree().copy();
    }

    /** The files of a commit named by id, with the default filter and size limit. */
    public static CommitSnapshot of(Repository repository, ObjectId commit) throws IOException {
        try (RevWalk walk = new RevWalk(repository)) {
            return new CommitSnapshot(repository, walk.parseCommit(commit), "", PathFilter.defaults(),
                    DEFAULT_MAX_FILE_BYTES);
        }
    }

    public ObjectId commitId() {
        return commitId;
    }

    @Override
    public synchronized String description() {
        // Made when asked: a history walk makes a snapshot per commit, and few are ever described.
        if (description == null) {
            description = "commit " + commitId.abbreviate(7).name();
        }
        return description;
    }

    @Override
    protected ObjectId findBlob(String path) throws IOException {
        try (ObjectReader reader = repository().newObjectReader()) {
            TreeEntries.Entry entry = TreeEntries.find(reader, treeId, path);
            return entry != null && entry.isFile() ? entry.id() : null;
        }
    }

    @Override
    protected List<String> findSubfolders(String folder) throws IOException {
        List<String> names = new ArrayList<>();
        try (ObjectReader reader = repository().newObjectReader()) {
            ObjectId tree = treeId;
            if (!folder.isEmpty()) {
                TreeEntries.Entry entry = TreeEntries.find(reader, treeId, folder);
                if (entry == null || !entry.isTree()) {
                    return List.of();
                }
                tree = entry.id();
            }
            for (String name : TreeEntries.folders(reader, tree)) {
                String dir = folder.isEmpty() ? name : folder + "/" + name;
                if ((Scope.contains(scope(), dir) || Scope.isAncestor(dir, scope())) && filter().descendInto(dir, name)) {
                    names.add(name);
                }
            }
        }
        Collections.sort(names);
        return List.copyOf(names);
    }

    @Override
    protected void listBlobs() throws IOException {
        try (TreeWalk walk = new TreeWalk(repository())) {
            walk.addTree(treeId);
            walk.setRecursive(false);
            while (walk.next()) {
                String path = walk.getPathString();
                FileMode mode = walk.getFileMode(0);
                if (walk.isSubtree()) {
                    if (enters(path, walk.getNameString())) {
                        walk.enterSubtree();
                    }
                } else if (mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE) {
                    accept(path, walk.getObjectId(0));
                }
            }
        }
    }
}
