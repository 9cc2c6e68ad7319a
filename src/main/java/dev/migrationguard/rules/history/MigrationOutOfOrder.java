package dev.migrationguard.rules.history;

import dev.migrationguard.git.Change;
import dev.migrationguard.git.ChangeSet;
import dev.migrationguard.git.ChangeType;
import dev.migrationguard.git.MigrationPath;
import dev.migrationguard.workspace.Snapshot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
            Names existing = folders.in(change.base(), added.get().migrationsDir());
            if (existing.isEmpty() || existing.contains(added.get().name())) {
                continue;
            }
            // A folder without a numeric prefix sorts by its name, after every timestamp: migration-name-format
            // reports it once, at that folder, instead of each later migration here.
            String newest = existing.lastNumbered();
            if (newest != null && added.get().name().compareTo(newest) < 0) {
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
     * Folder names in order, never changed once made: a version that adds or removes a folder gets a new array
     * (copying a few hundred references is far cheaper than a tree set's nodes, and a long history makes one per
     * migration).
     */
    private static final class Names {
        private final String[] sorted;

        private Names(String[] sorted) {
            this.sorted = sorted;
        }

        static Names of(List<String> names) {
            String[] sorted = names.toArray(new String[0]);
            Arrays.sort(sorted);
            return new Names(sorted);
        }

        boolean isEmpty() {
            return sorted.length == 0;
        }

        boolean contains(String name) {
            return Arrays.binarySearch(sorted, name) >= 0;
        }

        /** The last name that starts with a digit, or null. */
        String lastNumbered() {
            for (int i = sorted.length - 1; i >= 0; i--) {
                if (!sorted[i].isEmpty() && Character.isDigit(sorted[i].charAt(0))) {
                    return sorted[i];
                }
            }
            return null;
        }

        Names with(String name) {
            int at = Arrays.binarySearch(sorted, name);
            if (at >= 0) {
                return this;
            }
            int insert = -at - 1;
            String[] more = new String[sorted.length + 1];
            System.arraycopy(sorted, 0, more, 0, insert);
            more[insert] = name;
            System.arraycopy(sorted, insert, more, insert + 1, sorted.length - insert);
            return new Names(more);
        }

        Names without(String name) {
            int at = Arrays.binarySearch(sorted, name);
            if (at < 0) {
                return this;
            }
            String[] fewer = new String[sorted.length - 1];
            System.arraycopy(sorted, 0, fewer, 0, at);
            System.arraycopy(sorted, at + 1, fewer, at, sorted.length - at - 1);
            return new Names(fewer);
        }
    }

    /**
     * The migration folders of each version met so far, per migrations directory. A history walk meets every
     * commit after its parent, so a version's folders are mostly carried over from the version before it with the
     * change's own additions and deletions, instead of read again from a tree.
     */
    private static final class Folders {
        private final Map<Snapshot, Map<String, Names>> known = new IdentityHashMap<>();

        Names in(Snapshot snapshot, String migrationsDir) {
            Map<String, Names> dirs = known.get(snapshot);
            Names names = dirs == null ? null : dirs.get(migrationsDir);
            if (names == null) {
                // Versions share their maps (see carry), so a directory read for this one goes into a copy.
                names = Names.of(snapshot.subfolders(migrationsDir));
                Map<String, Names> more = dirs == null ? new HashMap<>() : new HashMap<>(dirs);
                more.put(migrationsDir, names);
                known.put(snapshot, more);
            }
            return names;
        }

        /** Records the target's folders from the base's, for every directory known in the base. */
        void carry(ChangeSet change) {
            Map<String, Names> before = known.get(change.base());
            if (before == null || before.isEmpty() || known.containsKey(change.target())) {
                return;
            }
            // Most changes add or remove no migration: the target then shares the base's sets (never modified).
            Map<String, Names> after = before;
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

        private static void update(Map<String, Names> after, Optional<MigrationPath> gone,
                                   Optional<MigrationPath> added) {
            gone.filter(m -> after.containsKey(m.migrationsDir()))
                    .ifPresent(m -> after.put(m.migrationsDir(), after.get(m.migrationsDir()).without(m.name())));
            added.filter(m -> after.containsKey(m.migrationsDir()))
                    .ifPresent(m -> after.put(m.migrationsDir(), after.get(m.migrationsDir()).with(m.name())));
        }
    }
}
