package dev.migrationguard.workspace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The files of one commit, read from its tree. Submodules (gitlinks) and symbolic links are not files and are not
 * listed; skipped folders and binary types follow the same {@link PathFilter} as the working tree.
 */
public final class CommitSnapshot extends GitObjectSnapshot {
    private final ObjectId commitId;
    private final ObjectId treeId;
    private final String description;

    /** The files of {@code commit}; its headers must be parsed (as a {@link RevWalk} returns it). */
    public CommitSnapshot(Repository repository, RevCommit commit, String scope, PathFilter filter, long maxFileBytes) {
        super(repository, scope, filter, maxFileBytes);
        this.commitId = commit.copy();
        this.treeId = commit.getTree().copy();
        this.description = "commit " + commit.abbreviate(7).name();
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
    public String description() {
        return description;
    }

    @Override
    protected ObjectId findBlob(String path) throws IOException {
        try (TreeWalk walk = TreeWalk.forPath(repository(), path, treeId)) {
            if (walk == null) {
                return null;
            }
            FileMode mode = walk.getFileMode(0);
            return mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE ? walk.getObjectId(0).copy() : null;
        }
    }

    @Override
    protected List<String> findSubfolders(String folder) throws IOException {
        ObjectId tree = treeId;
        if (!folder.isEmpty()) {
            try (TreeWalk walk = TreeWalk.forPath(repository(), folder, treeId)) {
                if (walk == null || !walk.isSubtree()) {
                    return List.of();
                }
                tree = walk.getObjectId(0).copy();
            }
        }
        List<String> names = new ArrayList<>();
        try (ObjectReader reader = repository().newObjectReader()) {
            CanonicalTreeParser entries = new CanonicalTreeParser(null, reader, tree);
            for (; !entries.eof(); entries.next(1)) {
                if (FileMode.TREE.equals(entries.getEntryRawMode())) {
                    String name = nameOf(entries);
                    String dir = folder.isEmpty() ? name : folder + "/" + name;
                    if ((Scope.contains(scope(), dir) || Scope.isAncestor(dir, scope())) && filter().descendInto(dir, name)) {
                        names.add(name);
                    }
                }
            }
        }
        Collections.sort(names);
        return List.copyOf(names);
    }

    /** An entry's name; most are ASCII, which needs no UTF-8 decoder (thousands of migration folders per walk). */
    private static String nameOf(CanonicalTreeParser entry) {
        int length = entry.getNameLength();
        byte[] raw = new byte[length];
        entry.getName(raw, 0);
        for (byte b : raw) {
            if (b < 0) {
                return entry.getEntryPathString();
            }
        }
        return new String(raw, StandardCharsets.ISO_8859_1);
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
