package dev.migrationguard.prisma;

import dev.migrationguard.prisma.grammar.PrismaSchemaLexer;
import dev.migrationguard.prisma.grammar.PrismaSchemaParser;
import dev.migrationguard.prisma.grammar.PrismaSchemaParser.ArgumentContext;
import dev.migrationguard.prisma.grammar.PrismaSchemaParser.ArgumentsContext;
import dev.migrationguard.prisma.grammar.PrismaSchemaParser.ExpressionContext;
import dev.migrationguard.workspace.ParseCache;
import dev.migrationguard.workspace.SourceFile;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;

/** Reads Prisma schema files into {@link PrismaSchema}s. Never throws on bad input: errors become problems. */
public final class PrismaParser {

    /** Parentheses and brackets nested deeper than this are reported instead of parsed. */
    static final int MAX_NESTING = 500;

    private PrismaParser() {
    }

    /**
     * Parses one file (once: the parse is kept with the file). Syntax errors are in {@link PrismaSchema#problems()};
     * what could be read is kept.
     */
    public static PrismaSchema parse(SourceFile file) {
        return file.derived(PrismaParser.class, PrismaParser::parseText);
    }

    /** The parse an earlier run kept ({@link ParseCache}), else a fresh one, kept for the next run. */
    private static PrismaSchema parseText(SourceFile file) {
        return ParseCache.current().parse(CACHE_KIND, file.text(), bytes -> PrismaSchemaCodec.decode(bytes, file),
                () -> parseFresh(file), PrismaSchemaCodec::encode);
    }

    private static final String CACHE_KIND = "prisma" + PrismaSchemaCodec.FORMAT;

    private static PrismaSchema parseFresh(SourceFile file) {
        PrismaSchemaLexer lexer = new PrismaSchemaLexer(CharStreams.fromString(file.text(), file.path()));
        lexer.removeErrorListeners();
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        PrismaSchemaParser parser = new PrismaSchemaParser(tokens);
        parser.removeErrorListeners();
        List<PrismaProblem> problems = new ArrayList<>();
        parser.addErrorListener(new BaseErrorListener() {
            @Override
            public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int column,
                    String msg, RecognitionException e) {
                Token token = (Token) offendingSymbol;
                PrismaProblem untyped = untypedField(file, tokens, token);
                problems.add(untyped != null ? untyped : problemAt(file, token, msg));
            }
        });
        Token tooDeep = tooDeepToken(tokens);
        if (tooDeep != null) {
            int start = Math.min(tooDeep.getStartIndex(), file.text().length());
            problems.add(new PrismaProblem(file, start, Math.min(start + 1, file.text().length()),
                    "parentheses and brackets nest deeper than " + MAX_NESTING + " levels; the schema is not read"));
            return unread(file, problems);
        }
        PrismaSchemaParser.SchemaContext tree;
        try {
            tree = parser.schema();
        } catch (RuntimeException | StackOverflowError e) {
            // The default error strategy recovers; anything else is a bug, reported as a problem instead of a crash.
            problems.add(new PrismaProblem(file, 0, 0, "could not parse the schema: " + e));
            return unread(file, problems);
        }
        return new Builder(file, tokens).build(tree, problems);
    }

    /** A schema none of whose blocks could be read, with the problems that say why. */
    private static PrismaSchema unread(SourceFile file, List<PrismaProblem> problems) {
        return new PrismaSchema(List.of(file), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                problems);
    }

    /**
     * The token where parentheses and brackets pass {@link #MAX_NESTING} levels, or {@code null}. The grammar
     * recurses a few frames per level; an attribute argument of 5,000 nested calls overflowed the stack.
     */
    private static Token tooDeepToken(CommonTokenStream tokens) {
        tokens.fill();
        int depth = 0;
        for (Token t : tokens.getTokens()) {
            int type = t.getType();
            if (type == PrismaSchemaLexer.LPAREN || type == PrismaSchemaLexer.LBRACKET) {
                if (++depth > MAX_NESTING) {
                    return t;
                }
            } else if ((type == PrismaSchemaLexer.RPAREN || type == PrismaSchemaLexer.RBRACKET) && depth > 0) {
                depth--;
            }
        }
        return null;
    }

    /** Parses several files and merges them, as Prisma reads a schema folder. */
    public static PrismaSchema parseAll(List<SourceFile> files) {
        return PrismaSchema.merge(files.stream().map(PrismaParser::parse).toList());
    }

    /**
     * A field written without a type ({@code name} alone on its line, or {@code email @unique}) makes the parser
     * fail at the next token, often on the next line. Point at the name instead, as Prisma does, and say what is
     * missing.
     */
    private static PrismaProblem untypedField(SourceFile file, CommonTokenStream tokens, Token offending) {
        Token name = previousOnChannel(tokens, offending.getTokenIndex());
        if (name == null || name.getType() != PrismaSchemaLexer.IDENT) {
            return null;
        }
        boolean endsItsLine = offending.getType() == Token.EOF || offending.getLine() > name.getLine();
        if (!endsItsLine && offending.getType() != PrismaSchemaLexer.AT) {
            return null;
        }
        Token before = previousOnChannel(tokens, name.getTokenIndex());
        boolean startsItsLine = before != null && (before.getLine() < name.getLine() || before.getType() == PrismaSchemaLexer.LBRACE);
        if (!startsItsLine) {
            return null;
        }
        Token block = blockKeyword(tokens, name.getTokenIndex());
        if (block == null) {
            return null;
        }
        String message = switch (block.getType()) {
            case PrismaSchemaLexer.MODEL, PrismaSchemaLexer.VIEW, PrismaSchemaLexer.TYPE -> "field `" + name.getText()
                    + "` has no type; write one after the name, for example `" + name.getText() + " String`, or remove the line";
            case PrismaSchemaLexer.GENERATOR, PrismaSchemaLexer.DATASOURCE -> "setting `" + name.getText()
                    + "` has no value; write `" + name.getText() + " = \"...\"` or remove the line";
            default -> null;
        };
        if (message == null) {
            return null;
        }
        int length = file.text().length();
        int start = Math.min(Math.max(name.getStartIndex(), 0), length);
        int end = Math.min(Math.max(name.getStopIndex() + 1, start), length);
        return new PrismaProblem(file, start, end, message);
    }

    /** The keyword of the block that encloses token {@code index} ({@code model}, {@code generator}...), or null. */
    private static Token blockKeyword(CommonTokenStream tokens, int index) {
        int depth = 0;
        for (int i = index - 1; i >= 0; i--) {
            Token t = tokens.get(i);
            if (t.getChannel() != Token.DEFAULT_CHANNEL) {
                continue;
            }
            if (t.getType() == PrismaSchemaLexer.RBRACE) {
                depth++;
            } else if (t.getType() == PrismaSchemaLexer.LBRACE) {
                if (depth == 0) {
                    Token blockName = previousOnChannel(tokens, i);
                    return blockName == null ? null : previousOnChannel(tokens, blockName.getTokenIndex());
                }
                depth--;
            }
        }
        return null;
    }

    /** The nearest token before {@code index} on the default channel (comments are on their own channels). */
    private static Token previousOnChannel(CommonTokenStream tokens, int index) {
        for (int i = index - 1; i >= 0; i--) {
            Token t = tokens.get(i);
            if (t.getChannel() == Token.DEFAULT_CHANNEL) {
                return t;
            }
        }
        return null;
    }

    private static PrismaProblem problemAt(SourceFile file, Token token, String antlrMessage) {
        int length = file.text().length();
        int start = Math.min(Math.max(token.getStartIndex(), 0), length);
        int end = Math.min(Math.max(token.getStopIndex() + 1, start), length);
        String message;
        if (token.getType() == Token.EOF) {
            message = "unexpected end of file: " + antlrMessage;
        } else if (token.getType() == PrismaSchemaLexer.UNTERMINATED_STRING) {
            message = "string is not closed before the end of the line";
        } else if (token.getType() == PrismaSchemaLexer.BAD_CHAR) {
            message = "unexpected character '" + token.getText() + "'";
        } else {
            message = "unexpected '" + token.getText() + "': " + antlrMessage;
        }
        return new PrismaProblem(file, start, end, message);
    }

    /** Turns the parse tree into records, tolerating the holes error recovery leaves. */
    private static final class Builder {
        private final SourceFile file;
        private final CommonTokenStream tokens;

        Builder(SourceFile file, CommonTokenStream tokens) {
            this.file = file;
            this.tokens = tokens;
        }

        PrismaSchema build(PrismaSchemaParser.SchemaContext tree, List<PrismaProblem> problems) {
            List<PrismaConfigBlock> datasources = new ArrayList<>();
            List<PrismaConfigBlock> generators = new ArrayList<>();
            List<PrismaModel> models = new ArrayList<>();
            List<PrismaEnum> enums = new ArrayList<>();
            List<PrismaModel> views = new ArrayList<>();
            List<PrismaModel> types = new ArrayList<>();
            for (PrismaSchemaParser.BlockContext block : tree.block()) {
                if (block.modelBlock() != null) {
                    PrismaModel model = model(block.modelBlock());
                    if (model == null) {
                        continue;
                    }
                    switch (model.kind()) {
                        case MODEL -> models.add(model);
                        case VIEW -> views.add(model);
                        case TYPE -> types.add(model);
                        default -> throw new IllegalStateException();
                    }
                } else if (block.enumBlock() != null) {
                    PrismaEnum e = enumBlock(block.enumBlock());
                    if (e != null) {
                        enums.add(e);
                    }
                } else if (block.configBlock() != null) {
                    PrismaConfigBlock c = config(block.configBlock());
                    if (c != null) {
                        (c.kind() == PrismaConfigBlock.Kind.DATASOURCE ? datasources : generators).add(c);
                    }
                }
            }
            return new PrismaSchema(List.of(file), datasources, generators, models, enums, views, types, problems);
        }

        private PrismaModel model(PrismaSchemaParser.ModelBlockContext ctx) {
            PrismaName name = name(ctx.name);
            if (name == null || ctx.kind == null) {
                return null;
            }
            PrismaModel.Kind kind = switch (ctx.kind.getType()) {
                case PrismaSchemaLexer.VIEW -> PrismaModel.Kind.VIEW;
                case PrismaSchemaLexer.TYPE -> PrismaModel.Kind.TYPE;
                default -> PrismaModel.Kind.MODEL;
            };
            List<PrismaField> fields = new ArrayList<>();
            List<PrismaAttribute> blockAttributes = new ArrayList<>();
            for (PrismaSchemaParser.ModelMemberContext member : ctx.modelMember()) {
                if (member.fieldDeclaration() != null) {
                    PrismaField f = field(member.fieldDeclaration());
                    if (f != null) {
                        fields.add(f);
                    }
                } else if (member.blockAttribute() != null) {
                    PrismaAttribute a = attribute(member.blockAttribute().attributeName(),
                            member.blockAttribute().arguments(), member.blockAttribute());
                    if (a != null) {
                        blockAttributes.add(a);
                    }
                }
            }
            return new PrismaModel(file, kind, name, fields, blockAttributes, documentation(ctx),
                    start(ctx), end(ctx));
        }

        private PrismaField field(PrismaSchemaParser.FieldDeclarationContext ctx) {
            PrismaName name = name(ctx.name);
            PrismaSchemaParser.FieldTypeContext typeCtx = ctx.fieldType();
            if (name == null || typeCtx == null || typeCtx.typeName == null) {
                return null;
            }
            PrismaName typeName = name(typeCtx.typeName);
            if (typeName == null) {
                return null;
            }
            String unsupported = typeCtx.unsupported == null ? null : unquote(typeCtx.unsupported.getText());
            PrismaFieldType type = new PrismaFieldType(typeName.text(), unsupported, typeCtx.optional != null,
                    typeCtx.list != null, start(typeCtx), end(typeCtx));
            List<PrismaAttribute> attributes = new ArrayList<>();
            for (PrismaSchemaParser.FieldAttributeContext a : ctx.fieldAttribute()) {
                PrismaAttribute attribute = attribute(a.attributeName(), a.arguments(), a);
                if (attribute != null) {
                    attributes.add(attribute);
                }
            }
            return new PrismaField(file, name, type, attributes, documentation(ctx), name.start(), end(ctx));
        }

        private PrismaEnum enumBlock(PrismaSchemaParser.EnumBlockContext ctx) {
            PrismaName name = name(ctx.name);
            if (name == null) {
                return null;
            }
            List<PrismaEnum.Value> values = new ArrayList<>();
            List<PrismaAttribute> blockAttributes = new ArrayList<>();
            for (PrismaSchemaParser.EnumMemberContext member : ctx.enumMember()) {
                if (member.enumValue() != null) {
                    PrismaName valueName = name(member.enumValue().name);
                    if (valueName == null) {
                        continue;
                    }
                    List<PrismaAttribute> attributes = new ArrayList<>();
                    for (PrismaSchemaParser.FieldAttributeContext a : member.enumValue().fieldAttribute()) {
                        PrismaAttribute attribute = attribute(a.attributeName(), a.arguments(), a);
                        if (attribute != null) {
                            attributes.add(attribute);
                        }
                    }
                    values.add(new PrismaEnum.Value(valueName, attributes, documentation(member.enumValue())));
                } else if (member.blockAttribute() != null) {
                    PrismaAttribute a = attribute(member.blockAttribute().attributeName(),
                            member.blockAttribute().arguments(), member.blockAttribute());
                    if (a != null) {
                        blockAttributes.add(a);
                    }
                }
            }
            return new PrismaEnum(file, name, values, blockAttributes, documentation(ctx), start(ctx), end(ctx));
        }

        private PrismaConfigBlock config(PrismaSchemaParser.ConfigBlockContext ctx) {
            PrismaName name = name(ctx.name);
            if (name == null || ctx.kind == null) {
                return null;
            }
            PrismaConfigBlock.Kind kind = ctx.kind.getType() == PrismaSchemaLexer.DATASOURCE
                    ? PrismaConfigBlock.Kind.DATASOURCE : PrismaConfigBlock.Kind.GENERATOR;
            List<PrismaConfigBlock.Property> properties = new ArrayList<>();
            for (PrismaSchemaParser.PropertyContext p : ctx.property()) {
                PrismaName propertyName = name(p.name);
                PrismaExpression value = expression(p.value);
                if (propertyName != null && value != null) {
                    properties.add(new PrismaConfigBlock.Property(propertyName, value));
                }
            }
            return new PrismaConfigBlock(file, kind, name, properties, start(ctx), end(ctx));
        }

        private PrismaAttribute attribute(PrismaSchemaParser.AttributeNameContext nameCtx, ArgumentsContext args,
                ParserRuleContext whole) {
            if (nameCtx == null || nameCtx.identifier().isEmpty()) {
                return null;
            }
            StringBuilder name = new StringBuilder();
            for (PrismaSchemaParser.IdentifierContext part : nameCtx.identifier()) {
                if (name.length() > 0) {
                    name.append('.');
                }
                name.append(part.getText());
            }
            return new PrismaAttribute(name.toString(), arguments(args), start(whole), end(whole), start(nameCtx));
        }

        private List<PrismaArgument> arguments(ArgumentsContext ctx) {
            List<PrismaArgument> out = new ArrayList<>();
            if (ctx == null) {
                return out;
            }
            for (ArgumentContext a : ctx.argument()) {
                PrismaExpression value = expression(a.value);
                if (value == null) {
                    continue;
                }
                String argumentName = a.name == null ? null : a.name.getText();
                out.add(new PrismaArgument(argumentName, value, start(a), end(a)));
            }
            return out;
        }

        private PrismaExpression expression(ExpressionContext ctx) {
            if (ctx == null || ctx.getStart() == null) {
                return null;
            }
            int start = start(ctx);
            int end = end(ctx);
            if (ctx instanceof PrismaSchemaParser.CallExpressionContext call) {
                PrismaSchemaParser.FunctionCallContext f = call.functionCall();
                if (f.name == null) {
                    return null;
                }
                return new PrismaExpression.Call(f.name.getText(), arguments(f.arguments()), start, end);
            }
            if (ctx instanceof PrismaSchemaParser.ArrayExpressionContext array) {
                List<PrismaExpression> elements = new ArrayList<>();
                for (ExpressionContext e : array.arrayLiteral().expression()) {
                    PrismaExpression element = expression(e);
                    if (element != null) {
                        elements.add(element);
                    }
                }
                return new PrismaExpression.ArrayValue(elements, start, end);
            }
            if (ctx instanceof PrismaSchemaParser.StringExpressionContext s) {
                return new PrismaExpression.StringValue(unquote(s.STRING().getText()), start, end);
            }
            if (ctx instanceof PrismaSchemaParser.NumberExpressionContext n) {
                return new PrismaExpression.NumberValue(n.NUMBER().getText(), start, end);
            }
            if (ctx instanceof PrismaSchemaParser.ReferenceExpressionContext r) {
                return new PrismaExpression.Reference(r.getText(), start, end);
            }
            return null;
        }

        private PrismaName name(PrismaSchemaParser.IdentifierContext ctx) {
            if (ctx == null || ctx.getStart() == null || ctx.exception != null
                    || ctx.getStart().getType() == Token.EOF) {
                return null;
            }
            Token t = ctx.getStart();
            return new PrismaName(t.getText(), t.getStartIndex(), t.getStopIndex() + 1);
        }

        /** The {@code ///} lines just above an element, and one at the end of its last line. */
        private List<String> documentation(ParserRuleContext ctx) {
            List<String> docs = new ArrayList<>();
            Token first = ctx.getStart();
            Token last = ctx.getStop();
            if (first == null) {
                return docs;
            }
            List<Token> before = tokens.getHiddenTokensToLeft(first.getTokenIndex(), PrismaSchemaLexer.DOC_COMMENTS);
            if (before != null) {
                for (Token t : before) {
                    if (!trailsCode(t)) {
                        docs.add(docText(t));
                    }
                }
            }
            if (last != null && last.getTokenIndex() >= first.getTokenIndex()) {
                List<Token> after = tokens.getHiddenTokensToRight(last.getTokenIndex(), PrismaSchemaLexer.DOC_COMMENTS);
                if (after != null) {
                    for (Token t : after) {
                        if (t.getLine() == last.getLine()) {
                            docs.add(docText(t));
                        }
                    }
                }
            }
            return docs;
        }

        /** Whether a comment sits after code on its own line (so it documents that code, not what follows). */
        private boolean trailsCode(Token comment) {
            for (int i = comment.getTokenIndex() - 1; i >= 0; i--) {
                Token t = tokens.get(i);
                if (t.getChannel() == Token.DEFAULT_CHANNEL) {
                    return t.getLine() == comment.getLine();
                }
            }
            return false;
        }

        private static String docText(Token t) {
            return t.getText().substring(3).strip();
        }

        private static int start(ParserRuleContext ctx) {
            return Math.max(ctx.getStart().getStartIndex(), 0);
        }

        private int end(ParserRuleContext ctx) {
            Token stop = ctx.getStop();
            if (stop == null || stop.getType() == Token.EOF || stop.getTokenIndex() < ctx.getStart().getTokenIndex()) {
                return Math.min(start(ctx) + ctx.getStart().getText().length(), file.text().length());
            }
            return stop.getStopIndex() + 1;
        }
    }

    /** The value of a string literal: quotes removed, backslash escapes resolved. */
    static String unquote(String literal) {
        if (literal.length() < 2 || literal.charAt(0) != '"') {
            return literal;
        }
        String body = literal.substring(1, literal.endsWith("\"") ? literal.length() - 1 : literal.length());
        if (body.indexOf('\\') < 0) {
            return body;
        }
        StringBuilder out = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length()) {
                char next = body.charAt(++i);
                out.append(switch (next) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    default -> next;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
