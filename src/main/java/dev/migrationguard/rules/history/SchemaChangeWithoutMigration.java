package dev.migrationguard.rules.history;

import dev.migrationguard.git.Change;
import dev.migrationguard.git.ChangeSet;
import dev.migrationguard.git.ChangeType;
import dev.migrationguard.git.LineChanges;
import dev.migrationguard.git.MigrationPath;
import dev.migrationguard.workspace.RepoPaths;
import dev.migrationguard.workspace.SourceFile;
import dev.migrationguard.workspace.TextRange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A change edits the data model of a Prisma schema (models, views, composite types, enums, their fields, values and
 * attributes) and adds no migration folder. Parsed schemas are compared, so comments, formatting, member order and
 * the generator and datasource blocks do not count.
 */
public final class SchemaChangeWithoutMigration extends ChangeSetRule {
    private static final int LISTED = 4;

    @Override
    public String id() {
        return "schema-change-without-migration";
    }

    /** In a range, a later commit that adds a migration settles an earlier schema change. */
    @Override
    boolean standsInRange(Issue issue, Set<String> rangeKeys, List<ChangeSet> laterCommits) {
        return laterCommits.stream().noneMatch(later -> addsMigrationFor(later, issue.path()));
    }

    /**
     * Whether a change adds a migration that can belong to the schema at {@code schemaPath}: one in the migrations
     * folder beside it (beside its folder, for a multi-file schema). When no such folder exists in either version
     * (migrations kept elsewhere through prisma.config.ts or package.json), any new migration counts. In a
     * monorepo, a migration of another app's schema does not settle this one.
     */
    private static boolean addsMigrationFor(ChangeSet change, String schemaPath) {
        List<String> beside = migrationFolders(schemaPath);
        boolean elsewhere = false;
        for (Change c : change.changes()) {
            if (c.type() == ChangeType.MODIFY || c.type() == ChangeType.DELETE) {
                continue;
            }
            Optional<MigrationPath> migration = MigrationPath.parse(c.newPath());
            if (migration.isPresent()) {
                if (beside.contains(migration.get().migrationsDir())) {
                    return true;
                }
                elsewhere = true;
            }
        }
        // A migration in another folder counts only for a schema without a migrations folder of its own (looked up
        // last: it reads trees).
        return elsewhere && beside.stream().allMatch(dir -> change.target().subfolders(dir).isEmpty()
                && change.base().subfolders(dir).isEmpty());
    }

    /** Where Prisma looks for the migrations of a schema file: beside it, and beside a schema folder. */
    private static List<String> migrationFolders(String schemaPath) {
        String dir = RepoPaths.parent(schemaPath);
        List<String> folders = new ArrayList<>();
        folders.add(RepoPaths.join(dir, "migrations"));
        if (!dir.isEmpty()) {
            folders.add(RepoPaths.join(RepoPaths.parent(dir), "migrations"));
        }
        return folders;
    }

    /** A block of the data model and the file it is in. */
    private record Placed(DataModel.Block block, DataModel model) {
    }

    @Override
    List<Issue> issues(ChangeSet change, Map<Object, Object> memo) {
        List<Change> schemaChanges = new ArrayList<>();
        for (Change c : change.changes()) {
            if ((isSchema(c.oldPath()) || isSchema(c.newPath())) && !addsMigrationFor(change, c.path())) {
                schemaChanges.add(c);
            }
        }
        if (schemaChanges.isEmpty()) {
            return List.of();
        }
        DataModel.Files before = change.base().model(DataModel.FILES);
        DataModel.Files after = change.target().model(DataModel.FILES);
        Map<String, Placed> oldBlocks = new LinkedHashMap<>();
        Map<String, Placed> newBlocks = new LinkedHashMap<>();
        for (Change c : schemaChanges) {
            if (isSchema(c.oldPath()) && c.type() != ChangeType.COPY) {
                Optional<DataModel> old = before.of(c.oldPath());
                if (old.isEmpty()) {
                    return List.of();
                }
                old.get().blocks().values().forEach(b -> oldBlocks.putIfAbsent(b.key(), new Placed(b, old.get())));
            }
            if (isSchema(c.newPath())) {
                Optional<DataModel> now = after.of(c.newPath());
                if (now.isEmpty()) {
                    return List.of();
                }
                now.get().blocks().values().forEach(b -> newBlocks.putIfAbsent(b.key(), new Placed(b, now.get())));
            }
        }
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        Placed first = null;
        int firstOffset = -1;
        for (Placed now : newBlocks.values()) {
            Placed old = oldBlocks.get(now.block().key());
            int offset;
            if (old != null && old.block().sameText(now.block())) {
                continue;
            }
            if (now.block().broken() || old != null && old.block().broken()) {
                return List.of();
            }
            if (old == null) {
                added.add(now.block().key());
                offset = now.block().nameOffset();
            } else if (!sameMembers(old.block(), now.block())) {
                changed.add(now.block().key());
                offset = firstDifference(old.block(), now.block());
            } else {
                continue;
            }
            if (first == null) {
                first = now;
                firstOffset = offset;
            }
        }
        for (Placed old : oldBlocks.values()) {
            if (!newBlocks.containsKey(old.block().key())) {
                removed.add(old.block().key());
            }
        }
        if (added.isEmpty() && changed.isEmpty() && removed.isEmpty()) {
            return List.of();
        }
        String path;
        TextRange range;
        if (first != null) {
            SourceFile file = first.model().file();
            path = file.path();
            TextRange line = file.lineRange(file.line(firstOffset));
            range = new TextRange(line.startLine(), file.column(firstOffset), line.endLine(), line.endColumn());
        } else {
            Placed gone = oldBlocks.get(removed.get(0));
            SourceFile oldFile = gone.model().file();
            int oldLine = oldFile.line(gone.block().nameOffset());
            Optional<SourceFile> stillThere = change.target().read(oldFile.path());
            if (stillThere.isPresent()) {
                path = oldFile.path();
                range = firstToken(stillThere.get(),
                        LineChanges.mapLine(oldFile.text(), stillThere.get().text(), oldLine));
            } else {
                path = oldFile.path();
                range = oldFile.lineRange(oldLine);
            }
        }
        List<String> all = new ArrayList<>();
        all.addAll(added);
        all.addAll(changed);
        all.addAll(removed);
        all.sort(null);
        String what = describe("adds", added) + describe("changes", changed) + describe("removes", removed);
        return List.of(new Issue(path + ": " + String.join(", ", all), path, range,
                subject(change) + " changes the data model in " + path + " (" + what.substring(2) + ") but adds no"
                        + " migration: databases are built from the migrations, so they will not match the schema.",
                "Run `prisma migrate dev --name <change>` and commit the new migration folder together with the"
                        + " schema change."));
    }

    /** A line from its first non-blank character to its end. */
    private static TextRange firstToken(SourceFile file, int line) {
        TextRange whole = file.lineRange(line);
        String text = file.lineText(line);
        int indent = text.length() - text.stripLeading().length();
        return new TextRange(line, Math.min(1 + indent, whole.endColumn()), line, whole.endColumn());
    }

    private static boolean isSchema(String path) {
        return path != null && path.endsWith(".prisma");
    }

    private static boolean sameMembers(DataModel.Block a, DataModel.Block b) {
        if (!a.members().keySet().equals(b.members().keySet())) {
            return false;
        }
        for (DataModel.Member m : b.members().values()) {
            if (!Objects.equals(a.members().get(m.key()).canonical(), m.canonical())) {
                return false;
            }
        }
        return true;
    }

    /** The first member of the new block that is new or different; the block's name when members only went away. */
    private static int firstDifference(DataModel.Block old, DataModel.Block now) {
        for (DataModel.Member m : now.members().values()) {
            DataModel.Member before = old.members().get(m.key());
            if (before == null || !before.canonical().equals(m.canonical())) {
                return m.offset();
            }
        }
        return now.nameOffset();
    }

    /** "; adds model Post, model Tag and enum Role" (at most a few names, then how many more). */
    private static String describe(String verb, List<String> keys) {
        if (keys.isEmpty()) {
            return "";
        }
        List<String> shown = keys.size() > LISTED ? keys.subList(0, LISTED - 1) : keys;
        String list;
        if (keys.size() > LISTED) {
            list = String.join(", ", shown) + " and " + (keys.size() - shown.size()) + " more";
        } else if (keys.size() == 1) {
            list = keys.get(0);
        } else {
            list = String.join(", ", keys.subList(0, keys.size() - 1)) + " and " + keys.get(keys.size() - 1);
        }
        return "; " + verb + " " + list;
    }
}
