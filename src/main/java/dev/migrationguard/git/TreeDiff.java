package dev.migrationguard.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.diff.DiffEntry.ChangeType;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.util.RawParseUtils;

/**
 * The changed entries between two trees, as JGit's {@code DiffEntry.scan} lists them from a recursive
 * {@code TreeWalk} with {@code TreeFilter.ANY_DIFF} and a path filter on the scope (same entries, same order), but
 * reading raw tree objects directly: no iterator, path string or attribute lookup for the entries that did not
 * change, and each tree object read once for a run of neighbouring commits (a commit's tree is its child's base).
 */
final class TreeDiff {
    /** Tree objects kept: enough for the trees that a few hundred neighbouring commits share. */
    private static final int CACHED_TREES = 512;
    private static final int TYPE_MASK = 0170000;
    private static final int TYPE_TREE = 0040000;
    private static final ObjectId ZERO = ObjectId.zeroId();

    /**
     * One changed path, as a {@code DiffEntry} before rename detection: an {@link ChangeType#ADD} has the
     * {@link FileMode#MISSING} old mode and the zero id, a {@link ChangeType#DELETE} the same on the new side.
     */
    record Entry(ChangeType type, String path, FileMode oldMode, ObjectId oldId, FileMode newMode, ObjectId newId) {
    }

    private final ObjectReader reader;
    private final byte[] scope;
    private final Map<ObjectId, byte[]> trees = new LinkedHashMap<>(CACHED_TREES * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ObjectId, byte[]> eldest) {
            return size() > CACHED_TREES;
        }
    };
    private byte[] path = new byte[256];

    TreeDiff(ObjectReader reader, String scope) {
        this.reader = reader;
        this.scope = scope.getBytes(StandardCharsets.UTF_8);
    }

    /** The changes from {@code oldTree} to {@code newTree}; null stands for the empty tree. */
    List<Entry> compare(ObjectId oldTree, ObjectId newTree) throws IOException {
        List<Entry> out = new ArrayList<>();
        if (oldTree == null ? newTree != null : !oldTree.equals(newTree)) {
            compare(read(oldTree), read(newTree), 0, out);
        }
        return out;
    }

    private byte[] read(ObjectId tree) throws IOException {
        if (tree == null) {
            return new byte[0];
        }
        byte[] raw = trees.get(tree);
        if (raw == null) {
            raw = reader.open(tree, Constants.OBJ_TREE).getCachedBytes();
            trees.put(tree.copy(), raw);
        }
        return raw;
    }

    /** Merges two trees' entries in git's order; {@code base} bytes of {@link #path} hold the folder's path. */
    private void compare(byte[] a, byte[] b, int base, List<Entry> out) throws IOException {
        // The entries within the bytes both versions begin with are the same entries: skip them without comparing
        // (a folder of migrations usually only gains one at its end).
        int shared = Arrays.mismatch(a, b);
        if (shared < 0) {
            return;
        }
        int start = 0;
        for (int end = Cursor.end(a, start); end <= shared; end = Cursor.end(a, end)) {
            start = end;
        }
        Cursor x = new Cursor(a, start);
        Cursor y = new Cursor(b, start);
        while (!x.eof() || !y.eof()) {
            int order = x.eof() ? 1 : y.eof() ? -1 : Cursor.order(x, y);
            if (order < 0) {
                entry(x, null, base, out);
                x.next();
            } else if (order > 0) {
                entry(null, y, base, out);
                y.next();
            } else {
                if (x.mode != y.mode || !x.sameId(y)) {
                    entry(x, y, base, out);
                }
                x.next();
                y.next();
            }
        }
    }

    /** One name present in the old tree ({@code x}), the new one ({@code y}) or both, whose id or mode differ. */
    private void entry(Cursor x, Cursor y, int base, List<Entry> out) throws IOException {
        Cursor named = x != null ? x : y;
        int length = base + named.nameEnd - named.nameStart;
        if (path.length < length + 1) {
            byte[] bigger = new byte[Math.max(path.length * 2, length + 1)];
            System.arraycopy(path, 0, bigger, 0, base);
            path = bigger;
        }
        System.arraycopy(named.raw, named.nameStart, path, base, named.nameEnd - named.nameStart);
        boolean oldTree = x != null && x.isTree();
        boolean newTree = y != null && y.isTree();
        if (oldTree || newTree) {
            // The walk only ever sees a tree on both sides or on one: entries of the same name sort apart by type.
            if (enters(length)) {
                path[length] = '/';
                compare(oldTree ? read(x.id()) : new byte[0], newTree ? read(y.id()) : new byte[0], length + 1, out);
            }
            return;
        }
        if (!includes(length)) {
            return;
        }
        String name = decode(length);
        FileMode oldMode = x == null ? FileMode.MISSING : FileMode.fromBits(x.mode);
        FileMode newMode = y == null ? FileMode.MISSING : FileMode.fromBits(y.mode);
        ObjectId oldId = x == null ? ZERO : x.id();
        ObjectId newId = y == null ? ZERO : y.id();
        if (x == null) {
            out.add(new Entry(ChangeType.ADD, name, oldMode, ZERO, newMode, newId));
        } else if (y == null) {
            out.add(new Entry(ChangeType.DELETE, name, oldMode, oldId, newMode, ZERO));
        } else if (!oldId.equals(newId)) {
            if ((oldMode.getBits() & TYPE_MASK) == (newMode.getBits() & TYPE_MASK)) {
                out.add(new Entry(ChangeType.MODIFY, name, oldMode, oldId, newMode, newId));
            } else {
                // A file that became a link (or the reverse) is a deletion and an addition, as DiffEntry splits it.
                out.add(new Entry(ChangeType.DELETE, name, oldMode, oldId, FileMode.MISSING, ZERO));
                out.add(new Entry(ChangeType.ADD, name, FileMode.MISSING, ZERO, newMode, newId));
            }
        } else if (oldMode != newMode) {
            out.add(new Entry(ChangeType.MODIFY, name, oldMode, oldId, newMode, newId));
        }
    }

    /** Whether a file at {@code path[0, length)} is the scope or inside it. */
    private boolean includes(int length) {
        return scope.length == 0 || startsWithScope(length) && (length == scope.length || path[scope.length] == '/');
    }

    /** Whether a walk enters the folder at {@code path[0, length)}: inside the scope or on the way to it. */
    private boolean enters(int length) {
        if (includes(length)) {
            return true;
        }
        if (length >= scope.length || scope[length] != '/') {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (path[i] != scope[i]) {
                return false;
            }
        }
        return true;
    }

    private boolean startsWithScope(int length) {
        if (length < scope.length) {
            return false;
        }
        for (int i = 0; i < scope.length; i++) {
            if (path[i] != scope[i]) {
                return false;
            }
        }
        return true;
    }

    /** The path as TreeWalk decodes it (UTF-8, or the fallback for names that are not), ASCII without a decoder. */
    private String decode(int length) {
        for (int i = 0; i < length; i++) {
            if (path[i] < 0) {
                return RawParseUtils.decode(path, 0, length);
            }
        }
        return new String(path, 0, length, StandardCharsets.ISO_8859_1);
    }

    /** A position in a raw tree object: {@code <octal mode> <name>\0<20-byte id>} per entry. */
    private static final class Cursor {
        final byte[] raw;
        int next;
        int mode;
        int nameStart;
        int nameEnd;
        int idStart;

        Cursor(byte[] raw, int at) {
            this.raw = raw;
            parse(at);
        }

        /** Where the entry that starts at {@code at} ends (past the end of the tree when there is none). */
        static int end(byte[] raw, int at) {
            if (at >= raw.length) {
                return Integer.MAX_VALUE;
            }
            int i = at;
            while (raw[i] != 0) {
                i++;
            }
            return i + 1 + Constants.OBJECT_ID_LENGTH;
        }

        boolean eof() {
            return nameStart < 0;
        }

        void next() {
            parse(next);
        }

        private void parse(int at) {
            if (at >= raw.length) {
                nameStart = -1;
                return;
            }
            int m = 0;
            int i = at;
            while (raw[i] != ' ') {
                m = (m << 3) + (raw[i++] - '0');
            }
            mode = m;
            nameStart = ++i;
            while (raw[i] != 0) {
                i++;
            }
            nameEnd = i;
            idStart = i + 1;
            next = idStart + Constants.OBJECT_ID_LENGTH;
        }

        boolean isTree() {
            return (mode & TYPE_MASK) == TYPE_TREE;
        }

        boolean sameId(Cursor other) {
            for (int i = 0; i < Constants.OBJECT_ID_LENGTH; i++) {
                if (raw[idStart + i] != other.raw[other.idStart + i]) {
                    return false;
                }
            }
            return true;
        }

        ObjectId id() {
            return ObjectId.fromRaw(raw, idStart);
        }

        /** Git's tree order: names compared bytewise, a tree's name as if it ended with '/'. */
        static int order(Cursor a, Cursor b) {
            int i = a.nameStart;
            int j = b.nameStart;
            while (i < a.nameEnd && j < b.nameEnd) {
                int d = (a.raw[i++] & 0xff) - (b.raw[j++] & 0xff);
                if (d != 0) {
                    return d;
                }
            }
            int ca = i < a.nameEnd ? a.raw[i] & 0xff : a.isTree() ? '/' : 0;
            int cb = j < b.nameEnd ? b.raw[j] & 0xff : b.isTree() ? '/' : 0;
            return ca - cb;
        }
    }
}
