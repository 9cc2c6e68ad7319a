package dev.migrationguard.sql;

import dev.migrationguard.workspace.ModelKey;
import dev.migrationguard.workspace.ParseCache;
import dev.migrationguard.workspace.Snapshot;
import dev.migrationguard.workspace.Tasks;
import dev.migrationguard.workspace.SourceFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The parsed SQL files of one snapshot, parsed on first request and kept: every rule and the schema replay share
 * one parse of each file.
 */
public final class SqlScripts {
    public static final ModelKey<SqlScripts> KEY = ModelKey.of("sql-scripts", SqlScripts::new);

    private final Snapshot snapshot;
    private final ParseCache cache = ParseCache.current();
    private final Map<String, Optional<SqlScript>> parsed = new HashMap<>();
    /** Files {@link #parseAll} has read and queued, until their results are stored. */
    private final Map<String, FutureTask<SqlScript>> inFlight = new HashMap<>();

    private SqlScripts(Snapshot snapshot) {
        this.snapshot = snapshot;
    }

    /**
     * The parsed file, or empty when it is absent or not text (the snapshot records a notice). A file that
     * {@link #parseAll} is parsing on other threads is waited for, not parsed twice.
     */
    public Optional<SqlScript> script(String path, SqlDialect dialect) {
        String key = key(path, dialect);
        FutureTask<SqlScript> pending;
        synchronized (this) {
            Optional<SqlScript> cached = parsed.get(key);
            if (cached != null) {
                return cached;
            }
            pending = inFlight.get(key);
            if (pending == null) {
                cached = snapshot.read(path).map(f -> parse(f, dialect));
                parsed.put(key, cached);
                return cached;
            }
        }
        // Parsed here if no thread has started it yet; otherwise this waits for the thread that has.
        pending.run();
        return Optional.of(Tasks.join(pending));
    }

    /**
     * Parses the migration.sql files of several migrations at once, on every core. Files are read on the calling
     * thread (a snapshot is not shared across threads while a model is being built); the pool's threads parse each
     * file as soon as it is read, and the calling thread joins them once it has read the last.
     */
    public void parseAll(List<Migration> migrations) {
        List<Migration> pending = new ArrayList<>();
        List<FutureTask<SqlScript>> tasks = new ArrayList<>();
        BlockingQueue<FutureTask<SqlScript>> ready = new LinkedBlockingQueue<>();
        int helpers = Math.min(ForkJoinPool.getCommonPoolParallelism(),
                Runtime.getRuntime().availableProcessors() - 1);
        for (int i = 0; i < helpers; i++) {
            ForkJoinPool.commonPool().execute(() -> parseUntilEnd(ready));
        }
        try {
            synchronized (this) {
                for (Migration m : migrations) {
                    String key = key(m.sqlPath(), m.dialect());
                    if (parsed.containsKey(key) || inFlight.containsKey(key)) {
                        continue;
                    }
                    Optional<SourceFile> file = snapshot.read(m.sqlPath());
                    if (file.isEmpty()) {
                        parsed.put(key, Optional.empty());
                    } else {
                        FutureTask<SqlScript> task = new FutureTask<>(() -> parse(file.get(), m.dialect()));
                        pending.add(m);
                        tasks.add(task);
                        inFlight.put(key, task);
                        ready.add(task);
                    }
                }
            }
        } finally {
            for (int i = 0; i < helpers; i++) {
                ready.add(END);
            }
        }
        // The helpers take files from the front; this thread parses from the back until they meet (a task already
        // run or running elsewhere returns at once).
        for (int i = tasks.size() - 1; i >= 0; i--) {
            tasks.get(i).run();
        }
        synchronized (this) {
            for (int i = 0; i < tasks.size(); i++) {
                String key = key(pending.get(i).sqlPath(), pending.get(i).dialect());
                parsed.putIfAbsent(key, Optional.of(Tasks.join(tasks.get(i))));
                inFlight.remove(key);
            }
        }
    }

    /** The file's parse as an earlier run kept it ({@link ParseCache}), else parsed now and kept. */
    private SqlScript parse(SourceFile file, SqlDialect dialect) {
        return cache.parse("sql" + SqlScriptCodec.FORMAT + "-" + dialect.name().toLowerCase(Locale.ROOT), file.text(),
                bytes -> SqlScriptCodec.decode(bytes, file, dialect), () -> SqlParser.parse(file, dialect),
                SqlScriptCodec::encode);
    }

    /** Marks the end of the files for one helper. */
    private static final FutureTask<SqlScript> END = new FutureTask<>(() -> null);

    private static void parseUntilEnd(BlockingQueue<FutureTask<SqlScript>> ready) {
        try {
            for (FutureTask<SqlScript> task = ready.take(); task != END; task = ready.take()) {
                task.run();
            }
        } catch (InterruptedException e) {
            // The calling thread parses whatever is left.
            Thread.currentThread().interrupt();
        }
    }

    private static String key(String path, SqlDialect dialect) {
        return dialect.name() + ":" + path;
    }
}
