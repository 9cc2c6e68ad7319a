package dev.migrationguard.rules.database;

import dev.migrationguard.database.DatabaseState;
import dev.migrationguard.rules.Findings;
import dev.migrationguard.sql.Migration;
import dev.migrationguard.sql.MigrationSet;
import dev.migrationguard.sql.MigrationSets;
import dev.migrationguard.workspace.Snapshot;
import dev.migrationguard.workspace.SourceFile;
import dev.migrationguard.workspace.TextRange;
import java.util.List;
import java.util.Optional;

/**
 * The live database a {@code db} run connected to and the migrations folder it is checked against. A snapshot of
 * files alone (a {@code lint} run) has no database, and the database rules then report nothing.
 */
record CheckedFolder(Snapshot snapshot, DatabaseState database, MigrationSet set) {

    static Optional<CheckedFolder> of(Snapshot snapshot) {
        Optional<DatabaseState> database = snapshot.model(DatabaseState.KEY);
        if (database.isEmpty()) {
            return Optional.empty();
        }
        String folder = database.get().migrationsFolder();
        MigrationSet set = snapshot.model(MigrationSets.KEY).stream().filter(s -> s.folder().equals(folder))
                .findFirst().orElse(new MigrationSet(folder, null, null, null, List.of()));
        return Optional.of(new CheckedFolder(snapshot, database.get(), set));
    }

    Optional<Migration> migration(String name) {
        return set.migrations().stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /** A finding on the first line of a migration's migration.sql. */
    Findings.Builder at(Findings findings, Migration migration) {
        Optional<SourceFile> file = snapshot.read(migration.sqlPath());
        if (file.isEmpty() || file.get().text().isEmpty()) {
            return findings.at(migration.sqlPath(), TextRange.startOfFile(), migration.name());
        }
        String text = file.get().text();
        int end = 0;
        while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
            end++;
        }
        return findings.at(file.get(), 0, end).key(migration.name());
    }

    /**
     * A finding about the folder as a whole (a migration it lacks, an object no migration made): at its
     * migration_lock.toml, else at its first migration, else at the folder itself.
     */
    Findings.Builder atFolder(Findings findings, String key) {
        String lock = set.folder() + "/migration_lock.toml";
        if (snapshot.contains(lock)) {
            return findings.at(lock, TextRange.startOfFile(), key);
        }
        if (!set.migrations().isEmpty()) {
            return findings.at(set.migrations().get(0).sqlPath(), TextRange.startOfFile(), key);
        }
        return findings.at(set.folder(), TextRange.startOfFile(), key);
    }

    /** Where the migrations are, for the commands a fix names. */
    String folder() {
        return set.folder();
    }
}
