package dev.migrationguard.workspace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;

/**
 * The entries of git tree objects by name, kept for the trees read last. A tree id names its content, so one cache
 * serves every commit of every repository: finding many files of one folder (the findings in a migrations folder of
 * a thousand entries) reads and parses that folder's tree once instead of once per file.
 */
final class TreeEntries {
    /**
     * Trees kept: the folders on the way to the files of a few commits (few, since one folder of a large
     * repository can hold thousands of entries).
     */
    private static final int KEPT = 32;

    /** One entry of a tree: its mode and object id. */
    record Entry(FileMode mode, ObjectId id) {
        boolean isTree() {
            return FileMode.TREE.equals(mode);
        }

        boolean isFile() {
            return FileMode.REGULAR_FILE.equals(mode) || FileMode.EXECUTABLE_FILE.equals(mode);
        }
    }

    private static final Map<ObjectId, Map<String, Entry>> TREES = new LinkedHashMap<>(KEPT * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ObjectId, Map<String, Entry>> eldest) {
            return size() > KEPT;
        }
    };

    private TreeEntries() {
    }

    /** The entries of a tree by name, in git's order. */
    static Map<String, Entry> of(ObjectReader reader, ObjectId tree) throws IOException {
        synchronized (TREES) {
            Map<String, Entry> known = TREES.get(tree);
            if (known != null) {
                return known;
            }
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (CanonicalTreeParser parser = new CanonicalTreeParser(null, reader, tree); !parser.eof(); parser.next(1)) {
            entries.put(nameOf(parser), new Entry(parser.getEntryFileMode(), parser.getEntryObjectId()));
        }
        synchronized (TREES) {
            TREES.put(tree.copy(), entries);
        }
        return entries;
    }

    /**
     * The entry at a path below a tree ({@code a/b/c}), or null when a folder on the way or the entry itself is
     * missing.
     */
    static Entry find(ObjectReader reader, ObjectId root, String path) throws IOException {
        ObjectId tree = root;
        int from = 0;
        while (true) {
            int slash = path.indexOf('/', from);
            String name = slash < 0 ? path.substring(from) : path.substring(from, slash);
            Entry entry = of(reader, tree).get(name);
            if (slash < 0 || entry == null) {
                return entry;
            }
            if (!entry.isTree()) {
                return null;
            }
            tree = entry.id();
            from = slash + 1;
        }
    }

    /** The names of the subtrees of a tree. */
    static List<String> folders(ObjectReader reader, ObjectId tree) throws IOException {
        List<String> names = new ArrayList<>();
        of(reader, tree).forEach((name, entry) -> {
            if (entry.isTree()) {
                names.add(name);
            }
        });
        return names;
    }

    /** An entry's name; most are ASCII, which needs no UTF-8 decoder (thousands of migration folders per walk). */
    private static String nameOf(CanonicalTreeParser entry) {
        int length = entry.getNameLength();
        byte[] raw = new byte[length];
        entry.getName(raw, 0);
        for (byte b : raw) {
            if (b < 0) {
                return entry.getEntryPathString();
            }
        }
        return new String(raw, StandardCharsets.ISO_8859_1);
    }
}
