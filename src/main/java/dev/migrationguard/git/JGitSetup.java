package dev.migrationguard.git;

import java.io.File;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.storage.file.WindowCacheConfig;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;

/** JGit's process-wide settings, made once before the first scan. */
final class JGitSetup {
    /** Where git installed from a package keeps its system config on Linux and macOS. */
    private static final File SYSTEM_CONFIG = new File("/etc/gitconfig");

    private static boolean done;

    private JGitSetup() {
    }

    static synchronized void configure() {
        if (done) {
            return;
        }
        // A whole-history walk re-inflates the same tree delta chains unless the caches outgrow JGit's 10 MB defaults.
        WindowCacheConfig caches = new WindowCacheConfig();
        caches.setPackedGitLimit(256L * 1024 * 1024);
        caches.setDeltaBaseCacheLimit(64 * 1024 * 1024);
        caches.install();
        // JGit finds the system config by running `git --version` and `git config --system --list`: two processes
        // on every start, most of a pre-commit run's time. Read /etc/gitconfig directly instead.
        SystemReader current = SystemReader.getInstance();
        if (!current.isWindows()) {
            SystemReader.setInstance(new SystemReader.Delegate(current) {
                @Override
                public FileBasedConfig openSystemConfig(Config parent, FS fs) {
                    if (getenv("GIT_CONFIG_NOSYSTEM") != null) {
                        return super.openSystemConfig(parent, fs);
                    }
                    return new FileBasedConfig(parent, SYSTEM_CONFIG, fs);
                }
            });
        }
        done = true;
    }
}
