package dev.migrationguard.workspace;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    GitObjectSnapshot(Repository repository, String scope, PathFilter filter, long maxFileBytes) {
        super(maxFileBytes);
        this.repository = repository;
        this.scope = Scope.normalise(scope);
        this.filter = filter;
    }

    /** Calls {@link #accept} for every blob of this version. */
    protected abstract void listBlobs() throws IOException;

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
        try {
            listBlobs();
        } catch (IOException e) {
            addNotice(Notice.error("", "could not list " + description() + ": " + e.getMessage()));
        }
        return new ArrayList<>(blobs.keySet());
    }

    /** The blob id of a listed file, or null. */
    public final synchronized ObjectId blobId(String path) {
        paths();
        return blobs.get(path);
    }

    @Override
    protected final long size(String path) throws IOException {
        ObjectId id = blobs.get(path);
        try (ObjectReader reader = repository.newObjectReader()) {
            return reader.getObjectSize(id, Constants.OBJ_BLOB);
        } catch (MissingObjectException e) {
            throw missing(id);
        }
    }

    @Override
    protected final byte[] load(String path) throws IOException {
        ObjectId id = blobs.get(path);
        try (ObjectReader reader = repository.newObjectReader()) {
            return reader.open(id, Constants.OBJ_BLOB).getBytes();
        } catch (MissingObjectException e) {
            throw missing(id);
        }
    }

    private static IOException missing(ObjectId id) {
        return new IOException("blob " + id.abbreviate(7).name() + " is not in this clone (a partial clone leaves blobs"
                + " out until they are fetched); skipped");
    }
}
