package dev.migrationguard.git;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.jgit.diff.ContentSource;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.dircache.DirCacheIterator;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.CoreConfig.EolStreamType;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.WorkingTreeIterator;
import org.eclipse.jgit.util.io.EolStreamTypeUtil;

/**
 * The blob ids of working-tree files, as git would store them, and their content for rename detection, without
 * running anything the repository configures. JGit's working-tree iterator hashes a file through its clean filter
 * ({@code filter.<name>.clean} in .git/config, assigned by .gitattributes), which runs a command; here a file is
 * the index's blob when git's stat data vouches for it, and otherwise its own bytes with git's built-in line-ending
 * conversion. Only regular files are opened: a FIFO or device in the working tree is not a file.
 */
final class WorkingTreeBlobs extends ContentSource {
    /** Above this, line endings are not converted for hashing (that needs the whole converted file in memory). */
    private static final long CONVERT_LIMIT = 64L << 20;
    private final Path root;
    /** How each hashed path converts line endings on the way in, for reading it again. */
    private final Map<String, EolStreamType> conversions = new HashMap<>();

    WorkingTreeBlobs(Path root) {
        this.root = root;
    }

    /**
     * The id of the walk's current working-tree entry, or null when it is no regular file (or vanished).
     *
     * @param staged the index's entry for the same path, if the walk has one
     */
    ObjectId id(TreeWalk walk, WorkingTreeIterator onDisk, DirCacheIterator staged) throws IOException {
        DirCacheEntry entry = staged == null ? null : staged.getDirCacheEntry();
        if (entry != null && onDisk.compareMetadata(entry) == WorkingTreeIterator.MetadataDiff.EQUAL) {
            return entry.getObjectId();
        }
        String path = walk.getPathString();
        EolStreamType conversion = walk.getEolStreamType(TreeWalk.OperationType.CHECKIN_OP);
        Path file = onDisk instanceof FileTreeIterator files ? files.getEntryFile().toPath() : root.resolve(path);
        byte[] converted;
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isRegularFile()) {
                return null;
            }
            conversions.put(path, conversion);
            if (conversion == EolStreamType.DIRECT || attributes.size() > CONVERT_LIMIT) {
                try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                    conversions.put(path, EolStreamType.DIRECT);
                    return new ObjectInserter.Formatter().idFor(Constants.OBJ_BLOB, attributes.size(), in);
                }
            }
            converted = read(file, conversion);
        } catch (NoSuchFileException e) {
            return null;
        }
        return new ObjectInserter.Formatter().idFor(Constants.OBJ_BLOB, converted);
    }

    private static byte[] read(Path file, EolStreamType conversion) throws IOException {
        try (InputStream in = EolStreamTypeUtil.wrapInputStream(Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS),
                conversion)) {
            return in.readAllBytes();
        }
    }

    @Override
    public long size(String path, ObjectId id) throws IOException {
        return open(path, id).getSize();
    }

    @Override
    public ObjectLoader open(String path, ObjectId id) throws IOException {
        Path file = root.resolve(path);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new NoSuchFileException(path);
        }
        return new ObjectLoader.SmallObject(Constants.OBJ_BLOB,
                read(file, conversions.getOrDefault(path, EolStreamType.DIRECT)));
    }

    /** Reads the old side from git's objects and the new side from disk, as {@link #open} does. */
    ContentSource.Pair withObjects(ObjectReader reader) {
        return new ContentSource.Pair(ContentSource.create(reader), this);
    }
}
