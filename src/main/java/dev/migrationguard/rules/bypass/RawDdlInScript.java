package dev.migrationguard.rules.bypass;

import dev.migrationguard.code.EmbeddedSql;
import dev.migrationguard.code.JsSqlCalls;
import dev.migrationguard.rules.Findings;
import dev.migrationguard.rules.Inputs;
import dev.migrationguard.rules.Rule;
import dev.migrationguard.rules.RuleContext;
import dev.migrationguard.rules.RuleInputs;
import dev.migrationguard.rules.Severity;
import dev.migrationguard.scripts.CommandSite;
import dev.migrationguard.scripts.CommandSites;
import dev.migrationguard.scripts.CommandWords;
import dev.migrationguard.scripts.HereDoc;
import dev.migrationguard.scripts.MappedText;
import dev.migrationguard.scripts.ToolCall;
import dev.migrationguard.scripts.Word;
import dev.migrationguard.sql.SqlDialect;
import dev.migrationguard.sql.SqlScript;
import dev.migrationguard.sql.SqlScripts;
import dev.migrationguard.sql.SqlStatement;
import dev.migrationguard.workspace.Snapshot;
import dev.migrationguard.workspace.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * DDL run by a command in a script, CI step, Dockerfile or hook: {@code psql -c}, {@code psql <<SQL},
 * {@code psql -f file.sql}, {@code mysql -e}, {@code sqlite3 db "..."}, {@code sqlcmd -Q}/{@code -i},
 * {@code prisma db execute --stdin|--file}, and SQL run by JavaScript written inline ({@code node -e "..."},
 * {@code node <<EOF}). The SQL is classified with the SQL grammar.
 */
public final class RawDdlInScript implements Rule {

    @Override
    public String id() {
        return "raw-ddl-in-script";
    }

    @Override
    public RuleInputs inputs() {
        return RuleInputs.repository(Inputs.SCRIPTS.or(Inputs.SQL_FILES));
    }

    /** SQL a command runs: inline (with file offsets for each character) or from a file it names. */
    private record SqlInput(String sql, MappedText mapped, Word fileWord, SourceFile sqlFile) {
    }

    @Override
    public void check(RuleContext context, Findings findings) {
        Snapshot snapshot = context.snapshot();
        SqlDialect repositoryDialect = SchemaChanges.repositoryDialect(snapshot);
        for (CommandSite site : snapshot.model(CommandSites.KEY)) {
            checkInlineScript(site, repositoryDialect, findings);
            Optional<ToolCall> tool = CommandWords.tool(site.command().words());
            if (tool.isEmpty()) {
                continue;
            }
            ToolCall call = tool.get();
            SqlDialect dialect = dialect(call.name(), repositoryDialect);
            if (dialect == null) {
                continue;
            }
            for (SqlInput input : inputs(call, site, snapshot)) {
                SqlScript script = input.sqlFile() != null
                        ? snapshot.model(SqlScripts.KEY).script(input.sqlFile().path(), dialect).orElse(null)
                        : SchemaChanges.parse(site.path(), input.sql(), dialect);
                if (script == null) {
                    continue;
                }
                List<SqlStatement> changes = SchemaChanges.of(script);
                if (changes.isEmpty()) {
                    continue;
                }
                SqlStatement first = changes.get(0);
                String what = SchemaChanges.summary(script, changes);
                int start;
                int end;
                if (input.mapped() != null && input.mapped().length() > 0) {
                    start = input.mapped().start(Math.min(first.span().start(), input.mapped().length() - 1));
                    end = Math.max(start, input.mapped().end(Math.max(0, Math.min(first.span().end(), input.mapped().length()) - 1)));
                } else {
                    start = input.fileWord().start();
                    end = input.fileWord().end();
                }
                boolean shared = site.context().isShared();
                findings.at(site.file(), start, end)
                        .severity(shared ? Severity.ERROR : Severity.WARNING)
                        .message("`" + call.name() + "` in " + site.where() + " runs " + what
                                + (input.sqlFile() != null ? " from " + input.sqlFile().path() : "")
                                + (shared ? " in " + site.context().label() : "")
                                + ": a schema change outside the migration history")
                        .fix("write the change as a migration (`prisma migrate dev --name <descriptive_name>`, or "
                                + "`--create-only` and paste the SQL), commit it, and let `prisma migrate deploy` apply it")
                        .key(call.name() + " " + what)
                        .report();
            }
        }
    }

    /** JavaScript runtimes whose inline code ({@code -e}, {@code eval}, a here-document on stdin) is read for SQL. */
    private static final java.util.Set<String> JS_RUNTIMES = java.util.Set.of("node", "bun", "deno", "tsx", "ts-node");

    /**
     * DDL that JavaScript written inline in the command runs: {@code node -e "..."}, {@code node --eval},
     * {@code node -p}, {@code bun -e}, {@code deno eval "..."}, {@code tsx -e}, and {@code node <<EOF} or
     * {@code node - <<EOF} (the here-document is the program).
     */
    private static void checkInlineScript(CommandSite site, SqlDialect dialect, Findings findings) {
        List<Word> w = CommandWords.unwrap(site.command().words());
        if (w.isEmpty() || !JS_RUNTIMES.contains(CommandWords.basename(w.get(0).text()))) {
            return;
        }
        String runtime = CommandWords.basename(w.get(0).text());
        List<MappedText> programs = new ArrayList<>();
        boolean operand = false;
        for (int i = 1; i < w.size(); i++) {
            String t = w.get(i).text();
            if ((t.equals("-e") || t.equals("--eval") || t.equals("-p") || t.equals("--print")
                    || runtime.equals("deno") && t.equals("eval") && !operand) && i + 1 < w.size()) {
                programs.add(w.get(i + 1).value());
                i++;
                operand = true;
            } else if (t.startsWith("--eval=") || t.startsWith("--print=")) {
                programs.add(w.get(i).value().slice(t.indexOf('=') + 1, t.length()));
                operand = true;
            } else if (!t.startsWith("-") || t.equals("-")) {
                if (!t.equals("-")) {
                    operand = true;
                }
                break;
            }
        }
        if (!operand) {
            for (HereDoc doc : site.command().hereDocs()) {
                programs.add(doc.body());
            }
        }
        for (MappedText program : programs) {
            if (program.length() == 0) {
                continue;
            }
            SourceFile code = new SourceFile(site.path(), program.text());
            for (EmbeddedSql call : JsSqlCalls.find(code)) {
                SqlScript script = SchemaChanges.parse(site.path(), call.sql(), dialect);
                List<SqlStatement> changes = SchemaChanges.of(script);
                if (changes.isEmpty()) {
                    continue;
                }
                String what = SchemaChanges.summary(script, changes);
                int start = program.start(Math.min(call.start(), program.length() - 1));
                int end = Math.max(start, program.end(Math.max(0, Math.min(call.end(), program.length()) - 1)));
                boolean shared = site.context().isShared();
                findings.at(site.file(), start, end)
                        .severity(shared ? Severity.ERROR : Severity.WARNING)
                        .message("the " + runtime + " script written inline in " + site.where() + " runs " + what
                                + " through " + call.api() + (shared ? " in " + site.context().label() : "")
                                + ": a schema change outside the migration history")
                        .fix("write the change as a migration (`prisma migrate dev --name <descriptive_name>`, or "
                                + "`--create-only` and paste the SQL), commit it, and let `prisma migrate deploy` apply it")
                        .key(runtime + " " + call.api() + " " + what)
                        .report();
            }
        }
    }

    private static SqlDialect dialect(String tool, SqlDialect repositoryDialect) {
        return switch (tool) {
            case "psql", "pgcli" -> SqlDialect.POSTGRESQL;
            case "mysql", "mariadb", "mycli" -> SqlDialect.MYSQL;
            case "sqlite3", "sqlite" -> SqlDialect.SQLITE;
            case "sqlcmd" -> SqlDialect.SQLSERVER;
            case "cockroach" -> SqlDialect.COCKROACHDB;
            case "prisma" -> repositoryDialect;
            default -> null;
        };
    }

    private static List<SqlInput> inputs(ToolCall call, CommandSite site, Snapshot snapshot) {
        List<Word> args = call.arguments();
        List<SqlInput> out = new ArrayList<>();
        boolean readsStdin = switch (call.name()) {
            case "prisma" -> args.stream().anyMatch(w -> w.text().equals("--stdin"));
            case "sqlcmd" -> false;
            default -> true;
        };
        if (call.name().equals("prisma") && !(args.size() >= 2 && args.get(0).text().equals("db")
                && args.get(1).text().equals("execute"))) {
            return out;
        }
        boolean sawInline = false;
        List<Word> positional = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            Word w = args.get(i);
            String t = w.text();
            Word next = i + 1 < args.size() ? args.get(i + 1) : null;
            String inlineOption = inlineOption(call.name(), t);
            String fileOption = fileOption(call.name(), t);
            if (inlineOption != null) {
                Word sqlWord = t.equals(inlineOption) ? next : null;
                if (sqlWord != null) {
                    out.add(new SqlInput(sqlWord.text(), sqlWord.value(), null, null));
                    i++;
                } else if (t.length() > inlineOption.length()) {
                    int skip = t.charAt(inlineOption.length()) == '=' ? inlineOption.length() + 1 : inlineOption.length();
                    out.add(new SqlInput(t.substring(skip), w.value().slice(skip, t.length()), null, null));
                }
                sawInline = true;
            } else if (fileOption != null) {
                Word fileWord = t.equals(fileOption) ? next : w;
                String name = t.equals(fileOption) ? (next == null ? null : next.text())
                        : t.substring(fileOption.length() + (t.charAt(fileOption.length()) == '=' ? 1 : 0));
                if (name != null) {
                    resolve(snapshot, site.path(), name).ifPresent(f -> out.add(new SqlInput(f.text(), null, fileWord, f)));
                }
                if (t.equals(fileOption)) {
                    i++;
                }
                sawInline = true;
            } else if (!t.startsWith("-")) {
                positional.add(w);
            }
        }
        // sqlite3 DB "SQL": the words after the database are statements.
        if (call.name().startsWith("sqlite") && positional.size() >= 2) {
            for (Word w : positional.subList(1, positional.size())) {
                out.add(new SqlInput(w.text(), w.value(), null, null));
            }
            sawInline = true;
        }
        if (!sawInline && readsStdin) {
            for (HereDoc doc : site.command().hereDocs()) {
                out.add(new SqlInput(doc.body().text(), doc.body(), null, null));
            }
        }
        return out;
    }

    /** The option that takes inline SQL for a tool ({@code -c} for psql), if {@code word} is or starts with it. */
    private static String inlineOption(String tool, String word) {
        List<String> options = switch (tool) {
            case "psql", "pgcli" -> List.of("--command", "-c");
            case "mysql", "mariadb", "mycli" -> List.of("--execute", "-e");
            case "sqlcmd" -> List.of("-Q", "-q");
            case "sqlite3", "sqlite" -> List.of("-cmd");
            case "cockroach" -> List.of("--execute", "-e");
            default -> List.of();
        };
        return matchOption(options, word);
    }

    private static String fileOption(String tool, String word) {
        List<String> options = switch (tool) {
            case "psql", "pgcli" -> List.of("--file", "-f");
            case "sqlcmd" -> List.of("-i");
            case "prisma" -> List.of("--file");
            default -> List.of();
        };
        return matchOption(options, word);
    }

    private static String matchOption(List<String> options, String word) {
        for (String o : options) {
            if (word.equals(o) || word.startsWith(o + "=") || (!o.startsWith("--") && o.length() == 2 && word.startsWith(o)
                    && word.length() > 2)) {
                return o;
            }
        }
        return null;
    }

    /** A SQL file a command names: relative to the repository root, or to the folder of the file holding the command. */
    private static Optional<SourceFile> resolve(Snapshot snapshot, String scriptPath, String name) {
        String clean = name.startsWith("./") ? name.substring(2) : name;
        if (snapshot.contains(clean)) {
            return snapshot.read(clean);
        }
        int slash = scriptPath.lastIndexOf('/');
        if (slash > 0) {
            String beside = java.nio.file.Path.of(scriptPath.substring(0, slash)).resolve(clean).normalize().toString()
                    .replace('\\', '/');
            if (snapshot.contains(beside)) {
                return snapshot.read(beside);
            }
        }
        return Optional.empty();
    }
}
