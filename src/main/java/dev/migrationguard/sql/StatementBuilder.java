package dev.migrationguard.sql;

import dev.migrationguard.sql.grammar.MigrationSqlParser.*;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/** Turns the parse tree of one DDL statement into the statement model. */
final class StatementBuilder {
    private final String source;
    private final SqlDialect dialect;

    StatementBuilder(String source, SqlDialect dialect) {
        this.source = source;
        this.dialect = dialect;
    }

    /** Adds the statement(s) of a tree to {@code out} (MySQL's RENAME TABLE a TO b, c TO d gives several). */
    void build(DdlStatementContext tree, Span span, List<SqlStatement> out) {
        ParseTree child = tree.getChild(0);
        if (child instanceof CreateTableContext c) {
            out.add(createTable(c, span));
        } else if (child instanceof CreateIndexContext c) {
            out.add(createIndex(c, span));
        } else if (child instanceof CreateEnumTypeContext c) {
            List<String> values = new ArrayList<>();
            List<Span> spans = new ArrayList<>();
            for (StringLiteralContext s : c.stringLiteral()) {
                values.add(string(s));
                spans.add(span(s));
            }
            out.add(new SqlStatement.CreateEnum(span, name(c.qualifiedName()), values, spans));
        } else if (child instanceof CreateOtherTypeContext c) {
            out.add(new SqlStatement.CreateType(span, name(c.qualifiedName())));
        } else if (child instanceof CreateSchemaContext c) {
            out.add(new SqlStatement.CreateSchema(span, c.identifier().isEmpty() || c.AUTHORIZATION() != null
                    && c.identifier().size() == 1 ? null : identifier(c.identifier(0)), c.ifNotExists() != null));
        } else if (child instanceof CreateExtensionContext c) {
            out.add(new SqlStatement.CreateExtension(span, identifier(c.identifier()), c.ifNotExists() != null));
        } else if (child instanceof CreateSequenceContext c) {
            out.add(new SqlStatement.CreateSequence(span, name(c.qualifiedName()), c.ifNotExists() != null));
        } else if (child instanceof CreateViewContext c) {
            List<AnyTokenContext> query = c.anyToken();
            Span querySpan = span(query.get(0)).union(span(query.get(query.size() - 1)));
            out.add(new SqlStatement.CreateView(span, name(c.qualifiedName()), c.REPLACE() != null,
                    c.MATERIALIZED() != null, new SqlText(text(querySpan), querySpan)));
        } else if (child instanceof AlterTableContext c) {
            out.add(alterTable(c, span));
        } else if (child instanceof AlterTypeContext c) {
            out.add(new SqlStatement.AlterType(span, name(c.qualifiedName()), alterTypeAction(c.alterTypeAction())));
        } else if (child instanceof AlterSequenceContext c) {
            out.add(new SqlStatement.AlterSequence(span, name(c.qualifiedName())));
        } else if (child instanceof DropStatementContext c) {
            out.add(drop(c, span));
        } else if (child instanceof TruncateContext c) {
            boolean cascade = false;
            for (TruncateOptionContext option : c.truncateOption()) {
                cascade |= option.CASCADE() != null;
            }
            out.add(new SqlStatement.Truncate(span, names(c.qualifiedNameList()), cascade));
        } else if (child instanceof CommentOnContext c) {
            out.add(commentOn(c, span));
        } else if (child instanceof RenameTablesContext c) {
            for (RenamePairContext pair : c.renamePair()) {
                Span pairSpan = c.renamePair().size() == 1 ? span : span(pair);
                out.add(new SqlStatement.RenameTable(pairSpan, name(pair.qualifiedName(0)), name(pair.qualifiedName(1))));
            }
        } else if (child instanceof ExecProcedureContext c) {
            out.add(spRename(c, span));
        } else {
            out.add(new SqlStatement.Other(span, "UNKNOWN"));
        }
    }

    // ---- CREATE TABLE -----------------------------------------------------------------------------------------

    private SqlStatement createTable(CreateTableContext c, Span span) {
        List<ColumnDefinition> columns = new ArrayList<>();
        List<TableConstraint> constraints = new ArrayList<>();
        for (TableElementContext element : c.tableElement()) {
            if (element.columnDefinition() != null) {
                columns.add(column(element.columnDefinition()));
            } else {
                constraints.add(tableConstraint(element.tableConstraint(), List.of()));
            }
        }
        boolean temporary = c.TEMP() != null || c.TEMPORARY() != null;
        return new SqlStatement.CreateTable(span, name(c.qualifiedName()), c.ifNotExists() != null, temporary,
                columns, constraints, c.tableOptions == null ? "" : text(c.tableOptions).strip());
    }

    private ColumnDefinition column(ColumnDefinitionContext c) {
        return column(identifier(c.identifier()), c.dataType(), c.columnOption(), span(c));
    }

    private ColumnDefinition column(Identifier name, DataTypeContext typeContext, List<ColumnOptionContext> options,
                                    Span span) {
        SqlType type = typeContext == null ? null : type(typeContext);
        Nullability nullability = Nullability.UNSPECIFIED;
        SqlText defaultValue = null;
        boolean primaryKey = false;
        boolean unique = false;
        ForeignKeyReference references = null;
        List<SqlText> checks = new ArrayList<>();
        boolean autoIncrement = false;
        SqlText generated = null;
        String collation = null;
        for (ColumnOptionContext option : options) {
            ColumnConstraintContext constraint = option.columnConstraint();
            if (constraint != null) {
                if (constraint.NOT() != null) {
                    nullability = Nullability.NOT_NULL;
                } else if (constraint.NULL() != null) {
                    nullability = Nullability.NULL;
                } else if (constraint.DEFAULT() != null) {
                    defaultValue = sqlText(constraint.defaultExpression());
                } else if (constraint.PRIMARY() != null) {
                    primaryKey = true;
                } else if (constraint.UNIQUE() != null) {
                    unique = true;
                } else if (constraint.CHECK() != null) {
                    checks.add(inner(constraint.LPAREN(), constraint.RPAREN()));
                } else if (constraint.referencesClause() != null) {
                    references = references(constraint.referencesClause());
                }
            } else if (option.COLLATE() != null) {
                collation = name(option.qualifiedName()).name();
            } else if (option.AUTO_INCREMENT() != null || option.AUTOINCREMENT() != null || option.IDENTITY() != null) {
                autoIncrement = true;
            } else if (option.LPAREN() != null && option.AS() != null) {
                generated = inner(option.LPAREN(), option.RPAREN());
            }
        }
        return new ColumnDefinition(name, type, nullability, defaultValue, primaryKey, unique, references, checks,
                autoIncrement, generated, collation, span);
    }

    private SqlType type(DataTypeContext c) {
        TypeNameContext typeName = c.typeName();
        String schema = null;
        String name;
        if (typeName.qualifiedName() != null) {
            QualifiedName q = name(typeName.qualifiedName());
            schema = q.schema();
            name = q.name();
        } else {
            name = singleSpaced(text(span(typeName))).toLowerCase(Locale.ROOT);
        }
        List<String> arguments = new ArrayList<>();
        if (c.typeArguments() != null) {
            for (TypeArgumentContext argument : c.typeArguments().typeArgument()) {
                arguments.add(text(span(argument)).strip());
            }
        }
        List<String> modifiers = new ArrayList<>();
        for (TypeModifierContext modifier : c.typeModifier()) {
            modifiers.add(singleSpaced(text(span(modifier))).toLowerCase(Locale.ROOT));
        }
        Span span = span(c);
        return new SqlType(schema, name, arguments, modifiers, c.arraySuffix().size(), text(span), span);
    }

    private TableConstraint tableConstraint(TableConstraintContext c, List<ConstraintOptionContext> trailing) {
        Identifier name = c.identifier() == null ? null : identifier(c.identifier());
        boolean notValid = hasNotValid(trailing);
        Span span = span(c);
        if (c.constraintBody() == null) {
            return indexConstraint(name, ConstraintKind.INDEX, c.indexColumns(), notValid, span);
        }
        ConstraintBodyContext body = c.constraintBody();
        if (body instanceof PrimaryKeyConstraintContext pk) {
            Identifier indexName = pk.identifier() == null ? name : identifier(pk.identifier());
            return indexConstraint(indexName, ConstraintKind.PRIMARY_KEY, pk.indexColumns(),
                    notValid || hasNotValid(pk.constraintOption()), span);
        }
        if (body instanceof UniqueConstraintContext u) {
            Identifier indexName = u.identifier() == null ? name : identifier(u.identifier());
            return indexConstraint(indexName, ConstraintKind.UNIQUE, u.indexColumns(),
                    notValid || hasNotValid(u.constraintOption()), span);
        }
        if (body instanceof ConstraintUsingIndexContext u) {
            ConstraintKind kind = u.PRIMARY() != null ? ConstraintKind.PRIMARY_KEY : ConstraintKind.UNIQUE;
            return new TableConstraint(name, kind, List.of(), List.of(), null, null, identifier(u.identifier()),
                    notValid, span);
        }
        if (body instanceof ForeignKeyConstraintContext fk) {
            List<Identifier> columns = identifiers(fk.columnList());
            return new TableConstraint(name, ConstraintKind.FOREIGN_KEY, columns,
                    columnNames(columns), references(fk.referencesClause()), null, null,
                    notValid || hasNotValid(fk.constraintOption()), span);
        }
        if (body instanceof CheckConstraintContext check) {
            return new TableConstraint(name, ConstraintKind.CHECK, List.of(), List.of(), null,
                    inner(check.LPAREN(), check.RPAREN()), null, notValid || hasNotValid(check.constraintOption()),
                    span);
        }
        if (body instanceof DefaultConstraintContext d) {
            Identifier column = identifier(d.identifier());
            return new TableConstraint(name, ConstraintKind.DEFAULT, List.of(column), List.of(column.name()), null,
                    sqlText(d.defaultExpression()), null, false, span);
        }
        return new TableConstraint(name, ConstraintKind.EXCLUDE, List.of(), List.of(), null,
                sqlText(((ExcludeConstraintContext) body).anyTokens()), null, notValid, span);
    }

    private static boolean hasNotValid(List<ConstraintOptionContext> options) {
        for (ConstraintOptionContext option : options) {
            if (option.VALID() != null) {
                return true;
            }
        }
        return false;
    }

    private static List<String> columnNames(List<Identifier> columns) {
        String[] names = new String[columns.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = columns.get(i).name();
        }
        return List.of(names);
    }

    /** {@code text.replaceAll("\\s+", " ")} without a regex: each run of whitespace becomes one space. */
    static String singleSpaced(String text) {
        StringBuilder out = null;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (isRegexSpace(c)) {
                int end = i + 1;
                while (end < n && isRegexSpace(text.charAt(end))) {
                    end++;
                }
                if (out == null && (c != ' ' || end > i + 1)) {
                    out = new StringBuilder(n).append(text, 0, i);
                }
                if (out != null) {
                    out.append(' ');
                }
                i = end - 1;
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    /** The characters of the regex class {@code \\s}. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private TableConstraint indexConstraint(Identifier name, ConstraintKind kind, IndexColumnsContext columns,
                                            boolean notValid, Span span) {
        List<Identifier> plain = new ArrayList<>();
        List<String> elements = new ArrayList<>();
        for (SqlStatement.IndexElement element : indexElements(columns)) {
            if (element.column() != null) {
                plain.add(element.column());
            }
            elements.add(element.text());
        }
        return new TableConstraint(name, kind, plain, elements, null, null, null, notValid, span);
    }

    private List<SqlStatement.IndexElement> indexElements(IndexColumnsContext c) {
        List<SqlStatement.IndexElement> out = new ArrayList<>();
        for (IndexElementContext element : c.indexElement()) {
            Span span = span(element);
            Identifier column = element instanceof ColumnIndexElementContext col ? identifier(col.identifier()) : null;
            out.add(new SqlStatement.IndexElement(column, text(span), span));
        }
        return out;
    }

    private ForeignKeyReference references(ReferencesClauseContext c) {
        String onDelete = null;
        String onUpdate = null;
        for (ReferenceOptionContext option : c.referenceOption()) {
            if (option.referentialAction() != null) {
                String action = singleSpaced(text(span(option.referentialAction()))).toUpperCase(Locale.ROOT);
                if (option.DELETE() != null) {
                    onDelete = action;
                } else {
                    onUpdate = action;
                }
            }
        }
        List<Identifier> columns = c.columnList() == null ? List.of() : identifiers(c.columnList());
        return new ForeignKeyReference(name(c.qualifiedName()), columns, onDelete, onUpdate, span(c));
    }

    // ---- CREATE INDEX -----------------------------------------------------------------------------------------

    private SqlStatement createIndex(CreateIndexContext c, Span span) {
        SqlText where = c.where == null ? null : sqlText(c.where);
        List<Identifier> include = c.include == null ? List.of() : identifiers(c.include);
        String method = c.method == null ? null : identifier(c.method).name();
        return new SqlStatement.CreateIndex(span, c.UNIQUE() != null, c.CONCURRENTLY() != null,
                c.ifNotExists() != null, c.indexName == null ? null : name(c.indexName), name(c.table),
                indexElements(c.indexColumns()), method, where, include);
    }

    // ---- ALTER TYPE -------------------------------------------------------------------------------------------

    private AlterTypeAction alterTypeAction(AlterTypeActionContext c) {
        Span span = span(c);
        if (c instanceof AddEnumValueContext a) {
            return new AlterTypeAction.AddValue(span, string(a.value), a.ifNotExists() != null,
                    a.neighbour == null ? null : string(a.neighbour), a.BEFORE() != null);
        }
        if (c instanceof RenameEnumValueContext r) {
            return new AlterTypeAction.RenameValue(span, string(r.from), string(r.to));
        }
        if (c instanceof RenameTypeContext r) {
            return new AlterTypeAction.Rename(span, identifier(r.identifier()));
        }
        if (c instanceof DropEnumValueContext d) {
            return new AlterTypeAction.DropValue(span, string(d.stringLiteral()));
        }
        return new AlterTypeAction.Other(span, text(span));
    }

    // ---- ALTER TABLE ------------------------------------------------------------------------------------------

    private SqlStatement alterTable(AlterTableContext c, Span span) {
        List<AlterTableAction> actions = new ArrayList<>();
        for (AlterTableActionContext action : c.alterTableAction()) {
            alterTableAction(action, actions);
        }
        return new SqlStatement.AlterTable(span, name(c.qualifiedName()), c.ifExists() != null, actions);
    }

    private void alterTableAction(AlterTableActionContext c, List<AlterTableAction> out) {
        Span span = span(c);
        if (c instanceof AddConstraintContext a) {
            TableConstraint constraint = tableConstraint(a.tableConstraint(), a.constraintOption());
            out.add(new AlterTableAction.AddConstraint(span, constraint));
        } else if (c instanceof AddColumnContext a) {
            List<ColumnDefinitionContext> columns = a.columnDefinition();
            for (int i = 0; i < columns.size(); i++) {
                // SQL Server's ADD a INT, b INT: the first column's action starts at ADD, the others at their name.
                Span actionSpan = i == 0 ? new Span(span.start(), span(columns.get(0)).end()) : span(columns.get(i));
                out.add(new AlterTableAction.AddColumn(actionSpan, column(columns.get(i)), a.ifNotExists() != null));
            }
        } else if (c instanceof DropConstraintContext d) {
            out.add(new AlterTableAction.DropConstraint(span, identifier(d.identifier()), null, d.ifExists() != null));
        } else if (c instanceof DropPrimaryKeyContext) {
            out.add(new AlterTableAction.DropConstraint(span, null, ConstraintKind.PRIMARY_KEY, false));
        } else if (c instanceof DropForeignKeyContext d) {
            out.add(new AlterTableAction.DropConstraint(span, identifier(d.identifier()), ConstraintKind.FOREIGN_KEY,
                    false));
        } else if (c instanceof DropIndexActionContext d) {
            out.add(new AlterTableAction.DropConstraint(span, identifier(d.identifier()), ConstraintKind.INDEX, false));
        } else if (c instanceof DropCheckContext d) {
            out.add(new AlterTableAction.DropConstraint(span, identifier(d.identifier()), ConstraintKind.CHECK, false));
        } else if (c instanceof DropColumnContext d) {
            List<IdentifierContext> columns = d.identifier();
            for (int i = 0; i < columns.size(); i++) {
                Span actionSpan = i == 0 ? span : span(columns.get(i));
                out.add(new AlterTableAction.DropColumn(actionSpan, identifier(columns.get(i)), d.ifExists() != null,
                        d.CASCADE() != null));
            }
        } else if (c instanceof AlterColumnContext a) {
            out.add(alterColumn(identifier(a.identifier()), a.alterColumnAction(), span));
        } else if (c instanceof ModifyColumnContext m) {
            ColumnDefinition column = column(m.columnDefinition());
            out.add(new AlterTableAction.AlterColumnType(span, column.name(), column.type(), column, null));
        } else if (c instanceof ChangeColumnContext m) {
            Identifier old = identifier(m.identifier());
            ColumnDefinition column = column(m.columnDefinition());
            if (!old.name().equals(column.name().name())) {
                out.add(new AlterTableAction.RenameColumn(span, old, column.name()));
            }
            out.add(new AlterTableAction.AlterColumnType(span, column.name(), column.type(), column, null));
        } else if (c instanceof RenameConstraintContext r) {
            out.add(new AlterTableAction.RenameConstraint(span, identifier(r.identifier(0)), identifier(r.identifier(1)),
                    false));
        } else if (c instanceof RenameIndexContext r) {
            out.add(new AlterTableAction.RenameConstraint(span, identifier(r.identifier(0)), identifier(r.identifier(1)),
                    true));
        } else if (c instanceof RenameColumnContext r) {
            out.add(new AlterTableAction.RenameColumn(span, identifier(r.identifier(0)), identifier(r.identifier(1))));
        } else if (c instanceof RenameTableContext r) {
            out.add(new AlterTableAction.RenameTable(span, name(r.qualifiedName())));
        } else if (c instanceof ValidateConstraintContext v) {
            out.add(new AlterTableAction.ValidateConstraint(span, identifier(v.identifier())));
        } else {
            out.add(new AlterTableAction.Other(span, text(span)));
        }
    }

    private AlterTableAction alterColumn(Identifier column, AlterColumnActionContext c, Span span) {
        if (c instanceof SetColumnTypeContext t) {
            return new AlterTableAction.AlterColumnType(span, column, type(t.dataType()), null,
                    t.using == null ? null : sqlText(t.using));
        }
        if (c instanceof SetNotNullContext) {
            return new AlterTableAction.SetNotNull(span, column);
        }
        if (c instanceof DropNotNullContext) {
            return new AlterTableAction.DropNotNull(span, column);
        }
        if (c instanceof SetDefaultContext d) {
            return new AlterTableAction.SetDefault(span, column, sqlText(d.defaultExpression()));
        }
        if (c instanceof DropDefaultContext) {
            return new AlterTableAction.DropDefault(span, column);
        }
        if (c instanceof RedefineColumnContext r) {
            ColumnDefinition definition = column(column, r.dataType(), r.columnOption(),
                    column.span().union(span(r)));
            return new AlterTableAction.AlterColumnType(span, column, definition.type(), definition, null);
        }
        return new AlterTableAction.Other(span, text(span));
    }

    // ---- DROP, COMMENT, sp_rename -----------------------------------------------------------------------------

    private SqlStatement drop(DropStatementContext c, Span span) {
        if (c instanceof DropTableContext d) {
            return new SqlStatement.DropTable(span, names(d.qualifiedNameList()), d.ifExists() != null,
                    cascade(d.dropBehavior()));
        }
        if (c instanceof DropIndexContext d) {
            return new SqlStatement.DropIndex(span, names(d.qualifiedNameList()), d.CONCURRENTLY() != null,
                    d.ifExists() != null, d.qualifiedName() == null ? null : name(d.qualifiedName()));
        }
        if (c instanceof DropTypeContext d) {
            return new SqlStatement.DropType(span, names(d.qualifiedNameList()), d.ifExists() != null,
                    cascade(d.dropBehavior()));
        }
        if (c instanceof DropSchemaContext d) {
            return new SqlStatement.DropSchema(span, names(d.qualifiedNameList()), d.ifExists() != null,
                    cascade(d.dropBehavior()));
        }
        if (c instanceof DropExtensionContext d) {
            return new SqlStatement.DropExtension(span, names(d.qualifiedNameList()), d.ifExists() != null);
        }
        if (c instanceof DropSequenceContext d) {
            return new SqlStatement.DropSequence(span, names(d.qualifiedNameList()), d.ifExists() != null);
        }
        DropViewContext d = (DropViewContext) c;
        return new SqlStatement.DropView(span, names(d.qualifiedNameList()), d.MATERIALIZED() != null,
                d.ifExists() != null);
    }

    private static boolean cascade(DropBehaviorContext c) {
        return c != null && c.CASCADE() != null;
    }

    private SqlStatement commentOn(CommentOnContext c, Span span) {
        CommentTargetContext target = c.commentTarget();
        String kind;
        QualifiedNameContext name;
        if (target.CONSTRAINT() != null) {
            kind = "CONSTRAINT";
            name = target.qualifiedName(0);
        } else if (target.MATERIALIZED() != null) {
            kind = "MATERIALIZED VIEW";
            name = target.qualifiedName(0);
        } else {
            kind = target.objectKind().getText().toUpperCase(Locale.ROOT);
            name = target.qualifiedName(0);
        }
        List<String> parts = new ArrayList<>();
        for (IdentifierContext part : name.identifier()) {
            parts.add(identifier(part).name());
        }
        String comment = c.stringLiteral() == null ? null : string(c.stringLiteral());
        return new SqlStatement.CommentOn(span, kind, parts, comment);
    }

    /**
     * SQL Server's {@code EXEC sp_rename 'schema.table[.column]', 'new', ['COLUMN'|'OBJECT'|'INDEX']}: a table
     * rename becomes {@link SqlStatement.RenameTable}, a column rename an ALTER TABLE with one RenameColumn.
     */
    private SqlStatement spRename(ExecProcedureContext c, Span span) {
        List<ProcedureArgumentContext> arguments = c.procedureArgument();
        if (arguments.size() < 2 || arguments.get(0).stringLiteral() == null
                || arguments.get(1).stringLiteral() == null) {
            return new SqlStatement.Other(span, "EXEC");
        }
        List<String> parts = splitObjectName(string(arguments.get(0).stringLiteral()));
        String newName = SqlLiterals.identifierName(string(arguments.get(1).stringLiteral()), false);
        String kind = arguments.size() > 2 && arguments.get(2).stringLiteral() != null
                ? string(arguments.get(2).stringLiteral()).toUpperCase(Locale.ROOT) : "OBJECT";
        Span objectSpan = span(arguments.get(0));
        Span newSpan = span(arguments.get(1));
        if (kind.equals("COLUMN") && parts.size() >= 2) {
            String schema = parts.size() >= 3 ? parts.get(parts.size() - 3) : null;
            QualifiedName table = new QualifiedName(schema, parts.get(parts.size() - 2), objectSpan);
            Identifier from = new Identifier(parts.get(parts.size() - 1), true, objectSpan);
            Identifier to = new Identifier(newName, true, newSpan);
            return new SqlStatement.AlterTable(span, table, false,
                    List.of(new AlterTableAction.RenameColumn(span, from, to)));
        }
        if (kind.equals("OBJECT") || kind.isEmpty()) {
            String schema = parts.size() >= 2 ? parts.get(parts.size() - 2) : null;
            QualifiedName from = new QualifiedName(schema, parts.get(parts.size() - 1), objectSpan);
            QualifiedName to = new QualifiedName(schema, newName, newSpan);
            return new SqlStatement.RenameTable(span, from, to);
        }
        return new SqlStatement.Other(span, "EXEC");
    }

    /** Splits {@code dbo.User.name} or {@code [dbo].[User]} into unquoted parts. */
    private static List<String> splitObjectName(String value) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inBracket = false;
        boolean inQuote = false;
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (inBracket) {
                if (ch == ']') {
                    if (i + 1 < value.length() && value.charAt(i + 1) == ']') {
                        current.append(']');
                        i++;
                    } else {
                        inBracket = false;
                    }
                } else {
                    current.append(ch);
                }
            } else if (inQuote) {
                if (ch == '"') {
                    inQuote = false;
                } else {
                    current.append(ch);
                }
            } else if (ch == '[') {
                inBracket = true;
            } else if (ch == '"') {
                inQuote = true;
            } else if (ch == '.') {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(ch);
            }
        }
        parts.add(current.toString());
        return parts;
    }

    // ---- Shared pieces ----------------------------------------------------------------------------------------

    private Identifier identifier(IdentifierContext c) {
        Token token = c.getStart();
        int start = token.getStartIndex();
        int end = token.getStopIndex() + 1;
        // The token's text is its span of the source: read it there instead of through the char stream.
        boolean quoted = SqlLiterals.isQuotedIdentifier(source, start, end);
        return new Identifier(SqlLiterals.identifierName(source, start, end, dialect.foldsUnquotedToLowerCase()),
                quoted, new Span(start, end));
    }

    private List<Identifier> identifiers(ColumnListContext c) {
        List<Identifier> out = new ArrayList<>();
        for (IdentifierContext id : c.identifier()) {
            out.add(identifier(id));
        }
        return out;
    }

    private QualifiedName name(QualifiedNameContext c) {
        List<IdentifierContext> parts = c.identifier();
        String name = identifier(parts.get(parts.size() - 1)).name();
        String schema = parts.size() >= 2 ? identifier(parts.get(parts.size() - 2)).name() : null;
        return new QualifiedName(schema, name, span(c));
    }

    private List<QualifiedName> names(QualifiedNameListContext c) {
        List<QualifiedName> out = new ArrayList<>();
        for (QualifiedNameContext name : c.qualifiedName()) {
            out.add(name(name));
        }
        return out;
    }

    private static String string(StringLiteralContext c) {
        return SqlLiterals.unquoteString(c.getStart().getText());
    }

    /** The text strictly between two parentheses. */
    private SqlText inner(TerminalNode open, TerminalNode close) {
        Span span = new Span(open.getSymbol().getStopIndex() + 1, close.getSymbol().getStartIndex());
        return new SqlText(text(span).strip(), span);
    }

    private SqlText sqlText(ParserRuleContext c) {
        Span span = span(c);
        return new SqlText(text(span), span);
    }

    /** The characters of a rule's tokens; an empty rule gives an empty span where it would start. */
    private static Span span(ParserRuleContext c) {
        Token start = c.getStart();
        Token stop = c.getStop();
        if (start.getType() == Token.EOF) {
            int at = stop == null ? start.getStartIndex() : stop.getStopIndex() + 1;
            return new Span(Math.max(0, at), Math.max(0, at));
        }
        if (stop == null || stop.getTokenIndex() < start.getTokenIndex()) {
            return new Span(start.getStartIndex(), start.getStartIndex());
        }
        return new Span(start.getStartIndex(), stop.getStopIndex() + 1);
    }

    private String text(Span span) {
        return source.substring(span.start(), span.end());
    }

    private String text(ParserRuleContext c) {
        return text(span(c));
    }
}
