package dev.migrationguard.workspace;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
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
    /**
     * Attributes that make checkout change a file's bytes: a text attribute alone does not on Unix, nor does
     * {@code eol=lf}. Anything that looks like one counts, even in a comment.
     */
    private static final Pattern CONVERTING = Pattern.compile(
            "\\b(filter|ident|working-tree-encoding|crlf)\\b|\\beol\\b(?!\\s*=\\s*lf\\b)");

    private final Repository repository;
    private boolean loaded;
    private DirCache index;
    private Path workTree;
    private Instant indexTime;

    private CheckedOutFiles(Repository repository) {
        this.repository = repository;
    }

    /** For a repository's working tree; nothing is read until the first lookup. */
    public static CheckedOutFiles of(Repository repository) {
        return new CheckedOutFiles(repository);
    }

    /** The bytes of the blob {@code id} at {@code path} read from the working tree, or null (read it from git). */
    public byte[] read(String path, ObjectId id) {
        Path file = copyOf(path, id);
        if (file == null) {
            return null;
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            // Changed since the check: git has the bytes the index vouched for.
            return bytes.length == index.getEntry(path).getLength() ? bytes : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** The size of the blob {@code id} at {@code path} when its working-tree copy can be read, or -1. */
    public long size(String path, ObjectId id) {
        return copyOf(path, id) != null ? index.getEntry(path).getLength() : -1;
    }

    /**
     * The file in the working tree that holds exactly the blob {@code id} at {@code path} (relative to the
     * repository's root), or null when git's index cannot vouch for it.
     */
    Path copyOf(String path, ObjectId id) {
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
        File indexFile = repository.getIndexFile();
        // The index's time is taken before it is read: an index written in between is then judged by an older time,
        // which trusts fewer files, never more.
        indexTime = Files.getLastModifiedTime(indexFile.toPath()).toInstant();
        DirCache read = DirCache.read(indexFile, repository.getFS());
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

    /** Whether an attributes file (absent: no) may ask checkout to change bytes; unreadable counts as yes. */
    private static boolean converts(Path attributes) {
        if (!Files.exists(attributes, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try {
            String text = Files.readString(attributes, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
            return CONVERTING.matcher(text).find();
        } catch (IOException e) {
            return true;
        }
    }
}
