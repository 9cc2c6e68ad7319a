package dev.migrationguard.rules.history;

import dev.migrationguard.prisma.PrismaArgument;
import dev.migrationguard.prisma.PrismaAttribute;
import dev.migrationguard.prisma.PrismaEnum;
import dev.migrationguard.prisma.PrismaExpression;
import dev.migrationguard.prisma.PrismaField;
import dev.migrationguard.prisma.PrismaModel;
import dev.migrationguard.prisma.PrismaParser;
import dev.migrationguard.prisma.PrismaSchema;
import dev.migrationguard.workspace.ModelKey;
import dev.migrationguard.workspace.Snapshot;
import dev.migrationguard.workspace.SourceFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The data model of one Prisma schema file: its models, views, composite types and enums, each reduced on demand to
 * a canonical form of its fields (or values) and attributes, so that comments, formatting, the order of members and
 * attributes, and the generator and datasource blocks do not count as changes.
 *
 * <p>A history walk compares thousands of schema versions, so a file is first cut into its top-level blocks, and a
 * block is parsed only when its text, without comments and extra whitespace, differs from the other version's.
 * A file that cannot be cut cleanly is parsed whole.
 *
 * @param blocks by key ("model User", "enum Role"), in file order
 */
record DataModel(SourceFile file, Map<String, Block> blocks) {
    private static final Set<String> DATA_BLOCKS = Set.of("model", "view", "type", "enum");

    /** Each snapshot's data models, one per file, made when first asked for. */
    static final ModelKey<Files> FILES = ModelKey.of("prisma data model per file", Files::new);

    /** Data models of one snapshot's files. */
    static final class Files {
        private final Snapshot snapshot;
        private final Map<String, Optional<DataModel>> made = new HashMap<>();

        private Files(Snapshot snapshot) {
            this.snapshot = snapshot;
        }

        /** The data model of a {@code .prisma} file, or empty when the file is absent or unreadable. */
        synchronized Optional<DataModel> of(String path) {
            return made.computeIfAbsent(path, p -> snapshot.read(p).map(DataModel::of));
        }
    }

    /** A field, an enum value or a block attribute, with its canonical text and where it is written. */
    record Member(String key, String canonical, int offset) {
    }

    /** A model, view, composite type or enum; parsed when its members are first needed. */
    static final class Block {
        private final SourceFile file;
        private final String key;
        private final int start;
        private final int end;
        private final int nameOffset;
        private String normalised;
        private Map<String, Member> members;
        private boolean broken;

        private Block(SourceFile file, String key, int start, int end, int nameOffset) {
            this.file = file;
            this.key = key;
            this.start = start;
            this.end = end;
            this.nameOffset = nameOffset;
        }

        private static Block parsed(SourceFile file, String key, int nameOffset, Map<String, Member> members,
                                    boolean broken) {
            Block block = new Block(file, key, -1, -1, nameOffset);
            block.members = members;
            block.broken = broken;
            return block;
        }

        String key() {
            return key;
        }

        int nameOffset() {
            return nameOffset;
        }

        /** Whether the two blocks read the same once comments and whitespace are gone (then nothing changed). */
        boolean sameText(Block other) {
            if (start < 0 || other.start < 0) {
                return false;
            }
            // Most blocks of two versions are byte for byte the same: no need to normalise those.
            int length = end - start;
            if (length == other.end - other.start
                    && file.text().regionMatches(start, other.file.text(), other.start, length)) {
                return true;
            }
            return normalised().equals(other.normalised());
        }

        private synchronized String normalised() {
            if (normalised == null) {
                normalised = normalise(file.text(), start, end);
            }
            return normalised;
        }

        /** Fields or enum values and block attributes, by key, in file order. */
        synchronized Map<String, Member> members() {
            if (members == null) {
                parse();
            }
            return members;
        }

        /** Whether the block has syntax errors (its members cannot be trusted). */
        synchronized boolean broken() {
            members();
            return broken;
        }

        private void parse() {
            SourceFile alone = new SourceFile(file.path(), file.text().substring(start, end));
            PrismaSchema schema = PrismaParser.parse(alone);
            broken = !schema.problems().isEmpty();
            List<Block> found = blocksOf(schema, start);
            members = found.size() == 1 ? found.get(0).members : Map.of();
            broken |= found.size() != 1;
        }
    }

    static DataModel of(SourceFile file) {
        Map<String, Block> blocks = new LinkedHashMap<>();
        List<int[]> spans = split(file.text());
        if (spans == null) {
            PrismaSchema schema = PrismaParser.parse(file);
            boolean broken = !schema.problems().isEmpty();
            for (Block b : blocksOf(schema, 0)) {
                blocks.putIfAbsent(b.key, Block.parsed(file, b.key, b.nameOffset, b.members, broken));
            }
            return new DataModel(file, blocks);
        }
        String text = file.text();
        for (int[] span : spans) {
            String keyword = text.substring(span[0], span[1]);
            if (DATA_BLOCKS.contains(keyword)) {
                String key = keyword + " " + text.substring(span[2], span[3]);
                blocks.putIfAbsent(key, new Block(file, key, span[0], span[4], span[2]));
            }
        }
        return new DataModel(file, blocks);
    }

    /** The parsed blocks of a schema; offsets are shifted by {@code shift} (where the parsed text began). */
    private static List<Block> blocksOf(PrismaSchema schema, int shift) {
        List<Object> all = new ArrayList<>();
        all.addAll(schema.models());
        all.addAll(schema.views());
        all.addAll(schema.compositeTypes());
        all.addAll(schema.enums());
        all.sort((x, y) -> Integer.compare(start(x), start(y)));
        SourceFile file = schema.files().isEmpty() ? null : schema.files().get(0);
        List<Block> out = new ArrayList<>();
        for (Object element : all) {
            out.add(element instanceof PrismaModel m ? model(file, m, shift) : enumBlock(file, (PrismaEnum) element, shift));
        }
        return out;
    }

    private static int start(Object element) {
        return element instanceof PrismaModel m ? m.start() : ((PrismaEnum) element).start();
    }

    private static Block model(SourceFile file, PrismaModel model, int shift) {
        Map<String, Member> members = new LinkedHashMap<>();
        for (PrismaField field : model.fields()) {
            String type = field.type().name()
                    + (field.type().unsupported() != null ? "(" + quote(field.type().unsupported()) + ")" : "")
                    + (field.type().list() ? "[]" : "") + (field.type().optional() ? "?" : "");
            String key = "field " + field.name().text();
            members.putIfAbsent(key, new Member(key, type + " " + attributes(field.attributes(), "@"),
                    field.name().start() + shift));
        }
        for (PrismaAttribute attribute : model.blockAttributes()) {
            String text = attribute("@@", attribute);
            members.putIfAbsent(text, new Member(text, text, attribute.start() + shift));
        }
        return Block.parsed(file, model.kind().name().toLowerCase(Locale.ROOT) + " " + model.name().text(),
                model.name().start() + shift, members, false);
    }

    private static Block enumBlock(SourceFile file, PrismaEnum e, int shift) {
        Map<String, Member> members = new LinkedHashMap<>();
        for (PrismaEnum.Value value : e.values()) {
            String key = "value " + value.name().text();
            members.putIfAbsent(key, new Member(key, attributes(value.attributes(), "@"), value.name().start() + shift));
        }
        for (PrismaAttribute attribute : e.blockAttributes()) {
            String text = attribute("@@", attribute);
            members.putIfAbsent(text, new Member(text, text, attribute.start() + shift));
        }
        return Block.parsed(file, "enum " + e.name().text(), e.name().start() + shift, members, false);
    }

    /** Attributes in a canonical order: their order on a field does not matter to Prisma. */
    private static String attributes(List<PrismaAttribute> attributes, String sigil) {
        return attributes.stream().map(a -> attribute(sigil, a)).sorted().collect(Collectors.joining(" "));
    }

    private static String attribute(String sigil, PrismaAttribute attribute) {
        return sigil + attribute.name() + (attribute.arguments().isEmpty() ? "" : "(" + arguments(attribute.arguments()) + ")");
    }

    private static String arguments(List<PrismaArgument> arguments) {
        return arguments.stream().map(a -> (a.positional() ? "" : a.name() + ": ") + expression(a.value()))
                .collect(Collectors.joining(", "));
    }

    private static String expression(PrismaExpression value) {
        if (value instanceof PrismaExpression.StringValue s) {
            return quote(s.value());
        }
        if (value instanceof PrismaExpression.Call c) {
            return c.name() + "(" + arguments(c.arguments()) + ")";
        }
        if (value instanceof PrismaExpression.ArrayValue a) {
            return "[" + a.elements().stream().map(DataModel::expression).collect(Collectors.joining(", ")) + "]";
        }
        return value.simpleText();
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /**
     * The top-level blocks of a schema text as {keyword start, keyword end, name start, name end, block end}, or
     * null when the text is not a clean sequence of {@code keyword Name { ... }} blocks.
     */
    static List<int[]> split(String text) {
        List<int[]> spans = new ArrayList<>();
        int n = text.length();
        int i = skipBlank(text, 0);
        while (i < n) {
            int keywordStart = i;
            i = skipWord(text, i);
            int keywordEnd = i;
            i = skipBlank(text, i);
            int nameStart = i;
            i = skipWord(text, i);
            int nameEnd = i;
            i = skipBlank(text, i);
            if (keywordEnd == keywordStart || nameEnd == nameStart || i >= n || text.charAt(i) != '{') {
                return null;
            }
            int depth = 0;
            while (i < n) {
                char c = text.charAt(i);
                if (c == '"') {
                    i = skipString(text, i);
                    continue;
                }
                if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                    i = lineEnd(text, i);
                    continue;
                }
                i++;
                if (c == '{') {
                    depth++;
                } else if (c == '}' && --depth == 0) {
                    break;
                }
            }
            if (depth != 0) {
                return null;
            }
            spans.add(new int[] {keywordStart, keywordEnd, nameStart, nameEnd, i});
            i = skipBlank(text, i);
        }
        return spans;
    }

    /** The text of {@code [start, end)} without comments, with every run of whitespace made one space. */
    static String normalise(String text, int start, int end) {
        StringBuilder out = new StringBuilder(end - start);
        boolean space = false;
        int i = start;
        while (i < end) {
            char c = text.charAt(i);
            if (c == '/' && i + 1 < end && text.charAt(i + 1) == '/') {
                i = Math.min(lineEnd(text, i), end);
                space = true;
                continue;
            }
            if (Character.isWhitespace(c)) {
                space = true;
                i++;
                continue;
            }
            if (space && out.length() > 0) {
                out.append(' ');
            }
            space = false;
            if (c == '"') {
                int after = Math.min(skipString(text, i), end);
                out.append(text, i, after);
                i = after;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static int skipBlank(String text, int i) {
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                i = lineEnd(text, i);
            } else {
                break;
            }
        }
        return i;
    }

    private static int skipWord(String text, int i) {
        while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
            i++;
        }
        return i;
    }

    /** Just after the closing quote of the string opening at {@code i}, or the end of its line. */
    private static int skipString(String text, int i) {
        int n = text.length();
        i++;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '"') {
                return i + 1;
            } else if (c == '\n') {
                return i;
            } else {
                i++;
            }
        }
        return n;
    }

    private static int lineEnd(String text, int i) {
        int nl = text.indexOf('\n', i);
        return nl < 0 ? text.length() : nl;
    }
}
