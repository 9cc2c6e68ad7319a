package dev.migrationguard.workspace;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.jgit.attributes.Attribute;
import org.eclipse.jgit.attributes.AttributesNode;
import org.eclipse.jgit.attributes.AttributesRule;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.ConfigConstants;
import org.eclipse.jgit.lib.CoreConfig;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.util.SystemReader;

/**
 * Finds the files of the working tree that hold exactly a given blob, so that a snapshot of HEAD or of the index can
 * read a file from disk instead of inflating it from a pack (most of the cost of reading a commit's files). Git's
 * own test decides, as {@code git status} does: the index entry has the blob's id and the file's size and
 * modification time are the ones the index recorded when it last hashed the file, and that time is older than the
 * index itself (a file changed within the same tick as the index was written is "racily clean" and is not trusted).
 * <p>
 * A file on disk is the blob's bytes only when checkout converts nothing: not on Windows (native line ends are CRLF),
 * not with {@code core.autocrlf=true} or {@code core.eol=crlf}, and not when any attributes file could ask for a
 * filter (Git LFS), {@code ident}, an encoding or line-end conversion. In any of those cases every file is read from
 * git, as before.
 */
public final class CheckedOutFiles {
    /** Attributes that change a file's bytes on checkout whenever they are set (to anything but unset). */
    private static final Set<String> CONVERTING = Set.of("filter", "ident", "working-tree-encoding", "crlf");

    private final Repository repository;
    private boolean loaded;
    private DirCache index;
    private Path workTree;
    private Instant indexTime;

    private CheckedOutFiles(Repository repository, DirCache index, Instant indexTime) {
        this.repository = repository;
        this.index = index;
        this.indexTime = indexTime;
    }

    /** For a repository's working tree; its index is read at the first lookup. */
    public static CheckedOutFiles of(Repository repository) {
        return new CheckedOutFiles(repository, null, null);
    }

    /**
     * For a repository's working tree, with its index as the caller already read it; {@code indexTime} is the
     * index file's modification time taken before that read ({@link #indexTime}), or null when it is unknown (then
     * no file is trusted).
     */
    public static CheckedOutFiles of(Repository repository, DirCache index, Instant indexTime) {
        return new CheckedOutFiles(repository, index, indexTime);
    }

    /** The index file's modification time, to be taken before the index is read; null when it cannot be. */
    public static Instant indexTime(Repository repository) {
        try {
            return Files.getLastModifiedTime(repository.getIndexFile().toPath()).toInstant();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The bytes of the blob {@code id} at {@code path} read from the working tree, or null (read it from git). */
    public byte[] read(String path, ObjectId id) {
        DirCacheEntry entry = entryOf(path, id);
        Path file = entry == null ? null : cleanCopy(path, entry);
        if (file == null) {
            return null;
        }
        try {
            byte[] bytes = RegularFile.read(file, entry.getLength(), false);
            // Changed since the check: git has the bytes the index vouched for.
            return bytes.length == entry.getLength() ? bytes : null;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The size of the blob {@code id} at {@code path} as the index recorded it when it hashed the file to that
     * blob (with no conversion on checkout, the blob's size), or -1. The file itself is checked when it is read.
     */
    public long size(String path, ObjectId id) {
        DirCacheEntry entry = entryOf(path, id);
        return entry == null ? -1 : entry.getLength();
    }

    /** The index entry of {@code path} when it records the blob {@code id} as checked out, else null. */
    private DirCacheEntry entryOf(String path, ObjectId id) {
        DirCache entries = entries();
        if (entries == null) {
            return null;
        }
        DirCacheEntry entry = entries.getEntry(path);
        if (entry == null || entry.getStage() != DirCacheEntry.STAGE_0 || entry.isAssumeValid()
                || entry.isSkipWorkTree() || entry.isIntentToAdd() || entry.isSmudged()
                || !FileMode.REGULAR_FILE.equals(entry.getRawMode()) && !FileMode.EXECUTABLE_FILE.equals(entry.getRawMode())
                || !id.equals(entry.getObjectId())) {
            return null;
        }
        return entry;
    }

    /**
     * The file in the working tree at {@code path} (relative to the repository's root) when it still has the size
     * and modification time the index recorded for {@code entry}, and that time is older than the index; else null.
     */
    private Path cleanCopy(String path, DirCacheEntry entry) {
        Instant recorded = entry.getLastModifiedInstant();
        if (!recorded.isBefore(indexTime)) {
            return null;
        }
        Path file = workTree.resolve(path);
        try {
            BasicFileAttributes stat = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!stat.isRegularFile() || stat.size() != entry.getLength()
                    || !stat.lastModifiedTime().toInstant().equals(recorded)) {
                return null;
            }
        } catch (IOException e) {
            return null;
        }
        return file;
    }

    /** The index, read once, or null when no file can be trusted to equal its blob. */
    private synchronized DirCache entries() {
        if (!loaded) {
            loaded = true;
            try {
                index = load();
            } catch (IOException | RuntimeException e) {
                // Reading from git is always right; this is only a shortcut.
                index = null;
            }
        }
        return index;
    }

    private DirCache load() throws IOException {
        if (repository.isBare() || SystemReader.getInstance().isWindows() || convertsLineEnds()) {
            return null;
        }
        workTree = repository.getWorkTree().toPath();
        DirCache read = index;
        if (read == null) {
            // The index's time is taken before it is read: an index written in between is then judged by an older
            // time, which trusts fewer files, never more.
            indexTime = indexTime(repository);
            read = DirCache.read(repository.getIndexFile(), repository.getFS());
        }
        if (indexTime == null) {
            return null;
        }
        for (File attributes : globalAttributes()) {
            if (converts(attributes.toPath())) {
                return null;
            }
        }
        for (int i = 0; i < read.getEntryCount(); i++) {
            String path = read.getEntry(i).getPathString();
            if ((path.equals(".gitattributes") || path.endsWith("/.gitattributes"))
                    && converts(workTree.resolve(path))) {
                return null;
            }
        }
        return read;
    }

    private boolean convertsLineEnds() {
        Config config = repository.getConfig();
        return config.getEnum(ConfigConstants.CONFIG_CORE_SECTION, null, ConfigConstants.CONFIG_KEY_AUTOCRLF,
                CoreConfig.AutoCRLF.FALSE) == CoreConfig.AutoCRLF.TRUE
                || config.getEnum(ConfigConstants.CONFIG_CORE_SECTION, null, ConfigConstants.CONFIG_KEY_EOL,
                CoreConfig.EOL.NATIVE) == CoreConfig.EOL.CRLF;
    }

    /** The attributes files outside the tree: the repository's info/attributes and the user's. */
    private List<File> globalAttributes() {
        File info = new File(repository.getDirectory(), "info/attributes");
        String configured = repository.getConfig().getString(ConfigConstants.CONFIG_CORE_SECTION, null,
                ConfigConstants.CONFIG_KEY_ATTRIBUTESFILE);
        File user;
        if (configured != null) {
            user = repository.getFS().resolve(null, configured.startsWith("~/")
                    ? new File(repository.getFS().userHome(), configured.substring(2)).getPath() : configured);
        } else {
            String xdg = SystemReader.getInstance().getenv("XDG_CONFIG_HOME");
            File base = xdg != null && !xdg.isEmpty() ? new File(xdg) : new File(repository.getFS().userHome(), ".config");
            user = new File(base, "git/attributes");
        }
        return List.of(info, user);
    }

    /**
     * Whether an attributes file (absent: no) may ask checkout to change bytes, read with JGit's own parser: a
     * filter (Git LFS), {@code ident}, an encoding, the old {@code crlf}, or an {@code eol} other than {@code lf}
     * on any pattern. A text attribute alone does not on Unix. An unreadable file counts as yes.
     */
    private static boolean converts(Path attributes) {
        if (!Files.exists(attributes, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        AttributesNode node = new AttributesNode();
        // A FIFO or device never ends: read only a regular file of a settings file's size (else: converts).
        try (InputStream in = new java.io.ByteArrayInputStream(
                RegularFile.read(attributes, RegularFile.SETTINGS_MAX_BYTES, true))) {
            node.parse(in);
        } catch (IOException e) {
            return true;
        }
        for (AttributesRule rule : node.getRules()) {
            for (Attribute attribute : rule.getAttributes()) {
                String key = attribute.getKey().toLowerCase(Locale.ROOT);
                boolean set = attribute.getState() == Attribute.State.SET || attribute.getState() == Attribute.State.CUSTOM;
                if (set && CONVERTING.contains(key)
                        || key.equals("eol") && attribute.getState() == Attribute.State.CUSTOM
                        && !"lf".equalsIgnoreCase(attribute.getValue())) {
                    return true;
                }
            }
        }
        return false;
    }
}
