package dev.migrationguard.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * How the commands whose job is to write (baseline, init, install-hook) write into a repository: never through a
 * symbolic link, which a scanned repository can commit to point anywhere (a dangling link would otherwise be
 * followed to create a file outside it), and never over an existing file without {@code --force}.
 */
final class NoFollowWrite {

    private NoFollowWrite() {
    }

    /**
     * Writes {@code text} to {@code file}.
     *
     * @param root      the repository folder: no folder between it and the file may be a symbolic link either
     * @param force     whether an existing regular file may be replaced
     * @param forceHint what to say when the file exists and {@code force} is off
     */
    static void write(Path file, Path root, String text, boolean force, String forceHint) throws IOException {
        Path target = check(file, root, force, forceHint);
        Files.createDirectories(target.getParent());
        // Checked again right before the write, and the open itself refuses a link (O_NOFOLLOW) or, without --force,
        // any existing entry (O_EXCL).
        refuseLinks(target, root.toAbsolutePath().normalize());
        OpenOption[] options = force
                ? new OpenOption[] {StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS}
                : new OpenOption[] {StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS};
        try (OutputStream out = Files.newOutputStream(target, options)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (FileAlreadyExistsException e) {
            throw new UsageException(target + " exists; " + forceHint);
        } catch (IOException e) {
            throw new UsageException("cannot write " + target + ": " + e.getMessage());
        }
    }

    /**
     * Fails as {@link #write} would, before any work: a command checks first, so that it does not lint the whole
     * repository only to refuse the write.
     *
     * @return the absolute file
     */
    static Path check(Path file, Path root, boolean force, String forceHint) throws IOException {
        Path target = file.toAbsolutePath().normalize();
        refuseLinks(target, root.toAbsolutePath().normalize());
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !force) {
            throw new UsageException(target + " exists; " + forceHint);
        }
        return target;
    }

    /** The file and each folder from {@code root} down to it, when inside {@code root}, must not be links. */
    private static void refuseLinks(Path target, Path root) throws IOException {
        if (Files.isSymbolicLink(target)) {
            throw new UsageException("refusing to write " + target + ": it is a symbolic link (to "
                    + Files.readSymbolicLink(target) + "); remove the link or write somewhere else");
        }
        if (!target.startsWith(root)) {
            return;
        }
        Path folder = root;
        for (Path name : root.relativize(target.getParent() == null ? target : target.getParent())) {
            folder = folder.resolve(name);
            if (Files.isSymbolicLink(folder)) {
                throw new UsageException("refusing to write " + target + ": the folder " + folder
                        + " is a symbolic link (to " + Files.readSymbolicLink(folder) + "); remove the link or write somewhere else");
            }
        }
    }
}
