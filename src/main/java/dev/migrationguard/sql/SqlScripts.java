package dev.migrationguard.sql;

import dev.migrationguard.workspace.ModelKey;
import dev.migrationguard.workspace.Snapshot;
import dev.migrationguard.workspace.SourceFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The parsed SQL files of one snapshot, parsed on first request and kept: every rule and the schema replay share
 * one parse of each file.
 */
public final class SqlScripts {
    public static final ModelKey<SqlScripts> KEY = ModelKey.of("sql-scripts", SqlScripts::new);

    private final Snapshot snapshot;
    private final Map<String, Optional<SqlScript>> parsed = new HashMap<>();

    private SqlScripts(Snapshot snapshot) {
        this.snapshot = snapshot;
    }

    /** The parsed file, or empty when it is absent or not text (the snapshot records a notice). */
    public synchronized Optional<SqlScript> script(String path, SqlDialect dialect) {
        String key = key(path, dialect);
        Optional<SqlScript> cached = parsed.get(key);
        if (cached == null) {
            cached = snapshot.read(path).map(f -> SqlParser.parse(f, dialect));
            parsed.put(key, cached);
        }
        return cached;
    }

    /**
     * Parses the migration.sql files of several migrations at once, on every core. Files are read on the calling
     * thread (a snapshot is not shared across threads while a model is being built); only parsing runs in parallel.
     */
    public void parseAll(List<Migration> migrations) {
        List<Migration> pending = new ArrayList<>();
        List<SourceFile> sources = new ArrayList<>();
        synchronized (this) {
            for (Migration m : migrations) {
                String key = key(m.sqlPath(), m.dialect());
                if (parsed.containsKey(key)) {
                    continue;
                }
                Optional<SourceFile> file = snapshot.read(m.sqlPath());
                if (file.isEmpty()) {
                    parsed.put(key, Optional.empty());
                } else {
                    pending.add(m);
                    sources.add(file.get());
                }
            }
        }
        SqlScript[] scripts = new SqlScript[pending.size()];
        IntStream.range(0, scripts.length).parallel()
                .forEach(i -> scripts[i] = SqlParser.parse(sources.get(i), pending.get(i).dialect()));
        synchronized (this) {
            for (int i = 0; i < scripts.length; i++) {
                parsed.putIfAbsent(key(pending.get(i).sqlPath(), pending.get(i).dialect()), Optional.of(scripts[i]));
            }
        }
    }

    private static String key(String path, SqlDialect dialect) {
        return dialect.name() + ":" + path;
    }
}
