package dev.migrationguard.sql;

import dev.migrationguard.workspace.RepoPaths;
import java.util.List;
import java.util.Set;

/**
 * The migrations already committed on the base revision of a run (the merge base with the default branch, HEAD for a
 * pre-commit run): they have been applied wherever that branch is deployed, so their content is history. Rules that
 * judge what a migration does report only on the others; rules about the repository's state still read them all.
 *
 * @param base    the base revision, for messages ("origin/main at 1a2b3c4", "HEAD 1a2b3c4"); empty when there is none
 * @param folders the migration folders (paths relative to the repository root) that hold a migration.sql at the base
 */
public record AppliedMigrations(String base, Set<String> folders) {
    /** No base (outside git, no commits yet, or {@code --all-migrations}): every migration is new. */
    public static final AppliedMigrations NONE = new AppliedMigrations("", Set.of());

    public AppliedMigrations {
        folders = Set.copyOf(folders);
    }

    /** The applied folders of a base whose files include {@code paths} (any file list of the base revision). */
    public static AppliedMigrations of(String base, List<String> migrationSqlPaths) {
        return new AppliedMigrations(base, Set.copyOf(migrationSqlPaths.stream().map(RepoPaths::parent).toList()));
    }

    public boolean isEmpty() {
        return folders.isEmpty();
    }

    public boolean contains(Migration migration) {
        return folders.contains(migration.folder());
    }

    /** Whether a file lies inside an applied migration's folder. */
    public boolean covers(String path) {
        for (String folder = RepoPaths.parent(path); !folder.isEmpty(); folder = RepoPaths.parent(folder)) {
            if (folders.contains(folder)) {
                return true;
            }
        }
        return false;
    }

    /** How many of a snapshot's migrations are applied. */
    public int count(List<MigrationSet> sets) {
        return (int) sets.stream().flatMap(s -> s.migrations().stream()).filter(this::contains).count();
    }
}
