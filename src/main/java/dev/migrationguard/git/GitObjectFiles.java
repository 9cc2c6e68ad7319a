package dev.migrationguard.git;

import dev.migrationguard.workspace.RegularFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks the few files JGit opens for the index and the object store before it may: the worktree's {@code index},
 * and in each object folder (the common git dir's, and every one {@code objects/info/alternates} names)
 * {@code info/alternates}, the commit-graph files and the pack folder's files. Each must be a regular file: a FIFO
 * there hung every mode, since JGit opens them as it reads HEAD's commit. The loose objects ({@code objects/ab/cdef...})
 * too: they are only looked at (one stat each, about 10 us), never opened, and a process that is about to lint
 * starts that look on another thread as it starts ({@link #lookAhead}), while it reads its command line.
 */
final class GitObjectFiles {
    /** git stops following alternates this deep. */
    private static final int MAX_ALTERNATE_DEPTH = 5;

    private GitObjectFiles() {
    }

    /** Loose-object checks started ahead of time, by object folder (see {@link #lookAhead}). */
    private static final java.util.concurrent.ConcurrentHashMap<Path, java.util.concurrent.CompletableFuture<String>>
            AHEAD = new java.util.concurrent.ConcurrentHashMap<>();

    static void check(Path gitDir) throws IOException {
        checkFile(gitDir.resolve("index"), "index", Long.MAX_VALUE);
        Path objects = GitSettingsFiles.commonDir(gitDir).orElse(gitDir).resolve("objects");
        Set<Path> seen = new HashSet<>();
        List<Path> level = List.of(objects.normalize());
        for (int depth = 0; depth <= MAX_ALTERNATE_DEPTH && !level.isEmpty(); depth++) {
            List<Path> next = new ArrayList<>();
            for (Path dir : level) {
                if (seen.add(dir) && Files.isDirectory(dir)) {
                    next.addAll(checkObjectFolder(dir));
                    checkLooseObjects(dir);
                }
            }
            level = next;
        }
    }

    /**
     * Starts the loose-object check of the repository around {@code start} (its nearest {@code .git} folder) on a
     * daemon thread, for a process that will open it soon. Only folders are listed and entries looked at; a {@code .git}
     * that is a file (a linked worktree) is left to {@link #check}, which reads it safely.
     */
    static void lookAhead(Path start) {
        Path dir = start.toAbsolutePath().normalize();
        for (Path p = dir; p != null; p = p.getParent()) {
            Path git = p.resolve(".git");
            if (Files.isDirectory(git, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                Path objects = git.resolve("objects").normalize();
                AHEAD.computeIfAbsent(objects, o -> java.util.concurrent.CompletableFuture.supplyAsync(
                        () -> firstNonRegularLooseObject(o), GitObjectFiles::daemon));
                return;
            }
            if (Files.exists(git, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                return;
            }
        }
    }

    private static void daemon(Runnable task) {
        Thread thread = new Thread(task, "migration-guard-object-check");
        thread.setDaemon(true);
        thread.start();
    }

    private static void checkLooseObjects(Path objects) throws IOException {
        java.util.concurrent.CompletableFuture<String> ahead = AHEAD.remove(objects);
        String bad = ahead != null ? ahead.join() : firstNonRegularLooseObject(objects);
        if (bad != null) {
            throw new RegularFile.Refused("the repository's loose object " + bad + " is not a regular file (a FIFO,"
                    + " device, socket, folder or symbolic link); refusing to open a repository whose object files are"
                    + " not regular files");
        }
    }

    /**
     * The first entry of a loose-object folder ({@code objects/ab/}) that is not a regular file, as
     * {@code objects/ab/cdef...}, or null. Temporary files git leaves there ({@code tmp_obj_*}) are regular files too.
     */
    private static String firstNonRegularLooseObject(Path objects) {
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(objects, GitObjectFiles::isFanOutFolder)) {
            for (Path folder : folders) {
                if (!Files.isDirectory(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    return folder.toString();
                }
                try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
                    for (Path entry : entries) {
                        if (!Files.isRegularFile(entry, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                            return entry.toString();
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // Unreadable: JGit cannot read objects there either and says so.
        }
        return null;
    }

    /** {@code objects/00} to {@code objects/ff}: where git keeps loose objects. */
    private static boolean isFanOutFolder(Path p) {
        String name = p.getFileName().toString();
        return name.length() == 2 && Character.digit(name.charAt(0), 16) >= 0 && Character.digit(name.charAt(1), 16) >= 0;
    }

    /** One object folder's files JGit opens whole or maps; returns the alternate object folders it names. */
    private static List<Path> checkObjectFolder(Path dir) throws IOException {
        String where = " of the object folder " + dir;
        checkFile(dir.resolve("info/commit-graph"), "info/commit-graph" + where, Long.MAX_VALUE);
        checkFolder(dir.resolve("info/commit-graphs"), "info/commit-graphs", where);
        checkFolder(dir.resolve("pack"), "pack", where);
        Path alternates = dir.resolve("info/alternates");
        if (!checkFile(alternates, "info/alternates" + where, RegularFile.SETTINGS_MAX_BYTES)) {
            return List.of();
        }
        List<Path> named = new ArrayList<>();
        String text = new String(RegularFile.read(alternates, RegularFile.SETTINGS_MAX_BYTES, true),
                StandardCharsets.UTF_8);
        for (String line : text.split("\n")) {
            String entry = line.strip();
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue;
            }
            try {
                named.add(dir.resolve(entry).normalize());
            } catch (InvalidPathException e) {
                // Names no folder: JGit finds no objects there either.
            }
        }
        return named;
    }

    /** The files directly in {@code folder} (JGit lists it and opens what it finds by name). */
    private static void checkFolder(Path folder, String name, String where) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                if (!Files.isDirectory(entry)) {
                    checkFile(entry, name + "/" + entry.getFileName() + where, Long.MAX_VALUE);
                }
            }
        }
    }

    /** Whether {@code file} is there to read; refuses it when it is there and is not a regular file. */
    private static boolean checkFile(Path file, String what, long maxBytes) throws IOException {
        if (!RegularFile.exists(file)) {
            return false;
        }
        try {
            RegularFile.check(file, maxBytes, true);
            return true;
        } catch (NoSuchFileException e) {
            // A dangling symbolic link: nothing for JGit to open either.
            return false;
        } catch (RegularFile.Refused e) {
            throw new RegularFile.Refused("the repository's " + what + " is " + e.getMessage()
                    + "; refusing to open a repository whose index or object files are not regular files");
        }
    }
}
