package dev.migrationguard.workspace;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jgit.ignore.IgnoreNode;

/**
 * The files on disk under a repository root, as git would see them: {@code .gitignore} files at every level and the
 * git dir's {@code info/exclude} (a linked worktree's: the common git dir's) are honoured, tool and build folders are
 * skipped, symbolic links are read only when they point to a file inside the root. Inside a git repository the root
 * is the repository's top folder and a {@code scope} (a folder relative to it, "" for all) limits the listing, so
 * paths stay relative to the repository root whichever folder was linted.
 */
public final class WorkingTreeSnapshot extends AbstractSnapshot {
    private final Path root;
    private final Path realRoot;
    private final String scope;
    private final PathFilter filter;

    public WorkingTreeSnapshot(Path root, PathFilter filter, long maxFileBytes) throws IOException {
        this(root, "", filter, maxFileBytes);
    }

    /** The files under {@code root/scope}, listed relative to {@code root}. */
    public WorkingTreeSnapshot(Path root, String scope, PathFilter filter, long maxFileBytes) throws IOException {
        super(maxFileBytes);
        this.root = root.toAbsolutePath().normalize();
        this.realRoot = this.root.toRealPath();
        this.scope = Scope.normalise(scope);
        this.filter = filter;
        // What is linted is never written to, the parse cache included (a home folder kept in git holds ~/.cache).
        ParseCache.refuseWritesUnder(this.root);
        ParseCache.refuseWritesUnder(this.realRoot);
    }

    public WorkingTreeSnapshot(Path root) throws IOException {
        this(root, PathFilter.defaults(), DEFAULT_MAX_FILE_BYTES);
    }

    public Path root() {
        return root;
    }

    /** The folder the listing is limited to, relative to the root ("" for all). */
    public String scope() {
        return scope;
    }

    @Override
    public String description() {
        return "working tree";
    }

    /** The sizes the walk saw (not of symbolic links), so reading a file does not ask the file system again. */
    private final Map<String, Long> sizes = new ConcurrentHashMap<>();

    /**
     * Walks the tree on every core, one depth at a time: each folder of a depth lists its entries, decides about each
     * as git would (scope, nested repositories, .gitignore at every level, info/exclude, the path filter) and
     * returns its subfolders for the next depth. No folder waits on the stack for the folders below it, so a tree
     * thousands of folders deep walks like a flat one. Notices are sorted by path, so a run reports them in the same
     * order every time.
     */
    @Override
    protected List<String> listPaths() {
        IgnoreNode exclude = readIgnoreFile(infoExclude(root));
        List<Notice> met = Collections.synchronizedList(new ArrayList<>());
        Level top = new Level("", readIgnoreFile(root.resolve(".gitignore")), false, null);
        List<String> out = new ArrayList<>();
        List<Folder> depth = List.of(new Folder(root, top, exclude, met));
        while (!depth.isEmpty()) {
            if (depth.size() == 1) {
                depth.get(0).list();
            } else {
                depth.parallelStream().forEach(Folder::list);
            }
            List<Folder> next = new ArrayList<>();
            for (Folder done : depth) {
                out.addAll(done.files);
                next.addAll(done.below);
            }
            depth = next;
        }
        met.stream().sorted(Comparator.comparing(Notice::path)).forEach(this::addNotice);
        return out;
    }

    /** One folder of the walk: after {@link #list}, its files and the subfolders not skipped. */
    private final class Folder {
        private final Path dir;
        private final Level level;
        private final IgnoreNode exclude;
        private final List<Notice> met;
        final List<String> files = new ArrayList<>();
        final List<Folder> below = new ArrayList<>();

        Folder(Path dir, Level level, IgnoreNode exclude, List<Notice> met) {
            this.dir = dir;
            this.level = level;
            this.exclude = exclude;
            this.met = met;
        }

        void list() {
            List<String> out = files;
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                for (Path entry : entries) {
                    String rel = level.dir().isEmpty() ? entry.getFileName().toString()
                            : level.dir() + "/" + entry.getFileName();
                    BasicFileAttributes attrs;
                    try {
                        attrs = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    } catch (IOException e) {
                        met.add(Notice.warning(rel, "could not be listed: " + e.getMessage()));
                        continue;
                    }
                    String unread = unreadSettingsFile(entry.getFileName().toString(), attrs);
                    if (unread != null) {
                        met.add(Notice.warning(rel, unread));
                    }
                    if (attrs.isDirectory()) {
                        Level inside = enter(entry, rel);
                        if (inside != null) {
                            below.add(new Folder(entry, inside, exclude, met));
                        }
                    } else if (accepts(entry, rel, attrs)) {
                        out.add(rel);
                        if (!attrs.isSymbolicLink()) {
                            sizes.put(rel, attrs.size());
                        }
                    }
                }
            } catch (IOException | DirectoryIteratorException e) {
                met.add(dir.equals(root) ? Notice.error("", "could not walk " + root + ": " + e.getMessage())
                        : Notice.warning(level.dir(), "could not be listed: " + e.getMessage()));
            }
        }

        /** The ignore level of a subfolder to walk, or null to skip it. */
        private Level enter(Path sub, String rel) {
            if (!Scope.contains(scope, rel) && !Scope.isAncestor(rel, scope)) {
                return null;
            }
            // java.io.File asks the file system without an exception for a missing file, which Files.exists
            // builds (two per folder, thousands in a large tree).
            File folder = sub.toFile();
            // A folder with its own .git is a submodule or a nested repository: not this project's files.
            if (new File(folder, ".git").exists()) {
                return null;
            }
            boolean ignored = level.restricted() || isIgnored(level, exclude, rel, true);
            PathFilter.Descent descent = filter.descent(rel, sub.getFileName().toString(), ignored);
            if (descent == PathFilter.Descent.SKIP) {
                return null;
            }
            IgnoreNode node = new File(folder, ".gitignore").isFile() ? readIgnoreFile(sub.resolve(".gitignore")) : null;
            return new Level(rel, node, descent == PathFilter.Descent.ONLY_INCLUDED, level);
        }

        private boolean accepts(Path file, String rel, BasicFileAttributes attrs) {
            if (!Scope.contains(scope, rel)) {
                return false;
            }
            if (attrs.isSymbolicLink() && !linksInside(file, rel, met)) {
                return false;
            }
            if (attrs.isOther()) {
                return false;
            }
            return filter.accept(rel, level.restricted() || isIgnored(level, exclude, rel, false));
        }
    }

    /**
     * Why git's settings file {@code name} (.gitignore, .gitattributes) is not read, or null when it is read or is no
     * such file: git and JGit read neither a FIFO or device (it would never end) nor one above the settings bound,
     * and what it says must not be dropped in silence.
     */
    static String unreadSettingsFile(String name, BasicFileAttributes attrs) {
        boolean ignore = name.equals(".gitignore");
        if (!ignore && !name.equals(".gitattributes") || attrs.isDirectory() || attrs.isSymbolicLink()) {
            return null;
        }
        String why;
        if (attrs.isOther()) {
            why = "not a regular file (a FIFO, a socket or a device)";
        } else if (attrs.size() > RegularFile.SETTINGS_MAX_BYTES) {
            why = attrs.size() + " bytes, above the limit of " + RegularFile.SETTINGS_MAX_BYTES + " bytes for git settings files";
        } else {
            return null;
        }
        return "not read: " + why + (ignore ? "; the files it would ignore are linted"
                : "; its attributes (line endings, filters) are not applied when the working tree is compared with git");
    }

    /** One folder's .gitignore and whether only {@code paths}-included files count in it, above its parent's. */
    private record Level(String dir, IgnoreNode node, boolean restricted, Level parent) {
    }

    /**
     * The {@code info/exclude} git applies to the tree at {@code root}: its git dir's, and for a linked worktree (whose
     * {@code .git} is a file naming its git dir) that of the common git dir the git dir's {@code commondir} names, as
     * git reads it. Null when there is none; {@code .git} and {@code commondir} are read only as small regular files.
     */
    private static Path infoExclude(Path root) {
        Path dotGit = root.resolve(".git");
        try {
            Path gitDir;
            if (Files.isDirectory(dotGit)) {
                gitDir = dotGit;
            } else if (Files.isRegularFile(dotGit)) {
                String text = new String(RegularFile.read(dotGit, RegularFile.SETTINGS_MAX_BYTES, true),
                        StandardCharsets.UTF_8);
                String line = text.lines().findFirst().orElse("");
                if (!line.startsWith("gitdir:")) {
                    return null;
                }
                gitDir = root.resolve(line.substring("gitdir:".length()).strip());
            } else {
                return null;
            }
            Path commondir = gitDir.resolve("commondir");
            if (Files.isRegularFile(commondir)) {
                String named = new String(RegularFile.read(commondir, RegularFile.SETTINGS_MAX_BYTES, true),
                        StandardCharsets.UTF_8).strip();
                if (!named.isEmpty()) {
                    gitDir = gitDir.resolve(named);
                }
            }
            return gitDir.resolve("info/exclude").normalize();
        } catch (IOException | java.nio.file.InvalidPathException e) {
            return null;
        }
    }

    private static IgnoreNode readIgnoreFile(Path file) {
        if (file == null || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        IgnoreNode node = new IgnoreNode();
        try (InputStream in = new ByteArrayInputStream(RegularFile.read(file, RegularFile.SETTINGS_MAX_BYTES, false))) {
            node.parse(file.toString(), in);
            return node;
        } catch (IOException e) {
            return null;
        }
    }

    /** Whether git ignores a path: the nearest .gitignore that decides wins, then info/exclude. */
    private static boolean isIgnored(Level nearest, IgnoreNode exclude, String rel, boolean dir) {
        for (Level level = nearest; level != null; level = level.parent()) {
            if (level.node() == null) {
                continue;
            }
            String sub = level.dir().isEmpty() ? rel : rel.substring(level.dir().length() + 1);
            IgnoreNode.MatchResult result = level.node().isIgnored(sub, dir);
            if (result == IgnoreNode.MatchResult.IGNORED) {
                return true;
            }
            if (result == IgnoreNode.MatchResult.NOT_IGNORED) {
                return false;
            }
        }
        return exclude != null && exclude.isIgnored(rel, dir) == IgnoreNode.MatchResult.IGNORED;
    }

    /** A symbolic link is read only when it resolves to a regular file inside the root (no loops, no escapes). */
    private boolean linksInside(Path link, String rel, List<Notice> met) {
        try {
            Path target = link.toRealPath();
            if (!target.startsWith(realRoot)) {
                met.add(Notice.note(rel, "skipped: symbolic link points outside the repository"));
                return false;
            }
            return Files.isRegularFile(target);
        } catch (IOException e) {
            met.add(Notice.note(rel, "skipped: symbolic link cannot be resolved (" + e.getClass().getSimpleName() + ")"));
            return false;
        }
    }

    @Override
    protected long size(String path) throws IOException {
        Long listed = sizes.get(path);
        return listed != null ? listed : Files.size(root.resolve(path));
    }

    @Override
    protected byte[] load(String path) throws IOException {
        // Listed as a regular file (or a link to one inside the root); checked again, as it may have changed since.
        return RegularFile.read(root.resolve(path), Integer.MAX_VALUE - 8, true);
    }
}
