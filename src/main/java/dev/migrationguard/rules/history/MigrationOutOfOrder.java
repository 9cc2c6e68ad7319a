package dev.migrationguard.rules.history;

import dev.migrationguard.git.Change;
import dev.migrationguard.git.ChangeSet;
import dev.migrationguard.git.MigrationPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.TreeSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;

/** A migration added by the change sorts before the newest migration already in its migrations directory. */
public final class MigrationOutOfOrder extends ChangeSetRule {

    @Override
    public String id() {
        return "migration-out-of-order";
    }

    @Override
    List<Issue> issues(ChangeSet change) {
        List<Issue> out = new ArrayList<>();
        Map<String, NavigableSet<String>> before = new HashMap<>();
        for (Change c : change.changes()) {
            if (c.newPath() == null || c.oldPath() != null && c.oldPath().equals(c.newPath())) {
                continue;
            }
            Optional<MigrationPath> added = MigrationPath.parse(c.newPath());
            if (added.isEmpty()) {
                continue;
            }
            NavigableSet<String> existing = before.computeIfAbsent(added.get().migrationsDir(),
                    dir -> new TreeSet<>(change.base().subfolders(dir)));
            if (existing == null || existing.isEmpty() || existing.contains(added.get().name())) {
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
        return out;
    }
}
