package dev.migrationguard.git;

import dev.migrationguard.workspace.RegularFile;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.ConfigConstants;

/**
 * Checks the files of a git directory that JGit reads whole and without a bound before it is allowed to open the
 * repository: the config and every file its {@code include.path} names, {@code info/exclude},
 * {@code info/attributes}, and the files the repository's config names as {@code core.excludesFile} and
 * {@code core.attributesFile}. Each must be a regular file (a FIFO would hang the run, {@code /dev/zero} exhaust the
 * memory) of bounded size; otherwise the repository is refused with a message that names the file. A linked
 * worktree's common git dir is checked the same way, and so is what JGit reads while it looks for the repository.
 */
final class GitSettingsFiles {
    /** git itself stops following includes this deep. */
    private static final int MAX_INCLUDE_DEPTH = 10;

    private GitSettingsFiles() {
    }

    /**
     * Checks what JGit opens while it looks for the repository that holds {@code folder}, before it looks: at each
     * level up, a {@code .git} folder's HEAD (read to tell whether it is a repository), a {@code .git} file (read
     * whole for its {@code gitdir:} line), and a bare repository's HEAD. A {@code .git} that is neither a folder nor
     * a regular file (a FIFO, a socket, a device) refuses the run: JGit would pass over it and take a repository
     * further up, while the user meant this one.
     */
    static void checkDiscovery(Path folder) throws IOException {
        for (Path current = folder; current != null; current = current.getParent()) {
            Path dotGit = current.resolve(".git");
            BasicFileAttributes attributes = null;
            if (RegularFile.exists(dotGit)) {
                try {
                    attributes = Files.readAttributes(dotGit, BasicFileAttributes.class);
                } catch (NoSuchFileException e) {
                    // A dangling symbolic link: git looks further up.
                }
            }
            if (attributes == null) {
                if (Files.isDirectory(current.resolve("objects")) && Files.isDirectory(current.resolve("refs"))) {
                    checkIfPresent(current.resolve("HEAD"), "HEAD");
                }
                continue;
            }
            if (attributes.isDirectory()) {
                checkIfPresent(dotGit.resolve("HEAD"), "HEAD");
            } else if (attributes.isRegularFile()) {
                checkIfPresent(dotGit, ".git file " + dotGit);
            } else {
                throw new RegularFile.Refused(dotGit + " is not a regular file or a folder (a FIFO, a socket or a device),"
                        + " so it is neither a git folder nor a `gitdir:` file; refusing to guess which repository "
                        + folder + " belongs to (remove it, or lint a copy without it)");
            }
            return;
        }
    }

    /**
     * Checks the settings JGit reads from a git dir and, for a linked worktree, from the common git dir its
     * {@code commondir} names (the config, info/exclude and info/attributes of a linked worktree are the main one's).
     */
    static void check(File gitDir) throws IOException {
        Path dir = gitDir.toPath();
        checkSettings(dir, "");
        Optional<Path> common = commonDir(dir);
        if (common.isPresent()) {
            checkSettings(common.get(), " in the common git dir " + common.get());
        }
    }

    /**
     * The common git dir a linked worktree's {@code commondir} names, when it names one other than {@code dir}; the
     * file is read only when it is a small regular file.
     */
    static Optional<Path> commonDir(Path dir) throws IOException {
        Path commondir = dir.resolve("commondir");
        if (!RegularFile.exists(commondir)) {
            return Optional.empty();
        }
        String named;
        try {
            named = new String(RegularFile.read(commondir, RegularFile.SETTINGS_MAX_BYTES, true),
                    StandardCharsets.UTF_8).strip();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (RegularFile.Refused e) {
            throw refused("commondir", e);
        }
        if (named.isEmpty()) {
            return Optional.empty();
        }
        Path common;
        try {
            common = dir.resolve(named).normalize();
        } catch (InvalidPathException e) {
            throw new RegularFile.Refused("the repository's commondir " + commondir + " names no folder ("
                    + e.getReason() + "); refusing to guess where its refs and settings are");
        }
        return common.equals(dir.normalize()) ? Optional.empty() : Optional.of(common);
    }

    /** One git dir's config (with its includes), info files and the files its config names; {@code where} for messages. */
    private static void checkSettings(Path dir, String where) throws IOException {
        Config config = readConfig(dir, dir.resolve("config"), 0, where);
        for (String name : List.of("info/exclude", "info/attributes", "HEAD", "commondir", "shallow")) {
            checkIfPresent(dir.resolve(name), name + where);
        }
        for (String key : List.of(ConfigConstants.CONFIG_KEY_EXCLUDESFILE, ConfigConstants.CONFIG_KEY_ATTRIBUTESFILE)) {
            String value = config == null ? null : config.getString(ConfigConstants.CONFIG_CORE_SECTION, null, key);
            if (value != null && !value.isEmpty()) {
                checkIfPresent(resolve(dir, value), "core." + key + " `" + value + "`" + where);
            }
        }
    }

    private static void checkIfPresent(Path file, String what) throws IOException {
        if (!RegularFile.exists(file)) {
            return;
        }
        try {
            RegularFile.check(file, RegularFile.SETTINGS_MAX_BYTES, true);
        } catch (NoSuchFileException e) {
            // A dangling symbolic link: git reads nothing there either.
        } catch (RegularFile.Refused e) {
            throw refused(what, e);
        }
    }

    private static Config readConfig(Path dir, Path file, int depth, String where) throws IOException {
        if (!RegularFile.exists(file)) {
            return null;
        }
        String what = depth == 0 ? "config" + where : "included config " + file;
        byte[] bytes;
        try {
            bytes = RegularFile.read(file, RegularFile.SETTINGS_MAX_BYTES, true);
        } catch (NoSuchFileException e) {
            return null;
        } catch (RegularFile.Refused e) {
            throw refused(what, e);
        }
        Config config = new Config() {
            @Override
            protected byte[] readIncludedConfig(String relPath) throws ConfigInvalidException {
                Path included = resolve(dir, relPath);
                if (depth + 1 > MAX_INCLUDE_DEPTH) {
                    return null;
                }
                try {
                    // Read (and check) here so nested includes are checked too; JGit reads them again itself.
                    readConfig(dir, included, depth + 1, where);
                    return RegularFile.exists(included)
                            ? RegularFile.read(included, RegularFile.SETTINGS_MAX_BYTES, true) : null;
                } catch (NoSuchFileException e) {
                    return null;
                } catch (IOException e) {
                    throw new ConfigInvalidException("include.path `" + relPath + "`: " + e.getMessage(), e);
                }
            }
        };
        try {
            config.fromText(new String(bytes, StandardCharsets.UTF_8));
        } catch (ConfigInvalidException e) {
            if (e.getCause() instanceof IOException io) {
                throw new RegularFile.Refused("the repository's " + what + " has " + e.getMessage()
                        + "; refusing to open a repository whose settings are not small regular files");
            }
            // A syntax error is JGit's to report when it opens the repository.
            return null;
        }
        return config;
    }

    /** A path from a config value, as JGit resolves it: {@code ~/} from the home folder, else from the git dir. */
    private static Path resolve(Path gitDir, String value) {
        if (value.startsWith("~/")) {
            return Path.of(System.getProperty("user.home"), value.substring(2));
        }
        Path p = Path.of(value);
        return p.isAbsolute() ? p : gitDir.resolve(p);
    }

    private static IOException refused(String what, RegularFile.Refused e) {
        return new RegularFile.Refused("the repository's " + what + " is " + e.getMessage()
                + "; refusing to open a repository whose settings are not small regular files");
    }
}
