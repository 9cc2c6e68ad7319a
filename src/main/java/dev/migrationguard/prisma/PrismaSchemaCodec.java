package dev.migrationguard.prisma;

import dev.migrationguard.workspace.ParseCache;
import dev.migrationguard.workspace.EntryReader;
import dev.migrationguard.workspace.EntryWriter;
import dev.migrationguard.workspace.SourceFile;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One file's parsed Prisma schema as bytes and back, for {@link ParseCache}: every block, field, attribute and
 * expression with its offsets, written field by field (a tag before each kind of expression, -1 for a null string, a
 * flag before a nullable record). Decoding gives a schema equal to the one encoded, its file the one given. Bump
 * {@link #FORMAT} with any change to these records or to this layout.
 */
public final class PrismaSchemaCodec {
    /** The layout's version: part of every cache key, so that entries of another layout are never read. */
    public static final int FORMAT = 1;

    private static final int MAGIC = 0x4d475053; // "MGPS"

    private PrismaSchemaCodec() {
    }

    /** The bytes of {@code schema}, the parse of one file; throws IllegalArgumentException for any other schema. */
    public static byte[] encode(PrismaSchema schema) {
        if (schema.files().size() != 1) {
            throw new IllegalArgumentException("not the parse of one file");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            new Writer(out, schema.files().get(0)).schema(schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The schema {@code bytes} encode, as {@code file}'s; an IOException for bytes that are not such an entry. */
    public static PrismaSchema decode(byte[] bytes, SourceFile file) throws IOException {
        try {
            EntryReader.Input in = new EntryReader.Input(bytes);
            PrismaSchema schema = new Reader(in, file).schema();
            if (in.read() != -1) {
                throw new IOException("bytes after the end of the schema");
            }
            return schema;
        } catch (RuntimeException e) {
            throw new IOException("not a parsed schema: " + e.getMessage(), e);
        }
    }

    private static final class Writer extends EntryWriter {
        private final SourceFile file;

        Writer(DataOutputStream out, SourceFile file) {
            super(out);
            this.file = file;
        }

        void schema(PrismaSchema s) throws IOException {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.writeInt(file.text().length());
            blocks(s.datasources());
            blocks(s.generators());
            models(s.models());
            out.writeInt(s.enums().size());
            for (PrismaEnum e : s.enums()) {
                same(e.file());
                name(e.name());
                out.writeInt(e.values().size());
                for (PrismaEnum.Value v : e.values()) {
                    name(v.name());
                    attributes(v.attributes());
                    strings(v.documentation());
                }
                attributes(e.blockAttributes());
                strings(e.documentation());
                out.writeInt(e.start());
                out.writeInt(e.end());
            }
            models(s.views());
            models(s.compositeTypes());
            out.writeInt(s.problems().size());
            for (PrismaProblem p : s.problems()) {
                same(p.file());
                out.writeInt(p.start());
                out.writeInt(p.end());
                string(p.message());
            }
        }

        private void same(SourceFile of) {
            if (of != file) {
                throw new IllegalArgumentException("a part of another file");
            }
        }

        private void blocks(List<PrismaConfigBlock> blocks) throws IOException {
            out.writeInt(blocks.size());
            for (PrismaConfigBlock b : blocks) {
                same(b.file());
                out.writeByte(b.kind().ordinal());
                name(b.name());
                out.writeInt(b.properties().size());
                for (PrismaConfigBlock.Property p : b.properties()) {
                    name(p.name());
                    expression(p.value());
                }
                out.writeInt(b.start());
                out.writeInt(b.end());
            }
        }

        private void models(List<PrismaModel> models) throws IOException {
            out.writeInt(models.size());
            for (PrismaModel m : models) {
                same(m.file());
                out.writeByte(m.kind().ordinal());
                name(m.name());
                out.writeInt(m.fields().size());
                for (PrismaField f : m.fields()) {
                    same(f.file());
                    name(f.name());
                    PrismaFieldType t = f.type();
                    out.writeBoolean(t != null);
                    if (t != null) {
                        string(t.name());
                        string(t.unsupported());
                        out.writeBoolean(t.optional());
                        out.writeBoolean(t.list());
                        out.writeInt(t.start());
                        out.writeInt(t.end());
                    }
                    attributes(f.attributes());
                    strings(f.documentation());
                    out.writeInt(f.start());
                    out.writeInt(f.end());
                }
                attributes(m.blockAttributes());
                strings(m.documentation());
                out.writeInt(m.start());
                out.writeInt(m.end());
            }
        }

        private void attributes(List<PrismaAttribute> attributes) throws IOException {
            out.writeInt(attributes.size());
            for (PrismaAttribute a : attributes) {
                string(a.name());
                arguments(a.arguments());
                out.writeInt(a.start());
                out.writeInt(a.end());
                out.writeInt(a.nameStart());
            }
        }

        private void arguments(List<PrismaArgument> arguments) throws IOException {
            out.writeInt(arguments.size());
            for (PrismaArgument a : arguments) {
                string(a.name());
                expression(a.value());
                out.writeInt(a.start());
                out.writeInt(a.end());
            }
        }

        private void expression(PrismaExpression e) throws IOException {
            if (e == null) {
                out.writeByte(0);
            } else if (e instanceof PrismaExpression.StringValue s) {
                out.writeByte(1);
                string(s.value());
                out.writeInt(s.start());
                out.writeInt(s.end());
            } else if (e instanceof PrismaExpression.NumberValue n) {
                out.writeByte(2);
                string(n.text());
                out.writeInt(n.start());
                out.writeInt(n.end());
            } else if (e instanceof PrismaExpression.Reference r) {
                out.writeByte(3);
                string(r.name());
                out.writeInt(r.start());
                out.writeInt(r.end());
            } else if (e instanceof PrismaExpression.Call c) {
                out.writeByte(4);
                string(c.name());
                arguments(c.arguments());
                out.writeInt(c.start());
                out.writeInt(c.end());
            } else if (e instanceof PrismaExpression.ArrayValue a) {
                out.writeByte(5);
                out.writeInt(a.elements().size());
                for (PrismaExpression element : a.elements()) {
                    expression(element);
                }
                out.writeInt(a.start());
                out.writeInt(a.end());
            } else {
                throw new IllegalArgumentException("no encoding for " + e.getClass().getName());
            }
        }

        private void name(PrismaName n) throws IOException {
            out.writeBoolean(n != null);
            if (n != null) {
                string(n.text());
                out.writeInt(n.start());
                out.writeInt(n.end());
            }
        }
    }

    private static final class Reader extends EntryReader {
        private static final PrismaModel.Kind[] MODEL_KINDS = PrismaModel.Kind.values();
        private static final PrismaConfigBlock.Kind[] BLOCK_KINDS = PrismaConfigBlock.Kind.values();
        private final SourceFile file;

        Reader(EntryReader.Input in, SourceFile file) {
            super(in);
            this.file = file;
        }

        PrismaSchema schema() throws IOException {
            if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
                throw new IOException("not a parsed schema of this version");
            }
            if (in.readInt() != file.text().length()) {
                throw new IOException("a parsed schema of another file");
            }
            List<PrismaConfigBlock> datasources = blocks();
            List<PrismaConfigBlock> generators = blocks();
            List<PrismaModel> models = models();
            int enumCount = count();
            List<PrismaEnum> enums = new ArrayList<>(enumCount);
            for (int i = 0; i < enumCount; i++) {
                PrismaName name = name();
                int valueCount = count();
                List<PrismaEnum.Value> values = new ArrayList<>(valueCount);
                for (int k = 0; k < valueCount; k++) {
                    values.add(new PrismaEnum.Value(name(), attributes(), strings()));
                }
                enums.add(new PrismaEnum(file, name, values, attributes(), strings(), in.readInt(), in.readInt()));
            }
            List<PrismaModel> views = models();
            List<PrismaModel> compositeTypes = models();
            int problemCount = count();
            List<PrismaProblem> problems = new ArrayList<>(problemCount);
            for (int i = 0; i < problemCount; i++) {
                problems.add(new PrismaProblem(file, in.readInt(), in.readInt(), string()));
            }
            return new PrismaSchema(List.of(file), datasources, generators, models, enums, views, compositeTypes,
                    problems);
        }

        private List<PrismaConfigBlock> blocks() throws IOException {
            int n = count();
            List<PrismaConfigBlock> blocks = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                PrismaConfigBlock.Kind kind = BLOCK_KINDS[in.readByte()];
                PrismaName name = name();
                int propertyCount = count();
                List<PrismaConfigBlock.Property> properties = new ArrayList<>(propertyCount);
                for (int k = 0; k < propertyCount; k++) {
                    properties.add(new PrismaConfigBlock.Property(name(), expression()));
                }
                blocks.add(new PrismaConfigBlock(file, kind, name, properties, in.readInt(), in.readInt()));
            }
            return blocks;
        }

        private List<PrismaModel> models() throws IOException {
            int n = count();
            List<PrismaModel> models = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                PrismaModel.Kind kind = MODEL_KINDS[in.readByte()];
                PrismaName name = name();
                int fieldCount = count();
                List<PrismaField> fields = new ArrayList<>(fieldCount);
                for (int k = 0; k < fieldCount; k++) {
                    PrismaName fieldName = name();
                    PrismaFieldType type = in.readBoolean() ? new PrismaFieldType(string(), string(), in.readBoolean(),
                            in.readBoolean(), in.readInt(), in.readInt()) : null;
                    fields.add(new PrismaField(file, fieldName, type, attributes(), strings(), in.readInt(),
                            in.readInt()));
                }
                models.add(new PrismaModel(file, kind, name, fields, attributes(), strings(), in.readInt(),
                        in.readInt()));
            }
            return models;
        }

        private List<PrismaAttribute> attributes() throws IOException {
            int n = count();
            List<PrismaAttribute> attributes = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                attributes.add(new PrismaAttribute(string(), arguments(), in.readInt(), in.readInt(), in.readInt()));
            }
            return attributes;
        }

        private List<PrismaArgument> arguments() throws IOException {
            int n = count();
            List<PrismaArgument> arguments = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                arguments.add(new PrismaArgument(string(), expression(), in.readInt(), in.readInt()));
            }
            return arguments;
        }

        private PrismaExpression expression() throws IOException {
            int tag = in.readByte();
            switch (tag) {
                case 0:
                    return null;
                case 1:
                    return new PrismaExpression.StringValue(string(), in.readInt(), in.readInt());
                case 2:
                    return new PrismaExpression.NumberValue(string(), in.readInt(), in.readInt());
                case 3:
                    return new PrismaExpression.Reference(string(), in.readInt(), in.readInt());
                case 4:
                    return new PrismaExpression.Call(string(), arguments(), in.readInt(), in.readInt());
                case 5: {
                    int n = count();
                    List<PrismaExpression> elements = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        PrismaExpression element = expression();
                        if (element == null) {
                            throw new IOException("a null in an array");
                        }
                        elements.add(element);
                    }
                    return new PrismaExpression.ArrayValue(elements, in.readInt(), in.readInt());
                }
                default:
                    throw new IOException("no expression has tag " + tag);
            }
        }

        private PrismaName name() throws IOException {
            return in.readBoolean() ? new PrismaName(string(), in.readInt(), in.readInt()) : null;
        }
    }
}
