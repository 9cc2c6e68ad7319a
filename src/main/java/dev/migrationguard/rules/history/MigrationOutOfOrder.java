package dev.migrationguard.rules.history;

import dev.migrationguard.git.Change;
import dev.migrationguard.git.ChangeSet;
import dev.migrationguard.git.ChangeType;
import dev.migrationguard.git.MigrationPath;
import dev.migrationguard.workspace.Snapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;

/** A migration added by the change sorts before the newest migration already in its migrations directory. */
public final class MigrationOutOfOrder extends ChangeSetRule {

    @Override
    public String id() {
        return "migration-out-of-order";
    }

    @Override
    boolean judgesEachAlone() {
        // The folders known so far are carried from one change set to the next.
        return false;
    }

    @Override
    List<Issue> issues(ChangeSet change, Map<Object, Object> memo) {
        Folders folders = (Folders) memo.computeIfAbsent(Folders.class, k -> new Folders());
        List<Issue> out = new ArrayList<>();
        for (Change c : change.changes()) {
            if (c.newPath() == null || c.type() == ChangeType.MODIFY) {
                continue;
            }
            Optional<MigrationPath> added = MigrationPath.parse(c.newPath());
            if (added.isEmpty()) {
                continue;
            }
            NavigableSet<String> existing = folders.in(change.base(), added.get().migrationsDir());
            if (existing.isEmpty() || existing.contains(added.get().name())) {
                continue;
            }
            String newest = existing.last();
            if (added.get().name().compareTo(newest) < 0) {
                out.add(new Issue(added.get().folder(), c.newPath(), lineOf(change.target(), c.newPath(), 1),
                        subject(change) + " adds migration " + added.get().name() + ", which sorts before " + newest
                                + ", the newest migration already in " + change.base().description()
                                + ": Prisma applies migrations in folder-name order, so on databases that already ran "
                                + newest + " it runs out of order or fails.",
                        "Rename the folder so that it sorts after " + newest + " (recreate it with"
                                + " `prisma migrate dev` on top of the current migrations)."));
            }
        }
        folders.carry(change);
        return out;
    }

    /**
     * The migration folders of each version met so far, per migrations directory. A history walk meets every
     * commit after its parent, so a version's folders are mostly carried over from the version before it with the
     * change's own additions and deletions, instead of read again from a tree.
     */
    private static final class Folders {
        private final Map<Snapshot, Map<String, NavigableSet<String>>> known = new IdentityHashMap<>();

        NavigableSet<String> in(Snapshot snapshot, String migrationsDir) {
            Map<String, NavigableSet<String>> dirs = known.get(snapshot);
            NavigableSet<String> names = dirs == null ? null : dirs.get(migrationsDir);
            if (names == null) {
                // Versions share their maps (see carry), so a directory read for this one goes into a copy.
                names = new TreeSet<>(snapshot.subfolders(migrationsDir));
                Map<String, NavigableSet<String>> more = dirs == null ? new HashMap<>() : new HashMap<>(dirs);
                more.put(migrationsDir, names);
                known.put(snapshot, more);
            }
            return names;
        }

        /** Records the target's folders from the base's, for every directory known in the base. */
        void carry(ChangeSet change) {
            Map<String, NavigableSet<String>> before = known.get(change.base());
            if (before == null || before.isEmpty() || known.containsKey(change.target())) {
                return;
            }
            // Most changes add or remove no migration: the target then shares the base's sets (never modified).
            Map<String, NavigableSet<String>> after = before;
            for (Change c : change.changes()) {
                Optional<MigrationPath> gone = c.type() == ChangeType.DELETE || c.type() == ChangeType.RENAME
                        ? MigrationPath.parse(c.oldPath()) : Optional.empty();
                Optional<MigrationPath> added = c.type() != ChangeType.DELETE && c.type() != ChangeType.MODIFY
                        ? MigrationPath.parse(c.newPath()) : Optional.empty();
                if (gone.filter(m -> before.containsKey(m.migrationsDir())).isPresent()
                        || added.filter(m -> before.containsKey(m.migrationsDir())).isPresent()) {
                    if (after == before) {
                        after = new HashMap<>(before);
                    }
                    update(after, gone, added);
                }
            }
            known.put(change.target(), after);
        }

        private static void update(Map<String, NavigableSet<String>> after, Optional<MigrationPath> gone,
                                   Optional<MigrationPath> added) {
            gone.filter(m -> after.containsKey(m.migrationsDir())).ifPresent(m -> {
                NavigableSet<String> names = new TreeSet<>(after.get(m.migrationsDir()));
                names.remove(m.name());
                after.put(m.migrationsDir(), names);
            });
            added.filter(m -> after.containsKey(m.migrationsDir())).ifPresent(m -> {
                NavigableSet<String> names = new TreeSet<>(after.get(m.migrationsDir()));
                names.add(m.name());
                after.put(m.migrationsDir(), names);
            });
        }
    }
}
