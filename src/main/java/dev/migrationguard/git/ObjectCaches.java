package dev.migrationguard.git;

import org.eclipse.jgit.storage.file.WindowCacheConfig;

/**
 * JGit's object caches sized for walking a whole history once: its defaults (10 MB of pack windows, 10 MB of delta
 * bases) make a long walk re-inflate the same delta chains of trees over and over.
 */
final class ObjectCaches {
    private static boolean configured;

    private ObjectCaches() {
    }

    static synchronized void configure() {
        if (configured) {
            return;
        }
        WindowCacheConfig config = new WindowCacheConfig();
        config.setPackedGitLimit(256L * 1024 * 1024);
        config.setDeltaBaseCacheLimit(64 * 1024 * 1024);
        config.install();
        configured = true;
    }
}
