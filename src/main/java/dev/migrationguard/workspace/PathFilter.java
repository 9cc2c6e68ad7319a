package dev.migrationguard.workspace;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which files a snapshot lists: never tool folders, build output or known binary types; never what the user's
 * {@code ignore} globs name; and, for the working tree, what {@code paths} globs re-include despite the defaults.
 */
public final class PathFilter {
    /** Folders that hold dependencies, build output or VCS data, never a project's own scripts or migrations. */
    private static final Set<String> SKIPPED_DIRS = Set.of(
            ".git", "node_modules", "target", "dist", "build", ".next", ".nuxt", ".turbo", ".svelte-kit",
            ".gradle", ".idea", ".venv", "venv", "__pycache__", "coverage", "bower_components", ".yarn", ".pnpm-store");

    private static final Set<String> BINARY_EXTENSIONS = Set.of(
            "png", "jpg", "jpeg", "gif", "bmp", "ico", "webp", "avif", "tiff", "psd", "pdf", "zip", "gz", "tgz", "bz2",
            "xz", "7z", "rar", "jar", "war", "class", "so", "dylib", "dll", "exe", "bin", "o", "a", "woff", "woff2",
            "ttf", "otf", "eot", "mp3", "mp4", "mov", "avi", "webm", "wav", "ogg", "flac", "sqlite", "db", "wasm",
            "keystore", "p12", "pfx");

    private final List<Pattern> ignored;
    private final List<Pattern> included;
    private final List<String> includedPrefixes;

    public PathFilter(List<String> ignoreGlobs, List<String> includeGlobs) {
        this.ignored = ignoreGlobs.stream().map(Glob::toPattern).toList();
        this.included = includeGlobs.stream().map(Glob::toPattern).toList();
        this.includedPrefixes = includeGlobs.stream().map(Glob::literalPrefix).toList();
    }

    public static PathFilter defaults() {
        return new PathFilter(List.of(), List.of());
    }

    /** How a walk treats a folder. */
    public enum Descent {
        SKIP,
        DESCEND,
        /** Inside a skipped or git-ignored folder: only files a {@code paths} glob names are listed. */
        ONLY_INCLUDED
    }

    /** Whether a walk descends into a folder (path relative to the root, no trailing slash). */
    public Descent descent(String dirPath, String dirName, boolean gitIgnored) {
        if (matchesAny(ignored, dirPath) || dirName.equals(".git")) {
            return Descent.SKIP;
        }
        if (SKIPPED_DIRS.contains(dirName) || gitIgnored) {
            return couldInclude(dirPath) ? Descent.ONLY_INCLUDED : Descent.SKIP;
        }
        return Descent.DESCEND;
    }

    /** Whether a file is listed, given whether git would ignore it. */
    public boolean accept(String path, boolean gitIgnored) {
        if (matchesAny(ignored, path)) {
            return false;
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (name.equals(".git")) {
            return false;
        }
        int dot = name.lastIndexOf('.');
        if (dot > 0 && BINARY_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT))) {
            return false;
        }
        return !gitIgnored || matchesAny(included, path);
    }

    /** Whether a file under a git-ignored or default-skipped folder is re-included by a {@code paths} glob. */
    public boolean couldInclude(String dirPath) {
        String dir = dirPath + "/";
        for (String prefix : includedPrefixes) {
            if (dir.startsWith(prefix) || prefix.startsWith(dir)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a file tracked by git (in a commit or the index) is listed: every folder on its path must be one a walk
     * descends into, and the file itself accepted. Tracked files are never git-ignored.
     */
    public boolean acceptTracked(String path) {
        boolean restricted = false;
        int slash = path.indexOf('/');
        while (slash >= 0) {
            String dir = path.substring(0, slash);
            Descent d = descent(dir, dir.substring(dir.lastIndexOf('/') + 1), false);
            if (d == Descent.SKIP) {
                return false;
            }
            restricted |= d == Descent.ONLY_INCLUDED;
            slash = path.indexOf('/', slash + 1);
        }
        return accept(path, restricted);
    }

    /** Whether a walk of a git tree goes into a folder (tracked folders are never git-ignored). */
    public boolean descendInto(String dirPath, String dirName) {
        return descent(dirPath, dirName, false) != Descent.SKIP;
    }

    public boolean isIncluded(String path) {
        return matchesAny(included, path);
    }

    private static boolean matchesAny(List<Pattern> patterns, String path) {
        for (Pattern p : patterns) {
            if (p.matcher(path).matches()) {
                return true;
            }
        }
        return false;
    }
}
