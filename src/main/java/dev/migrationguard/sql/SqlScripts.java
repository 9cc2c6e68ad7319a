package dev.migrationguard.sql;

import dev.migrationguard.workspace.ModelKey;
import dev.migrationguard.workspace.Snapshot;
import dev.migrationguard.workspace.SourceFile;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

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
        String key = dialect.name() + ":" + path;
        Optional<SqlScript> cached = parsed.get(key);
        if (cached == null) {
            Optional<SourceFile> file = snapshot.read(path);
            cached = file.map(f -> SqlParser.parse(f, dialect));
            parsed.put(key, cached);
        }
        return cached;
    }
}
