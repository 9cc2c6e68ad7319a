package dev.migrationguard.rules.history;

import dev.migrationguard.git.Change;
import dev.migrationguard.git.ChangeSet;
import dev.migrationguard.git.ChangeType;
import dev.migrationguard.git.MigrationPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A migration folder that existed before the change is deleted or renamed by it. */
public final class MigrationDeleted extends ChangeSetRule {

    @Override
    public String id() {
        return "migration-deleted";
    }

    @Override
    List<Issue> issues(ChangeSet change, Map<Object, Object> memo) {
        List<Issue> out = new ArrayList<>();
        for (Change c : change.changes()) {
            if (c.type() != ChangeType.DELETE && c.type() != ChangeType.RENAME) {
                continue;
            }
            Optional<MigrationPath> gone = MigrationPath.parse(c.oldPath());
            if (gone.isEmpty()) {
                continue;
            }
            String fix = "Restore the folder " + gone.get().folder() + " unchanged; to undo what it did, add a new"
                    + " migration.";
            if (c.type() == ChangeType.DELETE) {
                out.add(new Issue(gone.get().folder(), c.oldPath(), lineOf(change.base(), c.oldPath(), 1),
                        subject(change) + " deletes migration " + gone.get().name() + ", which already existed in "
                                + change.base().description() + ": databases that applied it still record it, so"
                                + " `prisma migrate` reports it missing and `prisma migrate dev` asks to reset them.",
                        fix));
            } else {
                String newFolder = MigrationPath.parse(c.newPath()).map(MigrationPath::folder).orElse(c.newPath());
                out.add(new Issue(gone.get().folder(), c.newPath(), lineOf(change.target(), c.newPath(), 1),
                        subject(change) + " renames migration folder " + gone.get().folder() + " to " + newFolder
                                + ": Prisma knows migrations by folder name, so databases that applied it run it"
                                + " again under the new name and report the old one missing.",
                        fix));
            }
        }
        return out;
    }
}
