package dev.migrationguard.workspace;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;

/**
 * A snapshot whose files are git blobs (a commit's tree or the index): listing records each path's blob id, and a
 * blob is only read when a rule reads its file. A blob absent from the object store (a partial clone) becomes a
 * notice on that file, never an exception.
 */
abstract class GitObjectSnapshot extends AbstractSnapshot {
    private final Repository repository;
    private final String scope;
    private final PathFilter filter;
    private final Map<String, ObjectId> blobs = new HashMap<>();
    private final Map<String, ObjectId> foundAlone = new HashMap<>();
    private boolean listed;
    private CheckedOutFiles checkedOut;
    private final List<Map<String, ObjectId>> known = new ArrayList<>();

    GitObjectSnapshot(Repository repository, String scope, PathFilter filter, long maxFileBytes) {
        super(maxFileBytes);
        this.repository = repository;
        this.scope = Scope.normalise(scope);
        this.filter = filter;
    }

    /** Calls {@link #accept} for every blob of this version. */
    protected abstract void listBlobs() throws IOException;

    /** The blob id of one regular file of this version, or null, without listing the others. */
    protected abstract ObjectId findBlob(String path) throws IOException;

    /** The names of the subtrees of one folder, or null when this version cannot tell without listing. */
    protected List<String> findSubfolders(String folder) throws IOException {
        return null;
    }

    @Override
    protected final synchronized boolean hasFile(String path) {
        if (listed || !ascii(path)) {
            // A name that was not UTF-8 in git is only found again through the listing that decoded it.
            return contains(path);
        }
        if (foundAlone.containsKey(path)) {
            return foundAlone.get(path) != null;
        }
        ObjectId id = null;
        for (Map<String, ObjectId> found : known) {
            id = found.get(path);
            if (id != null) {
                foundAlone.put(path, id);
                return true;
            }
        }
        if (Scope.contains(scope, path) && filter.acceptTracked(path)) {
            try {
                id = findBlob(path);
            } catch (IOException e) {
                addNotice(Notice.warning(path, "could not be looked up in " + description() + ": " + e.getMessage()));
            }
        }
        foundAlone.put(path, id);
        return id != null;
    }

    /**
     * Records blob ids of this version's files found elsewhere (a diff of its tree with the same scope and filter),
     * so that reading them needs no lookup in the tree.
     */
    public final synchronized void knowBlobs(Map<String, ObjectId> found) {
        if (!found.isEmpty()) {
            known.add(found);
        }
    }

    @Override
    public final synchronized List<String> subfolders(String folder) {
        if (!listed && ascii(folder) && (Scope.contains(scope, folder) || folder.isEmpty() && scope.isEmpty())) {
            try {
                List<String> found = findSubfolders(folder);
                if (found != null) {
                    return found;
                }
            } catch (IOException e) {
                addNotice(Notice.warning(folder, "could not be looked up in " + description() + ": " + e.getMessage()));
                return List.of();
            }
        }
        return super.subfolders(folder);
    }

    /**
     * Reads a file from the working tree instead of git when the index vouches that it holds this version's blob
     * (a clean checkout of HEAD, a staged file left as it was staged).
     */
    public final void readCheckedOutCopies(CheckedOutFiles files) {
        this.checkedOut = files;
    }

    final Repository repository() {
        return repository;
    }

    final String scope() {
        return scope;
    }

    final PathFilter filter() {
        return filter;
    }

    /** Whether a walk should enter a folder: on the way to the scope or inside it, and not a skipped folder. */
    final boolean enters(String dirPath, String dirName) {
        return (Scope.contains(scope, dirPath) || Scope.isAncestor(dirPath, scope)) && filter.descendInto(dirPath, dirName);
    }

    /** Records a listed blob if the scope and the path filter let it through. */
    final void accept(String path, ObjectId blob) {
        if (Scope.contains(scope, path) && filter.acceptTracked(path)) {
            blobs.put(path, blob.copy());
        }
    }

    @Override
    protected final List<String> listPaths() {
        listed = true;
        try {
            listBlobs();
        } catch (IOException e) {
            addNotice(Notice.error("", "could not list " + description() + ": " + e.getMessage()));
        }
        return new ArrayList<>(blobs.keySet());
    }

    @Override
    public final synchronized Optional<String> knownContentId(String path) {
        ObjectId id = blobs.get(path);
        if (id == null) {
            id = foundAlone.get(path);
        }
        for (int i = 0; id == null && i < known.size(); i++) {
            id = known.get(i).get(path);
        }
        return id == null ? Optional.empty() : Optional.of(id.name());
    }

    /** The blob id of a listed file, or null. */
    public final synchronized ObjectId blobId(String path) {
        paths();
        return blobs.get(path);
    }

    @Override
    protected final long size(String path) throws IOException {
        ObjectId id = blob(path);
        long onDisk = checkedOut == null ? -1 : checkedOut.size(path, id);
        if (onDisk >= 0) {
            return onDisk;
        }
        try (ObjectReader reader = repository.newObjectReader()) {
            return reader.getObjectSize(id, Constants.OBJ_BLOB);
        } catch (MissingObjectException e) {
            throw missing(id);
        }
    }

    @Override
    protected final byte[] load(String path) throws IOException {
        ObjectId id = blob(path);
        byte[] onDisk = checkedOut == null ? null : checkedOut.read(path, id);
        if (onDisk != null) {
            return onDisk;
        }
        try (ObjectReader reader = repository.newObjectReader()) {
            return reader.open(id, Constants.OBJ_BLOB).getBytes();
        } catch (MissingObjectException e) {
            throw missing(id);
        }
    }

    private static boolean ascii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private synchronized ObjectId blob(String path) {
        ObjectId id = blobs.get(path);
        return id != null ? id : foundAlone.get(path);
    }

    private static IOException missing(ObjectId id) {
        return new IOException("blob " + id.abbreviate(7).name() + " is not in this clone (a partial clone leaves blobs"
                + " out until they are fetched); skipped");
    }
}
