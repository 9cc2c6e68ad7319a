package dev.migrationguard.sql;

import dev.migrationguard.sql.SqlStatement.AlterSequence;
import dev.migrationguard.sql.SqlStatement.AlterTable;
import dev.migrationguard.sql.SqlStatement.AlterType;
import dev.migrationguard.sql.SqlStatement.CommentOn;
import dev.migrationguard.sql.SqlStatement.CreateEnum;
import dev.migrationguard.sql.SqlStatement.CreateExtension;
import dev.migrationguard.sql.SqlStatement.CreateIndex;
import dev.migrationguard.sql.SqlStatement.CreateSchema;
import dev.migrationguard.sql.SqlStatement.CreateSequence;
import dev.migrationguard.sql.SqlStatement.CreateTable;
import dev.migrationguard.sql.SqlStatement.CreateType;
import dev.migrationguard.sql.SqlStatement.CreateView;
import dev.migrationguard.sql.SqlStatement.DoBlock;
import dev.migrationguard.sql.SqlStatement.DropExtension;
import dev.migrationguard.sql.SqlStatement.DropIndex;
import dev.migrationguard.sql.SqlStatement.DropSchema;
import dev.migrationguard.sql.SqlStatement.DropSequence;
import dev.migrationguard.sql.SqlStatement.DropTable;
import dev.migrationguard.sql.SqlStatement.DropType;
import dev.migrationguard.sql.SqlStatement.DropView;
import dev.migrationguard.sql.SqlStatement.IndexElement;
import dev.migrationguard.sql.SqlStatement.RenameTable;
import dev.migrationguard.sql.SqlStatement.Truncate;
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
 * A parsed SQL file as bytes and back, for {@link dev.migrationguard.workspace.ParseCache}: every statement, action and part of a
 * {@link SqlScript} with its spans, written field by field (a record's fields in declaration order; a tag before each
 * member of a sealed type; -1 for a null string, a flag before a nullable record). Decoding gives a script equal to the
 * one encoded, the statements of a DO block the same objects in the block as in the script. Bump {@link #FORMAT} with
 * any change to these records or to this layout.
 */
public final class SqlScriptCodec {
    /** The layout's version: part of every cache key, so that entries of another layout are never read. */
    public static final int FORMAT = 1;

    private static final int MAGIC = 0x4d475351; // "MGSQ"

    private SqlScriptCodec() {
    }

    /** The bytes of {@code script} (they record its file's length and its dialect, which decoding checks). */
    public static byte[] encode(SqlScript script) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            new Writer(out).script(script);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * The script {@code bytes} encode, read as {@code file}'s in {@code dialect}. Throws an {@link IOException} for
     * bytes that are not such an entry, or one of another file length or dialect (the caller then parses the file).
     */
    public static SqlScript decode(byte[] bytes, SourceFile file, SqlDialect dialect) throws IOException {
        try {
            EntryReader.Input in = new EntryReader.Input(bytes);
            SqlScript script = new Reader(in).script(file, dialect);
            if (in.read() != -1) {
                throw new IOException("bytes after the end of the script");
            }
            return script;
        } catch (RuntimeException e) {
            // A record's constructor refusing what was read (a negative span): not an entry this code wrote.
            throw new IOException("not a parsed script: " + e.getMessage(), e);
        }
    }

    private static final class Writer extends EntryWriter {

        Writer(DataOutputStream out) {
            super(out);
        }

        void script(SqlScript script) throws IOException {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.writeInt(script.dialect().ordinal());
            out.writeInt(script.file().text().length());
            List<SqlStatement> statements = script.statements();
            out.writeInt(statements.size());
            for (int i = 0; i < statements.size(); i++) {
                SqlStatement s = statements.get(i);
                statement(s);
                if (s instanceof DoBlock block) {
                    // The block's statements follow it in the script, the same objects: written there, once.
                    List<SqlStatement> inner = block.statements();
                    if (i + inner.size() >= statements.size()) {
                        throw new IllegalArgumentException("a DO block's statements do not follow it");
                    }
                    for (int k = 0; k < inner.size(); k++) {
                        if (statements.get(i + 1 + k) != inner.get(k) || inner.get(k) instanceof DoBlock) {
                            throw new IllegalArgumentException("a DO block's statements do not follow it");
                        }
                    }
                }
            }
            out.writeInt(script.problems().size());
            for (SqlProblem p : script.problems()) {
                span(p.span());
                string(p.message());
            }
        }

        private void statement(SqlStatement s) throws IOException {
            if (s instanceof CreateTable t) {
                out.writeByte(1);
                span(t.span());
                name(t.table());
                out.writeBoolean(t.ifNotExists());
                out.writeBoolean(t.temporary());
                out.writeInt(t.columns().size());
                for (ColumnDefinition c : t.columns()) {
                    column(c);
                }
                out.writeInt(t.constraints().size());
                for (TableConstraint c : t.constraints()) {
                    constraint(c);
                }
                string(t.options());
            } else if (s instanceof AlterTable t) {
                out.writeByte(2);
                span(t.span());
                name(t.table());
                out.writeBoolean(t.ifExists());
                out.writeInt(t.actions().size());
                for (AlterTableAction a : t.actions()) {
                    action(a);
                }
            } else if (s instanceof DropTable t) {
                out.writeByte(3);
                span(t.span());
                names(t.tables());
                out.writeBoolean(t.ifExists());
                out.writeBoolean(t.cascade());
            } else if (s instanceof CreateIndex i) {
                out.writeByte(4);
                span(i.span());
                out.writeBoolean(i.unique());
                out.writeBoolean(i.concurrently());
                out.writeBoolean(i.ifNotExists());
                nullableName(i.name());
                name(i.table());
                out.writeInt(i.elements().size());
                for (IndexElement e : i.elements()) {
                    nullableIdentifier(e.column());
                    string(e.text());
                    span(e.span());
                }
                string(i.method());
                nullableText(i.where());
                identifiers(i.include());
            } else if (s instanceof DropIndex d) {
                out.writeByte(5);
                span(d.span());
                names(d.names());
                out.writeBoolean(d.concurrently());
                out.writeBoolean(d.ifExists());
                nullableName(d.table());
            } else if (s instanceof CreateEnum e) {
                out.writeByte(6);
                span(e.span());
                name(e.name());
                strings(e.values());
                spans(e.valueSpans());
            } else if (s instanceof CreateType t) {
                out.writeByte(7);
                span(t.span());
                name(t.name());
            } else if (s instanceof AlterType t) {
                out.writeByte(8);
                span(t.span());
                name(t.name());
                typeAction(t.action());
            } else if (s instanceof DropType d) {
                out.writeByte(9);
                span(d.span());
                names(d.names());
                out.writeBoolean(d.ifExists());
                out.writeBoolean(d.cascade());
            } else if (s instanceof CreateSchema c) {
                out.writeByte(10);
                span(c.span());
                nullableIdentifier(c.name());
                out.writeBoolean(c.ifNotExists());
            } else if (s instanceof DropSchema d) {
                out.writeByte(11);
                span(d.span());
                names(d.names());
                out.writeBoolean(d.ifExists());
                out.writeBoolean(d.cascade());
            } else if (s instanceof CreateExtension c) {
                out.writeByte(12);
                span(c.span());
                identifier(c.name());
                out.writeBoolean(c.ifNotExists());
            } else if (s instanceof DropExtension d) {
                out.writeByte(13);
                span(d.span());
                names(d.names());
                out.writeBoolean(d.ifExists());
            } else if (s instanceof CreateSequence c) {
                out.writeByte(14);
                span(c.span());
                name(c.name());
                out.writeBoolean(c.ifNotExists());
            } else if (s instanceof AlterSequence a) {
                out.writeByte(15);
                span(a.span());
                name(a.name());
            } else if (s instanceof DropSequence d) {
                out.writeByte(16);
                span(d.span());
                names(d.names());
                out.writeBoolean(d.ifExists());
            } else if (s instanceof CreateView v) {
                out.writeByte(17);
                span(v.span());
                name(v.name());
                out.writeBoolean(v.orReplace());
                out.writeBoolean(v.materialized());
                nullableText(v.query());
            } else if (s instanceof DropView d) {
                out.writeByte(18);
                span(d.span());
                names(d.names());
                out.writeBoolean(d.materialized());
                out.writeBoolean(d.ifExists());
            } else if (s instanceof Truncate t) {
                out.writeByte(19);
                span(t.span());
                names(t.tables());
                out.writeBoolean(t.cascade());
            } else if (s instanceof CommentOn c) {
                out.writeByte(20);
                span(c.span());
                string(c.objectKind());
                strings(c.target());
                string(c.comment());
            } else if (s instanceof RenameTable r) {
                out.writeByte(21);
                span(r.span());
                name(r.from());
                name(r.to());
            } else if (s instanceof DoBlock b) {
                out.writeByte(22);
                span(b.span());
                out.writeInt(b.statements().size());
                spans(b.conditional());
            } else if (s instanceof SqlStatement.Other o) {
                out.writeByte(23);
                span(o.span());
                string(o.keyword());
            } else {
                throw new IllegalArgumentException("no encoding for " + s.getClass().getName());
            }
        }

        private void action(AlterTableAction a) throws IOException {
            if (a instanceof AlterTableAction.AddColumn add) {
                out.writeByte(1);
                span(add.span());
                column(add.column());
                out.writeBoolean(add.ifNotExists());
            } else if (a instanceof AlterTableAction.DropColumn drop) {
                out.writeByte(2);
                span(drop.span());
                identifier(drop.column());
                out.writeBoolean(drop.ifExists());
                out.writeBoolean(drop.cascade());
            } else if (a instanceof AlterTableAction.RenameColumn r) {
                out.writeByte(3);
                span(r.span());
                identifier(r.from());
                identifier(r.to());
            } else if (a instanceof AlterTableAction.AlterColumnType t) {
                out.writeByte(4);
                span(t.span());
                identifier(t.column());
                type(t.type());
                out.writeBoolean(t.definition() != null);
                if (t.definition() != null) {
                    column(t.definition());
                }
                nullableText(t.using());
            } else if (a instanceof AlterTableAction.SetNotNull n) {
                out.writeByte(5);
                span(n.span());
                identifier(n.column());
            } else if (a instanceof AlterTableAction.DropNotNull n) {
                out.writeByte(6);
                span(n.span());
                identifier(n.column());
            } else if (a instanceof AlterTableAction.SetDefault d) {
                out.writeByte(7);
                span(d.span());
                identifier(d.column());
                nullableText(d.value());
            } else if (a instanceof AlterTableAction.DropDefault d) {
                out.writeByte(8);
                span(d.span());
                identifier(d.column());
            } else if (a instanceof AlterTableAction.AddConstraint c) {
                out.writeByte(9);
                span(c.span());
                constraint(c.constraint());
            } else if (a instanceof AlterTableAction.DropConstraint d) {
                out.writeByte(10);
                span(d.span());
                identifier(d.name());
                nullableEnum(d.kind());
                out.writeBoolean(d.ifExists());
            } else if (a instanceof AlterTableAction.ValidateConstraint v) {
                out.writeByte(11);
                span(v.span());
                identifier(v.name());
            } else if (a instanceof AlterTableAction.RenameConstraint r) {
                out.writeByte(12);
                span(r.span());
                identifier(r.from());
                identifier(r.to());
                out.writeBoolean(r.index());
            } else if (a instanceof AlterTableAction.RenameTable r) {
                out.writeByte(13);
                span(r.span());
                name(r.to());
            } else if (a instanceof AlterTableAction.Other o) {
                out.writeByte(14);
                span(o.span());
                string(o.text());
            } else {
                throw new IllegalArgumentException("no encoding for " + a.getClass().getName());
            }
        }

        private void typeAction(AlterTypeAction a) throws IOException {
            if (a instanceof AlterTypeAction.AddValue v) {
                out.writeByte(1);
                span(v.span());
                string(v.value());
                out.writeBoolean(v.ifNotExists());
                string(v.neighbour());
                out.writeBoolean(v.before());
            } else if (a instanceof AlterTypeAction.RenameValue r) {
                out.writeByte(2);
                span(r.span());
                string(r.from());
                string(r.to());
            } else if (a instanceof AlterTypeAction.Rename r) {
                out.writeByte(3);
                span(r.span());
                identifier(r.to());
            } else if (a instanceof AlterTypeAction.DropValue d) {
                out.writeByte(4);
                span(d.span());
                string(d.value());
            } else if (a instanceof AlterTypeAction.Other o) {
                out.writeByte(5);
                span(o.span());
                string(o.text());
            } else if (a == null) {
                out.writeByte(0);
            } else {
                throw new IllegalArgumentException("no encoding for " + a.getClass().getName());
            }
        }

        private void column(ColumnDefinition c) throws IOException {
            identifier(c.name());
            out.writeBoolean(c.type() != null);
            if (c.type() != null) {
                type(c.type());
            }
            nullableEnum(c.nullability());
            nullableText(c.defaultValue());
            out.writeBoolean(c.primaryKey());
            out.writeBoolean(c.unique());
            nullableReference(c.references());
            out.writeInt(c.checks().size());
            for (SqlText check : c.checks()) {
                text(check);
            }
            out.writeBoolean(c.autoIncrement());
            nullableText(c.generated());
            string(c.collation());
            span(c.span());
        }

        private void constraint(TableConstraint c) throws IOException {
            nullableIdentifier(c.name());
            nullableEnum(c.kind());
            identifiers(c.columns());
            strings(c.elements());
            nullableReference(c.references());
            nullableText(c.expression());
            nullableIdentifier(c.usingIndex());
            out.writeBoolean(c.notValid());
            span(c.span());
        }

        private void nullableReference(ForeignKeyReference r) throws IOException {
            out.writeBoolean(r != null);
            if (r != null) {
                name(r.table());
                identifiers(r.columns());
                string(r.onDelete());
                string(r.onUpdate());
                span(r.span());
            }
        }

        private void type(SqlType t) throws IOException {
            string(t.schema());
            string(t.name());
            strings(t.arguments());
            strings(t.modifiers());
            out.writeInt(t.arrayDimensions());
            string(t.text());
            span(t.span());
        }

        private void names(List<QualifiedName> names) throws IOException {
            out.writeInt(names.size());
            for (QualifiedName n : names) {
                name(n);
            }
        }

        private void nullableName(QualifiedName n) throws IOException {
            out.writeBoolean(n != null);
            if (n != null) {
                name(n);
            }
        }

        private void name(QualifiedName n) throws IOException {
            string(n.schema());
            string(n.name());
            nullableSpan(n.span());
        }

        private void identifiers(List<Identifier> ids) throws IOException {
            out.writeInt(ids.size());
            for (Identifier id : ids) {
                identifier(id);
            }
        }

        private void nullableIdentifier(Identifier id) throws IOException {
            out.writeBoolean(id != null);
            if (id != null) {
                identifier(id);
            }
        }

        private void identifier(Identifier id) throws IOException {
            string(id.name());
            out.writeBoolean(id.quoted());
            nullableSpan(id.span());
        }

        private void nullableText(SqlText t) throws IOException {
            out.writeBoolean(t != null);
            if (t != null) {
                text(t);
            }
        }

        private void text(SqlText t) throws IOException {
            string(t.text());
            nullableSpan(t.span());
        }

        private void nullableEnum(Enum<?> e) throws IOException {
            out.writeByte(e == null ? -1 : e.ordinal());
        }

        private void spans(List<Span> spans) throws IOException {
            out.writeInt(spans.size());
            for (Span s : spans) {
                span(s);
            }
        }

        private void nullableSpan(Span s) throws IOException {
            out.writeBoolean(s != null);
            if (s != null) {
                span(s);
            }
        }

        private void span(Span s) throws IOException {
            out.writeInt(s.start());
            out.writeInt(s.end());
        }
    }

    private static final class Reader extends EntryReader {
        private static final Nullability[] NULLABILITIES = Nullability.values();
        private static final ConstraintKind[] KINDS = ConstraintKind.values();

        Reader(EntryReader.Input in) {
            super(in);
        }

        SqlScript script(SourceFile file, SqlDialect dialect) throws IOException {
            if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
                throw new IOException("not a parsed script of this version");
            }
            if (in.readInt() != dialect.ordinal() || in.readInt() != file.text().length()) {
                throw new IOException("a parsed script of another dialect or file");
            }
            int count = count();
            List<SqlStatement> statements = new ArrayList<>(count);
            while (statements.size() < count) {
                int tag = in.readByte();
                if (tag == 22) {
                    Span span = span();
                    int inner = count();
                    List<Span> conditional = spans();
                    List<SqlStatement> body = new ArrayList<>(inner);
                    for (int k = 0; k < inner; k++) {
                        int innerTag = in.readByte();
                        if (innerTag == 22) {
                            throw new IOException("a DO block inside a DO block");
                        }
                        body.add(statement(innerTag));
                    }
                    DoBlock block = new DoBlock(span, body, conditional);
                    statements.add(block);
                    statements.addAll(block.statements());
                } else {
                    statements.add(statement(tag));
                }
            }
            if (statements.size() != count) {
                throw new IOException("a DO block runs past the end of the script");
            }
            int problemCount = count();
            List<SqlProblem> problems = new ArrayList<>(problemCount);
            for (int i = 0; i < problemCount; i++) {
                problems.add(new SqlProblem(span(), string()));
            }
            return new SqlScript(file, dialect, statements, problems);
        }

        private SqlStatement statement(int tag) throws IOException {
            switch (tag) {
                case 1: {
                    Span span = span();
                    QualifiedName table = name();
                    boolean ifNotExists = in.readBoolean();
                    boolean temporary = in.readBoolean();
                    int columnCount = count();
                    List<ColumnDefinition> columns = new ArrayList<>(columnCount);
                    for (int i = 0; i < columnCount; i++) {
                        columns.add(column());
                    }
                    int constraintCount = count();
                    List<TableConstraint> constraints = new ArrayList<>(constraintCount);
                    for (int i = 0; i < constraintCount; i++) {
                        constraints.add(constraint());
                    }
                    return new CreateTable(span, table, ifNotExists, temporary, columns, constraints, string());
                }
                case 2: {
                    Span span = span();
                    QualifiedName table = name();
                    boolean ifExists = in.readBoolean();
                    int actionCount = count();
                    List<AlterTableAction> actions = new ArrayList<>(actionCount);
                    for (int i = 0; i < actionCount; i++) {
                        actions.add(action());
                    }
                    return new AlterTable(span, table, ifExists, actions);
                }
                case 3:
                    return new DropTable(span(), names(), in.readBoolean(), in.readBoolean());
                case 4: {
                    Span span = span();
                    boolean unique = in.readBoolean();
                    boolean concurrently = in.readBoolean();
                    boolean ifNotExists = in.readBoolean();
                    QualifiedName name = nullableName();
                    QualifiedName table = name();
                    int elementCount = count();
                    List<IndexElement> elements = new ArrayList<>(elementCount);
                    for (int i = 0; i < elementCount; i++) {
                        elements.add(new IndexElement(nullableIdentifier(), string(), span()));
                    }
                    return new CreateIndex(span, unique, concurrently, ifNotExists, name, table, elements, string(),
                            nullableText(), identifiers());
                }
                case 5:
                    return new DropIndex(span(), names(), in.readBoolean(), in.readBoolean(), nullableName());
                case 6:
                    return new CreateEnum(span(), name(), strings(), spans());
                case 7:
                    return new CreateType(span(), name());
                case 8:
                    return new AlterType(span(), name(), typeAction());
                case 9:
                    return new DropType(span(), names(), in.readBoolean(), in.readBoolean());
                case 10:
                    return new CreateSchema(span(), nullableIdentifier(), in.readBoolean());
                case 11:
                    return new DropSchema(span(), names(), in.readBoolean(), in.readBoolean());
                case 12:
                    return new CreateExtension(span(), identifier(), in.readBoolean());
                case 13:
                    return new DropExtension(span(), names(), in.readBoolean());
                case 14:
                    return new CreateSequence(span(), name(), in.readBoolean());
                case 15:
                    return new AlterSequence(span(), name());
                case 16:
                    return new DropSequence(span(), names(), in.readBoolean());
                case 17:
                    return new CreateView(span(), name(), in.readBoolean(), in.readBoolean(), nullableText());
                case 18:
                    return new DropView(span(), names(), in.readBoolean(), in.readBoolean());
                case 19:
                    return new Truncate(span(), names(), in.readBoolean());
                case 20:
                    return new CommentOn(span(), string(), strings(), string());
                case 21:
                    return new RenameTable(span(), name(), name());
                case 23:
                    return new SqlStatement.Other(span(), string());
                default:
                    throw new IOException("no statement has tag " + tag);
            }
        }

        private AlterTableAction action() throws IOException {
            int tag = in.readByte();
            switch (tag) {
                case 1:
                    return new AlterTableAction.AddColumn(span(), column(), in.readBoolean());
                case 2:
                    return new AlterTableAction.DropColumn(span(), identifier(), in.readBoolean(), in.readBoolean());
                case 3:
                    return new AlterTableAction.RenameColumn(span(), identifier(), identifier());
                case 4: {
                    Span span = span();
                    Identifier column = identifier();
                    SqlType type = type();
                    ColumnDefinition definition = in.readBoolean() ? column() : null;
                    return new AlterTableAction.AlterColumnType(span, column, type, definition, nullableText());
                }
                case 5:
                    return new AlterTableAction.SetNotNull(span(), identifier());
                case 6:
                    return new AlterTableAction.DropNotNull(span(), identifier());
                case 7:
                    return new AlterTableAction.SetDefault(span(), identifier(), nullableText());
                case 8:
                    return new AlterTableAction.DropDefault(span(), identifier());
                case 9:
                    return new AlterTableAction.AddConstraint(span(), constraint());
                case 10:
                    return new AlterTableAction.DropConstraint(span(), identifier(), kind(), in.readBoolean());
                case 11:
                    return new AlterTableAction.ValidateConstraint(span(), identifier());
                case 12:
                    return new AlterTableAction.RenameConstraint(span(), identifier(), identifier(), in.readBoolean());
                case 13:
                    return new AlterTableAction.RenameTable(span(), name());
                case 14:
                    return new AlterTableAction.Other(span(), string());
                default:
                    throw new IOException("no ALTER TABLE action has tag " + tag);
            }
        }

        private AlterTypeAction typeAction() throws IOException {
            int tag = in.readByte();
            switch (tag) {
                case 0:
                    return null;
                case 1:
                    return new AlterTypeAction.AddValue(span(), string(), in.readBoolean(), string(), in.readBoolean());
                case 2:
                    return new AlterTypeAction.RenameValue(span(), string(), string());
                case 3:
                    return new AlterTypeAction.Rename(span(), identifier());
                case 4:
                    return new AlterTypeAction.DropValue(span(), string());
                case 5:
                    return new AlterTypeAction.Other(span(), string());
                default:
                    throw new IOException("no ALTER TYPE action has tag " + tag);
            }
        }

        private ColumnDefinition column() throws IOException {
            Identifier name = identifier();
            SqlType type = in.readBoolean() ? type() : null;
            int nullability = in.readByte();
            SqlText defaultValue = nullableText();
            boolean primaryKey = in.readBoolean();
            boolean unique = in.readBoolean();
            ForeignKeyReference references = nullableReference();
            int checkCount = count();
            List<SqlText> checks = new ArrayList<>(checkCount);
            for (int i = 0; i < checkCount; i++) {
                checks.add(text());
            }
            boolean autoIncrement = in.readBoolean();
            SqlText generated = nullableText();
            String collation = string();
            return new ColumnDefinition(name, type, nullability < 0 ? null : NULLABILITIES[nullability], defaultValue,
                    primaryKey, unique, references, checks, autoIncrement, generated, collation, span());
        }

        private TableConstraint constraint() throws IOException {
            return new TableConstraint(nullableIdentifier(), kind(), identifiers(), strings(), nullableReference(),
                    nullableText(), nullableIdentifier(), in.readBoolean(), span());
        }

        private ConstraintKind kind() throws IOException {
            int kind = in.readByte();
            return kind < 0 ? null : KINDS[kind];
        }

        private ForeignKeyReference nullableReference() throws IOException {
            if (!in.readBoolean()) {
                return null;
            }
            return new ForeignKeyReference(name(), identifiers(), string(), string(), span());
        }

        private SqlType type() throws IOException {
            return new SqlType(string(), string(), strings(), strings(), in.readInt(), string(), span());
        }

        private List<QualifiedName> names() throws IOException {
            int n = count();
            List<QualifiedName> names = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                names.add(name());
            }
            return names;
        }

        private QualifiedName nullableName() throws IOException {
            return in.readBoolean() ? name() : null;
        }

        private QualifiedName name() throws IOException {
            return new QualifiedName(string(), string(), nullableSpan());
        }

        private List<Identifier> identifiers() throws IOException {
            int n = count();
            List<Identifier> ids = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                ids.add(identifier());
            }
            return ids;
        }

        private Identifier nullableIdentifier() throws IOException {
            return in.readBoolean() ? identifier() : null;
        }

        private Identifier identifier() throws IOException {
            return new Identifier(string(), in.readBoolean(), nullableSpan());
        }

        private SqlText nullableText() throws IOException {
            return in.readBoolean() ? text() : null;
        }

        private SqlText text() throws IOException {
            return new SqlText(string(), nullableSpan());
        }

        private List<Span> spans() throws IOException {
            int n = count();
            List<Span> spans = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                spans.add(span());
            }
            return spans;
        }

        private Span nullableSpan() throws IOException {
            return in.readBoolean() ? span() : null;
        }

        private Span span() throws IOException {
            return new Span(in.readInt(), in.readInt());
        }
    }
}
