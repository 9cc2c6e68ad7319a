package dev.migrationguard.git;

import dev.migrationguard.workspace.RegularFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks the ref files JGit reads when it resolves HEAD, lists the remotes' refs or resolves a revision, before it is
 * allowed to: {@code packed-refs} (read whole on every lookup), every loose ref under {@code refs/} (JGit follows
 * symbolic links there), a reftable's files, and the top-level file a {@code --since} revision names
 * ({@code FETCH_HEAD}, {@code ORIG_HEAD}). Each must be a regular file, {@code packed-refs} of bounded size: a FIFO
 * would hang the run, {@code /dev/zero} as packed-refs exhaust its memory. A linked worktree's own git dir and the
 * common git dir its {@code commondir} names are both checked: git keeps shared refs in the one, per-worktree refs
 * ({@code refs/bisect}, {@code refs/worktree}) in the other.
 */
final class GitRefFiles {
    /** Far above a real packed-refs (a few MB for hundreds of thousands of refs), below what exhausts a default heap. */
    static final long PACKED_REFS_MAX_BYTES = 256L << 20;

    /** Where JGit looks for a short name, after the git dir itself (its {@code Repository.resolve} search path). */
    private static final List<String> SEARCH_PATH = List.of("", "refs/", "refs/tags/", "refs/heads/", "refs/remotes/");

    private GitRefFiles() {
    }

    /**
     * Checks the ref files of {@code gitDir} and its common git dir that a run in {@code mode} reads: a pre-commit
     * run only HEAD's branch and {@code packed-refs} (so many loose refs do not slow every commit), every other mode
     * all refs (plain lint and {@code --history} list {@code refs/remotes} for the default branch), and with
     * {@code --since REV} the files REV's name is looked up in.
     */
    static void check(Path gitDir, ScanMode mode) throws IOException {
        List<Path> dirs = new ArrayList<>();
        dirs.add(gitDir);
        GitSettingsFiles.commonDir(gitDir).ifPresent(dirs::add);
        String branch = mode instanceof ScanMode.Staged ? headBranch(gitDir) : null;
        for (Path dir : dirs) {
            String where = dir == gitDir ? "" : " in the common git dir " + dir;
            checkFile(dir, "packed-refs", PACKED_REFS_MAX_BYTES, where);
            if (mode instanceof ScanMode.Staged) {
                if (branch != null) {
                    checkFile(dir, branch, Long.MAX_VALUE, where);
                }
                continue;
            }
            checkTree(dir, "refs", where);
            checkTree(dir, "reftable", where);
            if (mode instanceof ScanMode.Since since) {
                String name = refName(since.revision());
                for (String prefix : SEARCH_PATH) {
                    checkFile(dir, prefix + name, Long.MAX_VALUE, where);
                }
                checkFile(dir, "refs/remotes/" + name + "/HEAD", Long.MAX_VALUE, where);
            }
        }
    }

    /** The branch a symbolic HEAD names ({@code refs/heads/main}); null for a detached or unreadable HEAD. */
    private static String headBranch(Path gitDir) throws IOException {
        Path head = gitDir.resolve("HEAD");
        if (!RegularFile.exists(head)) {
            return null;
        }
        try {
            String text = new String(RegularFile.read(head, RegularFile.SETTINGS_MAX_BYTES, true), StandardCharsets.UTF_8);
            return text.startsWith("ref: ") ? text.substring("ref: ".length()).strip() : null;
        } catch (NoSuchFileException | RegularFile.Refused e) {
            // GitSettingsFiles refuses a HEAD that is not a small regular file before this runs.
            return null;
        }
    }

    /** The ref name a revision starts with: {@code FETCH_HEAD} of {@code FETCH_HEAD~2}, {@code main} of {@code main@{1}}. */
    static String refName(String revision) {
        int end = revision.length();
        for (int i = 0; i < revision.length(); i++) {
            char c = revision.charAt(i);
            if (c == '^' || c == '~' || c == ':' || (c == '@' && i + 1 < revision.length() && revision.charAt(i + 1) == '{')) {
                end = i;
                break;
            }
        }
        return revision.substring(0, end);
    }

    /** One file JGit may read as a ref; a folder, a missing file or a name that leaves the git dir is none. */
    private static void checkFile(Path dir, String relative, long maxBytes, String where) throws IOException {
        if (relative.isEmpty() || relative.endsWith("/")) {
            return;
        }
        Path file = dir.resolve(relative).normalize();
        if (!file.startsWith(dir.normalize()) || !RegularFile.exists(file) || Files.isDirectory(file)) {
            return;
        }
        try {
            RegularFile.check(file, maxBytes, true);
        } catch (NoSuchFileException e) {
            // A dangling symbolic link: JGit reads no ref there either.
        } catch (RegularFile.Refused e) {
            throw refused(relative, where, e);
        }
    }

    /**
     * Every file under {@code dir/top} (itself possibly a link to a folder, as {@code git-new-workdir} makes it): a
     * link to a file is checked at its target, as JGit reads through it; a link to a folder is refused, since JGit
     * would list it as refs and a link to {@code /} or {@code /dev} reads the whole machine.
     */
    private static void checkTree(Path dir, String top, String where) throws IOException {
        Path link = dir.resolve(top);
        if (!Files.isDirectory(link)) {
            return;
        }
        Path root = link.toRealPath();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                String relative = top + "/" + root.relativize(file).toString().replace('\\', '/');
                if (attributes.isSymbolicLink()) {
                    BasicFileAttributes target;
                    try {
                        target = Files.readAttributes(file, BasicFileAttributes.class);
                    } catch (NoSuchFileException e) {
                        // A dangling link: JGit reads no ref there either.
                        return FileVisitResult.CONTINUE;
                    }
                    if (target.isDirectory()) {
                        throw refused(relative, where, new RegularFile.Refused("a symbolic link to a folder, which"
                                + " JGit would walk for refs wherever it points"));
                    }
                    attributes = target;
                }
                if (!attributes.isRegularFile()) {
                    throw refused(relative, where,
                            new RegularFile.Refused("not a regular file (a FIFO, a socket or a device)"));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                // An unreadable folder: JGit can list no ref in it either.
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static IOException refused(String relative, String where, RegularFile.Refused e) {
        return new RegularFile.Refused("the repository's " + relative + where + " is " + e.getMessage()
                + "; refusing to open a repository whose refs are not regular files");
    }
}
