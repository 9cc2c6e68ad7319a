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
import java.util.stream.Collectors;

/**
 * The data model of one Prisma schema file in a canonical form: its models, views, composite types and enums, each
 * reduced to its fields (or values) and attributes, so that comments, formatting, the order of fields and
 * attributes, and the generator and datasource blocks do not count as changes.
 *
 * @param blocks  by key ("model User", "enum Role"), in file order
 * @param broken  whether the file has syntax errors (its model cannot be trusted)
 */
record DataModel(SourceFile file, Map<String, Block> blocks, boolean broken) {

    /** Each snapshot's parsed data models, one per file, parsed when first asked for. */
    static final ModelKey<Files> FILES = ModelKey.of("prisma data model per file", Files::new);

    /** Parsed data models of one snapshot's files. */
    static final class Files {
        private final Snapshot snapshot;
        private final Map<String, Optional<DataModel>> parsed = new HashMap<>();

        private Files(Snapshot snapshot) {
            this.snapshot = snapshot;
        }

        /** The data model of a {@code .prisma} file, or empty when the file is absent or unreadable. */
        synchronized Optional<DataModel> of(String path) {
            return parsed.computeIfAbsent(path, p -> snapshot.read(p).map(DataModel::of));
        }
    }

    /**
     * A model, view, composite type or enum.
     *
     * @param members    fields or enum values and block attributes, by key, in file order
     * @param nameOffset where its name is written
     */
    record Block(String key, Map<String, Member> members, int nameOffset) {
    }

    /** A field, an enum value or a block attribute, with its canonical text and where it is written. */
    record Member(String key, String canonical, int offset) {
    }

    static DataModel of(SourceFile file) {
        PrismaSchema schema = PrismaParser.parse(file);
        Map<String, Block> blocks = new LinkedHashMap<>();
        List<Object> all = new ArrayList<>();
        all.addAll(schema.models());
        all.addAll(schema.views());
        all.addAll(schema.compositeTypes());
        all.addAll(schema.enums());
        all.sort((x, y) -> Integer.compare(start(x), start(y)));
        for (Object element : all) {
            Block block = element instanceof PrismaModel m ? model(m) : enumBlock((PrismaEnum) element);
            blocks.putIfAbsent(block.key(), block);
        }
        return new DataModel(file, blocks, !schema.problems().isEmpty());
    }

    private static int start(Object element) {
        return element instanceof PrismaModel m ? m.start() : ((PrismaEnum) element).start();
    }

    private static Block model(PrismaModel model) {
        Map<String, Member> members = new LinkedHashMap<>();
        for (PrismaField field : model.fields()) {
            String type = field.type().name()
                    + (field.type().unsupported() != null ? "(" + quote(field.type().unsupported()) + ")" : "")
                    + (field.type().list() ? "[]" : "") + (field.type().optional() ? "?" : "");
            String key = "field " + field.name().text();
            members.putIfAbsent(key, new Member(key, type + " " + attributes(field.attributes(), "@"),
                    field.name().start()));
        }
        for (PrismaAttribute attribute : model.blockAttributes()) {
            String text = attribute("@@", attribute);
            members.putIfAbsent(text, new Member(text, text, attribute.start()));
        }
        return new Block(model.kind().name().toLowerCase(Locale.ROOT) + " " + model.name().text(), members,
                model.name().start());
    }

    private static Block enumBlock(PrismaEnum e) {
        Map<String, Member> members = new LinkedHashMap<>();
        for (PrismaEnum.Value value : e.values()) {
            String key = "value " + value.name().text();
            members.putIfAbsent(key, new Member(key, attributes(value.attributes(), "@"), value.name().start()));
        }
        for (PrismaAttribute attribute : e.blockAttributes()) {
            String text = attribute("@@", attribute);
            members.putIfAbsent(text, new Member(text, text, attribute.start()));
        }
        return new Block("enum " + e.name().text(), members, e.name().start());
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
}
