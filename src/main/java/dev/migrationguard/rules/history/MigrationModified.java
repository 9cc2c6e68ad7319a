package dev.migrationguard.rules.history;

import dev.migrationguard.git.Change;
import dev.migrationguard.git.ChangeSet;
import dev.migrationguard.git.ChangeType;
import dev.migrationguard.git.LineChanges;
import dev.migrationguard.git.MigrationPath;
import dev.migrationguard.workspace.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A migration.sql that existed before the change is edited by it. */
public final class MigrationModified extends ChangeSetRule {

    @Override
    public String id() {
        return "migration-modified";
    }

    @Override
    List<Issue> issues(ChangeSet change, Map<Object, Object> memo) {
        List<Issue> out = new ArrayList<>();
        for (Change c : change.changes()) {
            if (c.type() != ChangeType.MODIFY) {
                continue;
            }
            Optional<MigrationPath> migration = MigrationPath.parse(c.newPath());
            if (migration.isEmpty()) {
                continue;
            }
            Optional<SourceFile> before = change.base().read(c.oldPath());
            Optional<SourceFile> after = change.target().read(c.newPath());
            int line = 1;
            if (before.isPresent() && after.isPresent()) {
                line = LineChanges.firstChangedLine(before.get().text(), after.get().text());
                if (line == 0) {
                    continue;
                }
            }
            out.add(new Issue(c.newPath(), c.newPath(), lineOf(change.target(), c.newPath(), line),
                    subject(change) + " edits migration " + migration.get().name() + ", which already existed in "
                            + change.base().description() + ": Prisma stores a checksum of every applied migration,"
                            + " so databases that already ran it report it as modified and `prisma migrate dev`"
                            + " asks to reset them.",
                    "Restore " + c.newPath() + " as it was and put the change in a new migration"
                            + " (`prisma migrate dev --name <change>`)."));
        }
        return out;
    }
}
