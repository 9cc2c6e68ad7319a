package dev.migrationguard.workspace;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.ignore.IgnoreNode;

/**
 * The files on disk under a repository root, as git would see them: {@code .gitignore} files at every level and
 * {@code .git/info/exclude} are honoured, tool and build folders are skipped, symbolic links are read only when
 * they point to a file inside the root. Inside a git repository the root is the repository's top folder and a
 * {@code scope} (a folder relative to it, "" for all) limits the listing, so paths stay relative to the repository
 * root whichever folder was linted.
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
    private final Map<String, Long> sizes = new HashMap<>();

    @Override
    protected List<String> listPaths() {
        List<String> out = new ArrayList<>();
        Deque<IgnoreLevel> ignores = new ArrayDeque<>();
        IgnoreNode exclude = readIgnoreFile(root.resolve(".git/info/exclude"));
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String rel = ignores.isEmpty() ? relative(dir) : child(ignores.peek().dir(), dir);
                    boolean restricted = !ignores.isEmpty() && ignores.peek().restricted();
                    // java.io.File asks the file system without an exception for a missing file, which Files.exists
                    // builds (two per folder, thousands in a large tree).
                    File folder = dir.toFile();
                    if (!rel.isEmpty()) {
                        if (!Scope.contains(scope, rel) && !Scope.isAncestor(rel, scope)) {
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                        // A folder with its own .git is a submodule or a nested repository: not this project's files.
                        if (new File(folder, ".git").exists()) {
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                        boolean ignored = restricted || isIgnored(ignores, exclude, rel, true);
                        PathFilter.Descent descent = filter.descent(rel, dir.getFileName().toString(), ignored);
                        if (descent == PathFilter.Descent.SKIP) {
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                        restricted = descent == PathFilter.Descent.ONLY_INCLUDED;
                    }
                    IgnoreNode node = new File(folder, ".gitignore").isFile() ? readIgnoreFile(dir.resolve(".gitignore")) : null;
                    ignores.push(new IgnoreLevel(rel, node, restricted));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) {
                    if (!ignores.isEmpty()) {
                        ignores.pop();
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String rel = ignores.isEmpty() ? relative(file) : child(ignores.peek().dir(), file);
                    if (!Scope.contains(scope, rel)) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (attrs.isSymbolicLink() && !linksInside(file, rel)) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (attrs.isDirectory() || attrs.isOther()) {
                        return FileVisitResult.CONTINUE;
                    }
                    boolean restricted = !ignores.isEmpty() && ignores.peek().restricted();
                    if (filter.accept(rel, restricted || isIgnored(ignores, exclude, rel, false))) {
                        out.add(rel);
                        if (!attrs.isSymbolicLink()) {
                            sizes.put(rel, attrs.size());
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    addNotice(Notice.warning(relative(file), "could not be listed: " + exc.getMessage()));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            addNotice(Notice.error("", "could not walk " + root + ": " + e.getMessage()));
        }
        return out;
    }

    /** A symbolic link is read only when it resolves to a regular file inside the root (no loops, no escapes). */
    private boolean linksInside(Path link, String rel) {
        try {
            Path target = link.toRealPath();
            if (!target.startsWith(realRoot)) {
                addNotice(Notice.note(rel, "skipped: symbolic link points outside the repository"));
                return false;
            }
            return Files.isRegularFile(target);
        } catch (IOException e) {
            addNotice(Notice.note(rel, "skipped: symbolic link cannot be resolved (" + e.getClass().getSimpleName() + ")"));
            return false;
        }
    }

    /** The relative path of an entry of the folder at {@code parent}, without asking Path to relativize. */
    private static String child(String parent, Path entry) {
        String name = entry.getFileName().toString();
        return parent.isEmpty() ? name : parent + "/" + name;
    }

    private String relative(Path p) {
        return root.relativize(p).toString().replace('\\', '/');
    }

    /** One folder on the walk: its .gitignore and whether only {@code paths}-included files count in it. */
    private record IgnoreLevel(String dir, IgnoreNode node, boolean restricted) {
    }

    private static IgnoreNode readIgnoreFile(Path file) {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        IgnoreNode node = new IgnoreNode();
        try (InputStream in = Files.newInputStream(file)) {
            node.parse(file.toString(), in);
            return node;
        } catch (IOException e) {
            return null;
        }
    }

    /** Git's precedence: the deepest .gitignore with a matching rule decides, then .git/info/exclude. */
    private static boolean isIgnored(Deque<IgnoreLevel> levels, IgnoreNode exclude, String rel, boolean dir) {
        for (IgnoreLevel level : levels) {
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

    @Override
    protected long size(String path) throws IOException {
        Long listed = sizes.get(path);
        return listed != null ? listed : Files.size(root.resolve(path));
    }

    @Override
    protected byte[] load(String path) throws IOException {
        return Files.readAllBytes(root.resolve(path));
    }
}
