package dev.migrationguard.git;

import dev.migrationguard.workspace.PathFilter;
import dev.migrationguard.workspace.Scope;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.errors.CanceledException;
import org.eclipse.jgit.diff.DiffConfig;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.RenameDetector;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheIterator;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.AbbreviatedObjectId;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.AbstractTreeIterator;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.WorkingTreeIterator;
import org.eclipse.jgit.util.io.DisabledOutputStream;

/**
 * Computes the changed paths between two versions with git's own diff and rename detection, limited to the scope
 * folder and to files the {@link PathFilter} lists (submodules and symbolic links are not files).
 */
final class GitDiff implements AutoCloseable {
    private final Repository repository;
    private final ObjectReader reader;
    private final String scope;
    private final PathFilter filter;
    private final DiffFormatter formatter;
    private TreeDiff treeDiff;
    private static final int VISIBLE_PATHS = 100_000;
    private final List<String> renamesSkipped = new ArrayList<>();
    private final Map<String, Boolean> visibleByPath = new HashMap<>();
    private RenameDetector treeRenames;
    private Map<String, ObjectId> oldBlobs = new HashMap<>();
    private Map<String, ObjectId> newBlobs = new HashMap<>();

    GitDiff(Repository repository, ObjectReader reader, String scope, PathFilter filter) {
        this.repository = repository;
        this.reader = reader;
        this.scope = scope;
        this.filter = filter;
        this.formatter = new DiffFormatter(DisabledOutputStream.INSTANCE);
        formatter.setReader(reader, repository.getConfig());
        formatter.setDetectRenames(true);
        if (!scope.isEmpty()) {
            formatter.setPathFilter(org.eclipse.jgit.treewalk.filter.PathFilter.create(scope));
        }
    }

    /** Between two trees; a null old tree is the empty tree (a root commit). */
    List<Change> trees(ObjectId oldTree, ObjectId newTree) throws IOException {
        if (treeDiff == null) {
            treeDiff = new TreeDiff(reader, scope);
            treeRenames = new RenameDetector(reader, repository.getConfig().get(DiffConfig.KEY));
        }
        oldBlobs = new HashMap<>();
        newBlobs = new HashMap<>();
        List<TreeDiff.Entry> entries = treeDiff.compare(oldTree, newTree);
        boolean adds = false;
        boolean deletes = false;
        for (TreeDiff.Entry e : entries) {
            adds |= e.type() == DiffEntry.ChangeType.ADD;
            deletes |= e.type() == DiffEntry.ChangeType.DELETE;
        }
        if (!(adds && deletes)) {
            // Nothing could pair up as a rename: no DiffEntry needed.
            List<Change> out = new ArrayList<>(entries.size());
            for (TreeDiff.Entry e : entries) {
                String oldPath = e.type() == DiffEntry.ChangeType.ADD ? DiffEntry.DEV_NULL : e.path();
                String newPath = e.type() == DiffEntry.ChangeType.DELETE ? DiffEntry.DEV_NULL : e.path();
                add(out, e.type(), oldPath, e.oldMode(), e.oldId(), newPath, e.newMode(), e.newId());
            }
            return sorted(out);
        }
        List<DiffEntry> diffEntries = new ArrayList<>(entries.size());
        for (TreeDiff.Entry e : entries) {
            diffEntries.add(new WorkEntry(e.type(), e.type() == DiffEntry.ChangeType.ADD ? DiffEntry.DEV_NULL : e.path(),
                    e.oldMode(), e.oldId(), e.type() == DiffEntry.ChangeType.DELETE ? DiffEntry.DEV_NULL : e.path(),
                    e.newMode(), e.newId()));
        }
        treeRenames.reset();
        treeRenames.addAll(diffEntries);
        try {
            diffEntries = treeRenames.compute(reader, NullProgressMonitor.INSTANCE);
        } catch (MissingObjectException e) {
            // A partial clone lacks the blobs that similarity needs: report the adds and deletes as they are.
            renamesSkipped.add(e.getObjectId().name());
        } catch (CanceledException e) {
            throw new IOException("rename detection was cancelled", e);
        }
        return convert(diffEntries);
    }

    /**
     * The blob ids of the files the last {@link #trees} comparison found changed, by path: as the old tree has them
     * ({@code newSide} false) or the new one. A snapshot of either version finds them without reading its trees.
     */
    Map<String, ObjectId> blobs(boolean newSide) {
        return Collections.unmodifiableMap(newSide ? newBlobs : oldBlobs);
    }

    /** From a tree (null: the empty tree) to the index. */
    List<Change> index(ObjectId oldTree, DirCache index) throws IOException {
        return convert(formatter.scan(iterator(oldTree), new DirCacheIterator(index)));
    }

    /**
     * From a tree to the working tree as the working-tree snapshot lists it: tracked files as they are on disk,
     * untracked files unless git ignores them. The index's stat data spares hashing files that did not change.
     */
    List<Change> workingTree(ObjectId oldTree, DirCache index) throws IOException {
        List<DiffEntry> entries = new ArrayList<>();
        WorkingTreeBlobs blobs = new WorkingTreeBlobs(repository.getWorkTree().toPath());
        try (TreeWalk walk = new TreeWalk(repository, reader)) {
            int head = walk.addTree(iterator(oldTree));
            int staged = walk.addTree(new DirCacheIterator(index));
            FileTreeIterator files = new RegularFilesIterator(repository);
            int work = walk.addTree(files);
            files.setDirCacheIterator(walk, staged);
            walk.setRecursive(false);
            if (!scope.isEmpty()) {
                walk.setFilter(org.eclipse.jgit.treewalk.filter.PathFilter.create(scope));
            }
            while (walk.next()) {
                String path = walk.getPathString();
                boolean tracked = walk.getRawMode(head) != 0 || walk.getRawMode(staged) != 0;
                WorkingTreeIterator onDisk = walk.getTree(work, WorkingTreeIterator.class);
                if (walk.isSubtree()) {
                    if (filter.descendInto(path, walk.getNameString())
                            && (tracked || onDisk == null || !onDisk.isEntryIgnored() || filter.couldInclude(path))) {
                        walk.enterSubtree();
                    }
                    continue;
                }
                boolean inOld = isFile(walk.getFileMode(head));
                boolean inWork = onDisk != null && isFile(walk.getFileMode(work))
                        && (tracked || !onDisk.isEntryIgnored() || filter.isIncluded(path));
                if (!inOld && !inWork || !filter.accept(path, false)) {
                    continue;
                }
                ObjectId newId = inWork ? blobs.id(walk, onDisk, walk.getTree(staged, DirCacheIterator.class)) : null;
                inWork = newId != null;
                if (inOld && inWork) {
                    ObjectId oldId = walk.getObjectId(head);
                    if (!oldId.equals(newId)) {
                        entries.add(new WorkEntry(DiffEntry.ChangeType.MODIFY, path, walk.getFileMode(head), oldId,
                                path, walk.getFileMode(work), newId));
                    }
                } else if (inOld) {
                    entries.add(new WorkEntry(DiffEntry.ChangeType.DELETE, path, walk.getFileMode(head),
                            walk.getObjectId(head), DiffEntry.DEV_NULL, FileMode.MISSING, ObjectId.zeroId()));
                } else if (inWork) {
                    entries.add(new WorkEntry(DiffEntry.ChangeType.ADD, DiffEntry.DEV_NULL, FileMode.MISSING,
                            ObjectId.zeroId(), path, walk.getFileMode(work), newId));
                }
            }
        }
        RenameDetector renames = new RenameDetector(reader, repository.getConfig().get(DiffConfig.KEY));
        renames.addAll(entries);
        try {
            return convert(renames.compute(blobs.withObjects(reader), NullProgressMonitor.INSTANCE));
        } catch (CanceledException e) {
            throw new IOException("rename detection was cancelled", e);
        }
    }

    /** Ids of blobs missing from the clone that kept rename detection from running, since the last call. */
    List<String> takeRenamesSkipped() {
        List<String> out = List.copyOf(renamesSkipped);
        renamesSkipped.clear();
        return out;
    }

    private AbstractTreeIterator iterator(ObjectId tree) throws IOException {
        if (tree == null) {
            return new EmptyTreeIterator();
        }
        CanonicalTreeParser parser = new CanonicalTreeParser();
        parser.reset(reader, tree);
        return parser;
    }

    private List<Change> convert(List<DiffEntry> entries) {
        List<Change> out = new ArrayList<>(entries.size());
        for (DiffEntry e : entries) {
            add(out, e.getChangeType(), e.getOldPath(), e.getOldMode(), e.getOldId().toObjectId(), e.getNewPath(),
                    e.getNewMode(), e.getNewId().toObjectId());
        }
        return sorted(out);
    }

    /** Adds the change a diff entry makes to the files a rule sees, if any (links and submodules are not files). */
    private void add(List<Change> out, DiffEntry.ChangeType changeType, String entryOldPath, FileMode oldMode,
                     ObjectId oldId, String entryNewPath, FileMode newMode, ObjectId newId) {
        String oldPath = isFile(oldMode) && visible(entryOldPath) ? entryOldPath : null;
        String newPath = isFile(newMode) && visible(entryNewPath) ? entryNewPath : null;
        if (oldPath == null && newPath == null) {
            return;
        }
        if (oldPath != null && oldId != null) {
            oldBlobs.put(oldPath, oldId);
        }
        if (newPath != null && newId != null) {
            newBlobs.put(newPath, newId);
        }
        ChangeType type;
        if (oldPath == null) {
            type = ChangeType.ADD;
        } else if (newPath == null) {
            type = ChangeType.DELETE;
        } else {
            type = switch (changeType) {
                case RENAME -> ChangeType.RENAME;
                case COPY -> ChangeType.COPY;
                default -> ChangeType.MODIFY;
            };
        }
        out.add(new Change(type, oldPath, newPath));
    }

    private static List<Change> sorted(List<Change> changes) {
        changes.sort(Comparator.comparing(Change::path));
        return changes;
    }

    private boolean visible(String path) {
        // A history walk meets the same few hundred paths thousands of times: match each against the filter once.
        Boolean known = visibleByPath.get(path);
        if (known == null) {
            known = Scope.contains(scope, path) && filter.acceptTracked(path);
            if (visibleByPath.size() < VISIBLE_PATHS) {
                visibleByPath.put(path, known);
            }
        }
        return known;
    }

    private static boolean isFile(FileMode mode) {
        return mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE;
    }

    @Override
    public void close() {
        formatter.close();
    }

    /** A diff entry made here: for the working tree (DiffFormatter would hash every file) and for tree diffs. */
    private static final class WorkEntry extends DiffEntry {
        WorkEntry(ChangeType type, String oldPath, FileMode oldMode, ObjectId oldId,
                  String newPath, FileMode newMode, ObjectId newId) {
            this.changeType = type;
            this.oldPath = oldPath;
            this.oldMode = oldMode;
            this.oldId = AbbreviatedObjectId.fromObjectId(oldId);
            this.newPath = newPath;
            this.newMode = newMode;
            this.newId = AbbreviatedObjectId.fromObjectId(newId);
        }
    }
}
