package dev.migrationguard.code;

import dev.migrationguard.workspace.ModelKey;
import dev.migrationguard.workspace.SourceFile;
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
 * {@code +} concatenations in the same file are resolved.
 */
public final class JsSqlCalls {
    public static final ModelKey<List<EmbeddedSql>> MODEL = ModelKey.of("js-sql-calls", snapshot -> {
        List<EmbeddedSql> out = new ArrayList<>();
        for (String path : snapshot.paths()) {
            if (isScript(path)) {
                snapshot.read(path).ifPresent(file -> out.addAll(find(file)));
            }
        }
        return List.copyOf(out);
    });

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
                Argument arg = firstArgument(tokens, i + 2, constants);
                if (arg != null) {
                    out.add(new EmbeddedSql(file, arg.start(), arg.end(), arg.sql(), api));
                }
            }
        }
        return out;
    }

    /**
     * Whether the text can hold a call {@link #find} reports: every one is made through an identifier that contains
     * "query", "raw", "Raw" or "execute", and identifiers are read as written. Most files of a code base name none of
     * them and are not tokenized.
     */
    private static boolean mayCallSql(String text) {
        return text.contains("query") || text.contains("raw") || text.contains("Raw") || text.contains("execute");
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
}
