package dev.migrationguard.code;

import dev.migrationguard.workspace.ModelKey;
import dev.migrationguard.workspace.Snapshot;
import dev.migrationguard.workspace.SourceFile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * SQL passed to a database from TypeScript or JavaScript: Prisma's raw queries ({@code $executeRaw`...`},
 * {@code $executeRawUnsafe("...")}, {@code $queryRaw}, {@code Prisma.sql}), {@code knex.raw},
 * {@code sequelize.query}, and {@code pool.query}/{@code client.query} of node-postgres. String constants and
 * {@code +} concatenations in the same file are resolved, and so are SQL strings collected in an array or object
 * literal and run in a loop ({@code for (const t of tables) await client.query(t.sql)}).
 */
public final class JsSqlCalls {
    /**
     * The SQL calls of the snapshot's scripts that may change the schema: those of files that can spell such a change
     * ({@link #maySpellSchemaChange}); the others are never tokenized (half the scripts that call SQL at all, in a
     * web app's sources). What raw-ddl-in-code reads.
     */
    public static final ModelKey<List<EmbeddedSql>> MAY_CHANGE_SCHEMA = ModelKey.of("js-sql-calls-schema", snapshot -> {
        List<EmbeddedSql> out = new ArrayList<>();
        for (String path : snapshot.paths()) {
            if (isScript(path)) {
                snapshot.readIf(path, Snapshot.keepingNotices(b -> mayCallSql(b) && maySpellSchemaChange(b)))
                        .filter(file -> maySpellSchemaChange(file.text()))
                        .ifPresent(file -> out.addAll(find(file)));
            }
        }
        return List.copyOf(out);
    });

    /** The words every schema change raw-ddl-in-code reports holds one of, in lower case (sp_rename holds rename). */
    private static final List<String> SCHEMA_CHANGE_WORDS = List.of("create", "alter", "drop", "truncate", "rename");

    /**
     * Whether bytes can spell SQL that changes a schema: one of its words in any case, or a string escape that could
     * stand for a letter of one once the tokenizer decodes it.
     */
    public static boolean maySpellSchemaChange(byte[] b) {
        for (String word : SCHEMA_CHANGE_WORDS) {
            if (JsWords.containsIgnoringCase(b, word)) {
                return true;
            }
        }
        return JsWords.hasLetterEscape(b);
    }

    /** {@link #maySpellSchemaChange(byte[])} on decoded text (a file that was not plain UTF-8). */
    private static boolean maySpellSchemaChange(String text) {
        return maySpellSchemaChange(text.getBytes(StandardCharsets.UTF_8));
    }

    private static final Set<String> PRISMA_RAW = Set.of("$executeRaw", "$executeRawUnsafe", "$queryRaw", "$queryRawUnsafe");
    /** Receivers whose {@code .query(...)} or {@code .raw(...)} runs SQL. */
    private static final Set<String> QUERY_RECEIVERS = Set.of(
            "pool", "client", "db", "pg", "pgpool", "connection", "conn", "sequelize", "knex", "trx", "database", "sql",
            "tx", "transaction", "queryrunner", "manager", "datasource", "appdatasource", "entitymanager");

    private JsSqlCalls() {
    }

    public static boolean isScript(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        return (p.endsWith(".ts") || p.endsWith(".tsx") || p.endsWith(".js") || p.endsWith(".jsx") || p.endsWith(".mjs")
                || p.endsWith(".cjs") || p.endsWith(".mts") || p.endsWith(".cts")) && !p.endsWith(".d.ts")
                && !p.endsWith(".min.js");
    }

    public static List<EmbeddedSql> find(SourceFile file) {
        if (!mayCallSql(file.text())) {
            return List.of();
        }
        List<JsToken> tokens = JsTokenizer.tokens(file);
        Map<String, String> constants = constants(tokens);
        Map<String, Collection> collections = collections(tokens);
        Map<String, Binding> loops = collections.isEmpty() ? Map.of() : loopBindings(tokens, collections);
        List<EmbeddedSql> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            JsToken t = tokens.get(i);
            if (t.kind() != JsToken.Kind.IDENTIFIER) {
                continue;
            }
            String receiver = receiver(tokens, i);
            boolean prismaRaw = PRISMA_RAW.contains(t.text());
            boolean query = (t.text().equals("query") || t.text().equals("raw") || t.text().equals("execute"))
                    && receiver != null && QUERY_RECEIVERS.contains(receiver.toLowerCase(Locale.ROOT));
            if (!prismaRaw && !query) {
                continue;
            }
            String api = (receiver == null ? "" : receiver + ".") + t.text();
            JsToken next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
            if (next == null) {
                continue;
            }
            if (next.kind() == JsToken.Kind.TEMPLATE) {
                out.add(new EmbeddedSql(file, next.start(), next.end(), next.text(), api));
            } else if (next.is("(")) {
                List<JsToken> looped = loops.isEmpty() ? List.of() : loopArgument(tokens, i + 2, loops, collections);
                if (!looped.isEmpty()) {
                    String over = loops.get(tokens.get(i + 2).text()) != null
                            ? loops.get(tokens.get(i + 2).text()).collection()
                            : tokens.get(i + 2).text();
                    for (JsToken literal : looped) {
                        out.add(new EmbeddedSql(file, literal.start(), literal.end(), literal.text(),
                                api + " (in a loop over `" + over + "`)"));
                    }
                    continue;
                }
                Argument arg = firstArgument(tokens, i + 2, constants);
                if (arg != null) {
                    out.add(new EmbeddedSql(file, arg.start(), arg.end(), arg.sql(), api));
                }
            }
        }
        return out;
    }

    /**
     * Whether the text can hold a call {@link #find} reports: every one is made through an identifier that is one of
     * Prisma's raw-query methods, {@code query}, {@code raw} or {@code execute}, read as written. Most files of a code
     * base name none of them ({@code useQuery}, {@code draw} and {@code executeAll} are other words) and are not
     * tokenized.
     */
    private static boolean mayCallSql(String text) {
        return text.contains("$executeRaw") || text.contains("$queryRaw") || JsWords.hasWord(text, "query")
                || JsWords.hasWord(text, "raw") || JsWords.hasWord(text, "execute");
    }

    /** {@link #mayCallSql(String)} on a file's bytes, so that the files it rules out are never decoded. */
    static boolean mayCallSql(byte[] b) {
        return JsWords.contains(b, "$executeRaw") || JsWords.contains(b, "$queryRaw") || JsWords.hasWord(b, "query")
                || JsWords.hasWord(b, "raw") || JsWords.hasWord(b, "execute");
    }

    /** The identifier before {@code .name} (also through {@code this.} and {@code ?.}), or null. */
    private static String receiver(List<JsToken> tokens, int nameIndex) {
        if (nameIndex < 2) {
            return null;
        }
        JsToken dot = tokens.get(nameIndex - 1);
        JsToken before = tokens.get(nameIndex - 2);
        if ((dot.is(".") || dot.is("?.")) && before.kind() == JsToken.Kind.IDENTIFIER) {
            return before.text();
        }
        return null;
    }

    private record Argument(int start, int end, String sql) {
    }

    /** The first call argument as SQL: literals joined by {@code +}, {@code Prisma.sql`...`}, or a constant. */
    private static Argument firstArgument(List<JsToken> tokens, int from, Map<String, String> constants) {
        StringBuilder sql = new StringBuilder();
        int start = -1;
        int end = -1;
        int i = from;
        while (i < tokens.size()) {
            JsToken t = tokens.get(i);
            if (t.isStringLike()) {
                sql.append(t.text());
            } else if (t.is("Prisma") && i + 3 < tokens.size() && tokens.get(i + 1).is(".")
                    && tokens.get(i + 2).is("sql") && tokens.get(i + 3).kind() == JsToken.Kind.TEMPLATE) {
                t = tokens.get(i + 3);
                i += 3;
                sql.append(t.text());
            } else if ((t.is("sql") || t.is("raw")) && i + 1 < tokens.size()
                    && tokens.get(i + 1).kind() == JsToken.Kind.TEMPLATE) {
                t = tokens.get(i + 1);
                i += 1;
                sql.append(t.text());
            } else if (t.kind() == JsToken.Kind.IDENTIFIER && constants.containsKey(t.text())) {
                sql.append(constants.get(t.text()));
            } else {
                return null;
            }
            if (start < 0) {
                start = t.start();
            }
            end = t.end();
            i = skipTemplateExpressions(tokens, i, t);
            JsToken next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
            if (next == null || next.is(")") || next.is(",")) {
                return new Argument(start, end, sql.toString());
            }
            if (!next.is("+")) {
                return null;
            }
            i += 2;
        }
        return null;
    }

    /** The tokens of a template's {@code ${...}} expressions follow it; returns the index of the last of them. */
    private static int skipTemplateExpressions(List<JsToken> tokens, int i, JsToken literal) {
        while (literal.kind() == JsToken.Kind.TEMPLATE && i + 1 < tokens.size() && tokens.get(i + 1).start() < literal.end()) {
            i++;
        }
        return i;
    }

    /** {@code const|let|var NAME = "literal" [+ "literal" | + NAME]...}: the values the file gives its names. */
    private static Map<String, String> constants(List<JsToken> tokens) {
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i + 3 < tokens.size(); i++) {
            JsToken kw = tokens.get(i);
            if (!(kw.is("const") || kw.is("let") || kw.is("var"))) {
                continue;
            }
            JsToken name = tokens.get(i + 1);
            if (name.kind() != JsToken.Kind.IDENTIFIER || !tokens.get(i + 2).is("=")) {
                continue;
            }
            StringBuilder value = new StringBuilder();
            int j = i + 3;
            boolean ok = false;
            while (j < tokens.size()) {
                JsToken t = tokens.get(j);
                if (t.isStringLike()) {
                    value.append(t.text());
                } else if (t.kind() == JsToken.Kind.IDENTIFIER && out.containsKey(t.text())) {
                    value.append(out.get(t.text()));
                } else {
                    break;
                }
                ok = true;
                j = skipTemplateExpressions(tokens, j, t);
                if (j + 1 < tokens.size() && tokens.get(j + 1).is("+")) {
                    j += 2;
                    continue;
                }
                break;
            }
            if (ok) {
                out.putIfAbsent(name.text(), value.toString());
            }
        }
        return out;
    }

    /**
     * A {@code const|let|var NAME = [...]} or {@code = {...}} literal: its string values, each with the property
     * name written before it ({@code {name: 'a', sql: 'CREATE ...'}} gives {@code sql}), null for array items.
     */
    private record Collection(boolean array, List<String> properties, List<JsToken> values) {
    }

    /** A loop variable bound to a collection's items ({@code for (const t of tables)}) or keys ({@code for (k in ddl)}). */
    private record Binding(String collection, boolean keys) {
    }

    private static final int MAX_COLLECTION_TOKENS = 20_000;

    private static Map<String, Collection> collections(List<JsToken> tokens) {
        Map<String, Collection> out = new HashMap<>();
        for (int i = 0; i + 3 < tokens.size(); i++) {
            JsToken kw = tokens.get(i);
            if (!(kw.is("const") || kw.is("let") || kw.is("var")) || tokens.get(i + 1).kind() != JsToken.Kind.IDENTIFIER) {
                continue;
            }
            int open = i + 2;
            // const tables: Table[] = [...]: skip a type annotation up to the `=`
            if (tokens.get(open).is(":")) {
                while (open < tokens.size() && open < i + 40 && !tokens.get(open).is("=")) {
                    open++;
                }
            }
            if (open + 1 >= tokens.size() || !tokens.get(open).is("=")) {
                continue;
            }
            JsToken first = tokens.get(open + 1);
            if (!(first.is("[") || first.is("{"))) {
                continue;
            }
            List<String> properties = new ArrayList<>();
            List<JsToken> values = new ArrayList<>();
            int depth = 0;
            int j = open + 1;
            for (; j < tokens.size() && j < open + MAX_COLLECTION_TOKENS; j++) {
                JsToken t = tokens.get(j);
                if (t.is("[") || t.is("{") || t.is("(")) {
                    depth++;
                } else if (t.is("]") || t.is("}") || t.is(")")) {
                    if (--depth == 0) {
                        break;
                    }
                } else if (t.isStringLike() && j > 0) {
                    JsToken before = tokens.get(j - 1);
                    String property = null;
                    if (before.is(":") && j > 1) {
                        property = tokens.get(j - 2).text();
                    } else if (!(before.is("[") || before.is(",") || before.is("+"))) {
                        continue;
                    }
                    properties.add(property);
                    values.add(t);
                    j = skipTemplateExpressions(tokens, j, t);
                }
            }
            if (!values.isEmpty()) {
                out.putIfAbsent(tokens.get(i + 1).text(), new Collection(first.is("["), properties, values));
            }
            // each token is read by one literal at most, so an unclosed bracket costs one scan, not one per const
            i = Math.max(i, j - 1);
        }
        return out;
    }

    /**
     * Loop variables over known collections: {@code for (const|let|var X of C)}, {@code for (const [k, X] of
     * Object.entries(C))}, {@code for (const X of Object.values(C))}, {@code for (const K in C)},
     * {@code C.forEach|map((X) => ...)}, {@code C.forEach(async function (X) ...)}.
     */
    private static Map<String, Binding> loopBindings(List<JsToken> tokens, Map<String, Collection> collections) {
        Map<String, Binding> out = new HashMap<>();
        for (int i = 0; i + 5 < tokens.size(); i++) {
            JsToken t = tokens.get(i);
            if (t.is("for") && tokens.get(i + 1).is("(")) {
                int j = i + 2;
                if (tokens.get(j).is("const") || tokens.get(j).is("let") || tokens.get(j).is("var")) {
                    j++;
                }
                String variable = null;
                if (tokens.get(j).kind() == JsToken.Kind.IDENTIFIER) {
                    variable = tokens.get(j).text();
                    j++;
                } else if (tokens.get(j).is("[")) {
                    // [key, value]: the last name before `]`
                    while (j < tokens.size() && j < i + 12 && !tokens.get(j).is("]")) {
                        if (tokens.get(j).kind() == JsToken.Kind.IDENTIFIER) {
                            variable = tokens.get(j).text();
                        }
                        j++;
                    }
                    j++;
                }
                if (variable == null || j + 1 >= tokens.size()) {
                    continue;
                }
                boolean keys = tokens.get(j).is("in");
                if (!(keys || tokens.get(j).is("of"))) {
                    continue;
                }
                j++;
                if (j + 4 < tokens.size() && tokens.get(j).is("Object") && tokens.get(j + 1).is(".")
                        && (tokens.get(j + 2).is("entries") || tokens.get(j + 2).is("values")) && tokens.get(j + 3).is("(")) {
                    j += 4;
                }
                String collection = tokens.get(j).text();
                if (collections.containsKey(collection)) {
                    out.put(variable, new Binding(collection, keys));
                }
            } else if (t.kind() == JsToken.Kind.IDENTIFIER && collections.containsKey(t.text())
                    && tokens.get(i + 1).is(".") && (tokens.get(i + 2).is("forEach") || tokens.get(i + 2).is("map")
                    || tokens.get(i + 2).is("flatMap")) && tokens.get(i + 3).is("(")) {
                for (int j = i + 4; j < tokens.size() && j < i + 9; j++) {
                    JsToken v = tokens.get(j);
                    if (v.kind() == JsToken.Kind.IDENTIFIER && !v.is("async") && !v.is("function")) {
                        out.put(v.text(), new Binding(t.text(), false));
                        break;
                    }
                }
            }
        }
        return out;
    }

    /**
     * The SQL literals a call's first argument stands for when it is a loop variable over a known collection:
     * {@code X} (the items), {@code X.prop} or {@code X["prop"]} (that property of each item), {@code C[K]} for a
     * key {@code K} of {@code C} (every value). Empty for any other argument.
     */
    private static List<JsToken> loopArgument(List<JsToken> tokens, int from, Map<String, Binding> loops,
                                              Map<String, Collection> collections) {
        if (from + 1 >= tokens.size() || tokens.get(from).kind() != JsToken.Kind.IDENTIFIER) {
            return List.of();
        }
        String name = tokens.get(from).text();
        JsToken after = tokens.get(from + 1);
        Binding binding = loops.get(name);
        if (binding != null && !binding.keys() && (after.is(")") || after.is(","))) {
            return valuesOf(binding.collection(), null, collections);
        }
        if (binding != null && !binding.keys() && (after.is(".") || after.is("?.")) && from + 3 < tokens.size()
                && tokens.get(from + 2).kind() == JsToken.Kind.IDENTIFIER
                && (tokens.get(from + 3).is(")") || tokens.get(from + 3).is(","))) {
            return valuesOf(binding.collection(), tokens.get(from + 2).text(), collections);
        }
        // C[K] with K a key of C
        if (after.is("[") && from + 3 < tokens.size() && tokens.get(from + 3).is("]")) {
            Binding key = loops.get(tokens.get(from + 2).text());
            if (key != null && key.keys() && key.collection().equals(name)) {
                return valuesOf(name, "*", collections);
            }
        }
        return List.of();
    }

    /** A collection's string values: array items ({@code property} null), one property, or every value ("*"). */
    private static List<JsToken> valuesOf(String collection, String property, Map<String, Collection> collections) {
        Collection c = collections.get(collection);
        if (c == null) {
            return List.of();
        }
        List<JsToken> out = new ArrayList<>();
        for (int i = 0; i < c.values().size(); i++) {
            String p = c.properties().get(i);
            boolean wanted = "*".equals(property) || (property == null ? p == null || !c.array() : property.equals(p));
            if (wanted) {
                out.add(c.values().get(i));
            }
        }
        return out;
    }
}
