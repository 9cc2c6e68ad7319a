package dev.migrationguard.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.treewalk.filter.TreeFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TreeDiff must list exactly what DiffEntry.scan lists from a recursive TreeWalk with ANY_DIFF, in the same order. */
class TreeDiffTest {
    @TempDir
    Path dir;

    /** A tree under construction: path to {mode, content}; content of a gitlink is the commit id it names. */
    private static Map<String, Object[]> files(Object... modePathContent) {
        Map<String, Object[]> out = new TreeMap<>();
        for (int i = 0; i < modePathContent.length; i += 3) {
            out.put((String) modePathContent[i + 1], new Object[] {modePathContent[i], modePathContent[i + 2]});
        }
        return out;
    }

    /** Writes nested trees for a map of paths; names are raw bytes in ISO-8859-1 so that non-UTF-8 names survive. */
    private static ObjectId write(ObjectInserter inserter, Map<String, Object[]> files, String prefix) throws Exception {
        Map<String, Object> entries = new TreeMap<>();
        for (Map.Entry<String, Object[]> e : files.entrySet()) {
            if (!e.getKey().startsWith(prefix)) {
                continue;
            }
            String rest = e.getKey().substring(prefix.length());
            int slash = rest.indexOf('/');
            if (slash < 0) {
                entries.put(rest, e.getValue());
            } else {
                entries.putIfAbsent(rest.substring(0, slash), prefix + rest.substring(0, slash + 1));
            }
        }
        List<Object[]> sorted = new ArrayList<>();
        for (Map.Entry<String, Object> e : entries.entrySet()) {
            byte[] name = e.getKey().getBytes(StandardCharsets.ISO_8859_1);
            if (e.getValue() instanceof String sub) {
                sorted.add(new Object[] {name, FileMode.TREE, write(inserter, files, sub)});
            } else {
                Object[] spec = (Object[]) e.getValue();
                FileMode mode = (FileMode) spec[0];
                ObjectId id = mode == FileMode.GITLINK ? ObjectId.fromString((String) spec[1])
                        : inserter.insert(Constants.OBJ_BLOB, ((String) spec[1]).getBytes(StandardCharsets.UTF_8));
                sorted.add(new Object[] {name, mode, id});
            }
        }
        sorted.sort((a, b) -> compare((byte[]) a[0], (FileMode) a[1], (byte[]) b[0], (FileMode) b[1]));
        TreeFormatter tree = new TreeFormatter();
        for (Object[] e : sorted) {
            byte[] name = (byte[]) e[0];
            tree.append(name, 0, name.length, (FileMode) e[1], (ObjectId) e[2]);
        }
        return inserter.insert(tree);
    }

    private static int compare(byte[] a, FileMode am, byte[] b, FileMode bm) {
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            if (a[i] != b[i]) {
                return (a[i] & 0xff) - (b[i] & 0xff);
            }
        }
        int ca = a.length > b.length ? a[b.length] & 0xff : am == FileMode.TREE ? '/' : 0;
        int cb = b.length > a.length ? b[a.length] & 0xff : bm == FileMode.TREE ? '/' : 0;
        return ca - cb;
    }

    private static List<String> expected(Repository repo, ObjectReader reader, ObjectId a, ObjectId b, String scope)
            throws Exception {
        try (TreeWalk walk = new TreeWalk(repo, reader)) {
            walk.setRecursive(true);
            walk.setFilter(scope.isEmpty() ? TreeFilter.ANY_DIFF
                    : AndTreeFilter.create(PathFilter.create(scope), TreeFilter.ANY_DIFF));
            if (a == null) {
                walk.addTree(new EmptyTreeIterator());
            } else {
                walk.addTree(new CanonicalTreeParser(null, reader, a));
            }
            walk.addTree(new CanonicalTreeParser(null, reader, b));
            List<String> out = new ArrayList<>();
            for (DiffEntry e : DiffEntry.scan(walk)) {
                out.add(e.getChangeType() + " " + e.getOldPath() + " " + e.getOldMode() + " " + e.getOldId().name()
                        + " -> " + e.getNewPath() + " " + e.getNewMode() + " " + e.getNewId().name());
            }
            return out;
        }
    }

    private static List<String> actual(ObjectReader reader, ObjectId a, ObjectId b, String scope) throws Exception {
        List<String> out = new ArrayList<>();
        for (TreeDiff.Entry e : new TreeDiff(reader, scope).compare(a, b)) {
            String oldPath = e.type() == DiffEntry.ChangeType.ADD ? DiffEntry.DEV_NULL : e.path();
            String newPath = e.type() == DiffEntry.ChangeType.DELETE ? DiffEntry.DEV_NULL : e.path();
            out.add(e.type() + " " + oldPath + " " + e.oldMode() + " " + e.oldId().name()
                    + " -> " + newPath + " " + e.newMode() + " " + e.newId().name());
        }
        return out;
    }

    @Test
    void listsWhatDiffEntryScanListsForEveryKindOfChange() throws Exception {
        String commit = "0123456789012345678901234567890123456789";
        String other = "1123456789012345678901234567890123456789";
        Map<String, Object[]> before = files(
                FileMode.REGULAR_FILE, "a", "file a",
                FileMode.REGULAR_FILE, "a.txt", "dot",
                FileMode.REGULAR_FILE, "a-b/x", "dash",
                FileMode.REGULAR_FILE, "b/one", "1",
                FileMode.REGULAR_FILE, "b/two", "2",
                FileMode.REGULAR_FILE, "c/deep/er/file", "deep",
                FileMode.REGULAR_FILE, "exec.sh", "run",
                FileMode.REGULAR_FILE, "to-link", "target",
                FileMode.SYMLINK, "link", "somewhere",
                FileMode.GITLINK, "sub", commit,
                FileMode.REGULAR_FILE, "same", "unchanged",
                FileMode.REGULAR_FILE, "d", "becomes a folder",
                FileMode.REGULAR_FILE, "caf\u00c3\u00a9.sql", "utf-8 name",
                FileMode.REGULAR_FILE, "bad\u00e9.sql", "latin-1 name",
                FileMode.REGULAR_FILE, "app/prisma/schema.prisma", "model A {}",
                FileMode.REGULAR_FILE, "apple/file", "not in scope app");
        Map<String, Object[]> after = files(
                FileMode.REGULAR_FILE, "a.txt", "dot changed",
                FileMode.REGULAR_FILE, "a-b/x", "dash",
                FileMode.REGULAR_FILE, "b/one", "1 changed",
                FileMode.REGULAR_FILE, "b/three", "3",
                FileMode.REGULAR_FILE, "c/deep/er/file", "deep changed",
                FileMode.EXECUTABLE_FILE, "exec.sh", "run",
                FileMode.SYMLINK, "to-link", "target",
                FileMode.SYMLINK, "link", "elsewhere",
                FileMode.GITLINK, "sub", other,
                FileMode.REGULAR_FILE, "same", "unchanged",
                FileMode.REGULAR_FILE, "d/inside", "now a folder",
                FileMode.REGULAR_FILE, "a/inside", "file a became a folder",
                FileMode.REGULAR_FILE, "caf\u00c3\u00a9.sql", "utf-8 name changed",
                FileMode.REGULAR_FILE, "bad\u00e9.sql", "latin-1 name changed",
                FileMode.REGULAR_FILE, "app/prisma/schema.prisma", "model B {}",
                FileMode.REGULAR_FILE, "ap", "a prefix of the scope, not in it",
                FileMode.REGULAR_FILE, "apple/file", "changed, still not in scope app");
        try (Repository repo = FileRepositoryBuilder.create(dir.resolve(".git").toFile())) {
            repo.create(true);
            ObjectId a;
            ObjectId b;
            try (ObjectInserter inserter = repo.newObjectInserter()) {
                a = write(inserter, before, "");
                b = write(inserter, after, "");
                inserter.flush();
            }
            try (ObjectReader reader = repo.newObjectReader()) {
                for (String scope : List.of("", "app", "app/prisma", "c/deep", "b", "nothing")) {
                    assertEquals(expected(repo, reader, a, b, scope), actual(reader, a, b, scope), "scope " + scope);
                    assertEquals(expected(repo, reader, b, a, scope), actual(reader, b, a, scope), "scope " + scope);
                    assertEquals(expected(repo, reader, null, b, scope), actual(reader, null, b, scope), "scope " + scope);
                }
                assertFalse(actual(reader, a, b, "").isEmpty());
                assertEquals(List.of(), actual(reader, a, a, ""));
                // The non-UTF-8 name decodes as TreeWalk decodes it.
                assertEquals(1, actual(reader, a, b, "").stream().filter(s -> s.contains("bad")).count());
                assertEquals(Arrays.asList("MODIFY"), actual(reader, a, b, "c").stream().map(s -> s.split(" ")[0]).toList());
            }
        }
    }
}
