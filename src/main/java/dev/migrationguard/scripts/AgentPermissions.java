package dev.migrationguard.scripts;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import dev.migrationguard.workspace.ModelKey;
import dev.migrationguard.workspace.SourceFile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The shell-command rules of coding agents' permission files, which let an agent run matching commands without
 * asking: Claude Code ({@code .claude/settings.json}, {@code .claude/settings.local.json}: {@code permissions.allow},
 * {@code ask}, {@code deny} with {@code Bash(...)}), Cursor CLI ({@code .cursor/cli.json}: {@code Shell(...)}), Gemini
 * CLI ({@code .gemini/settings.json}: {@code tools.allowed}/{@code tools.exclude} with {@code run_shell_command(...)}),
 * OpenCode ({@code opencode.json}: {@code permission.bash} patterns) and VS Code's agent mode
 * ({@code .vscode/settings.json}: {@code chat.tools.terminal.autoApprove}). Files that are not valid JSON (JSON with
 * comments and trailing commas is read) give no rules.
 */
public final class AgentPermissions {
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .build();
    private static final int MAX_DEPTH = 32;
    private static final List<String> VSCODE_KEYS = List.of("chat.tools.terminal.autoApprove",
            "chat.agent.terminal.allowList", "github.copilot.chat.agent.terminal.allowList");

    /** What a rule lets the agent do. */
    public enum Decision { ALLOW, ASK, DENY }

    /**
     * One rule about shell commands.
     *
     * @param file     the permission file
     * @param agent    the agent that reads it, for messages ({@code Claude Code})
     * @param start    file offset of the rule's string, quotes included
     * @param end      file offset just after it
     * @param rule     the rule as written ({@code Bash(npx prisma:*)})
     * @param command  the command pattern inside it ({@code npx prisma:*}; {@code *} for every command)
     * @param decision allow, ask or deny
     */
    public record Entry(SourceFile file, String agent, int start, int end, String rule, String command,
                        Decision decision) {
    }

    /** Every shell rule of the snapshot's permission files. */
    public static final ModelKey<List<Entry>> KEY = ModelKey.of("agent permission rules", snapshot -> {
        List<Entry> out = new ArrayList<>();
        for (String path : snapshot.paths()) {
            if (mayRead(path)) {
                snapshot.read(path).ifPresent(file -> out.addAll(read(file)));
            }
        }
        return List.copyOf(out);
    });

    private AgentPermissions() {
    }

    /** The agent reading a file at this path, if it is a permission file. */
    static Optional<String> agentOf(String path) {
        String p = "/" + path;
        if (p.endsWith("/.claude/settings.json") || p.endsWith("/.claude/settings.local.json")) {
            return Optional.of("Claude Code");
        }
        if (p.endsWith("/.cursor/cli.json")) {
            return Optional.of("Cursor");
        }
        if (p.endsWith("/.gemini/settings.json")) {
            return Optional.of("Gemini CLI");
        }
        if (p.endsWith("/opencode.json") || p.endsWith("/opencode.jsonc")) {
            return Optional.of("OpenCode");
        }
        if (p.endsWith("/.vscode/settings.json")) {
            return Optional.of("VS Code's agent mode");
        }
        return Optional.empty();
    }

    public static boolean mayRead(String path) {
        return agentOf(path).isPresent();
    }

    static List<Entry> read(SourceFile file) {
        String agent = agentOf(file.path()).orElseThrow();
        List<Entry> out = new ArrayList<>();
        try (JsonParser p = JSON.createParser(file.text())) {
            if (p.nextToken() == JsonToken.START_OBJECT) {
                walk(p, new ArrayList<>(), 0, file, agent, out);
            }
        } catch (IOException | RuntimeException unreadable) {
            // not JSON: the agent cannot read it either
            return List.of();
        }
        return out;
    }

    /** Walks the value the parser stands on, with the field names leading to it. */
    private static void walk(JsonParser p, List<String> path, int depth, SourceFile file, String agent,
                             List<Entry> out) throws IOException {
        JsonToken t = p.currentToken();
        if (depth > MAX_DEPTH) {
            p.skipChildren();
            return;
        }
        if (t == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                int nameAt = (int) p.currentTokenLocation().getCharOffset();
                p.nextToken();
                List<String> child = new ArrayList<>(path);
                child.add(name);
                keyed(p, child, nameAt, file, agent, out);
                walk(p, child, depth + 1, file, agent, out);
            }
        } else if (t == JsonToken.START_ARRAY) {
            while (p.nextToken() != JsonToken.END_ARRAY && p.currentToken() != null) {
                if (p.currentToken() == JsonToken.VALUE_STRING) {
                    listed(p, path, file, agent, out);
                }
                walk(p, path, depth + 1, file, agent, out);
            }
        }
    }

    /** A rule written as a list item: {@code "permissions": {"allow": ["Bash(...)"]}}. */
    private static void listed(JsonParser p, List<String> path, SourceFile file, String agent, List<Entry> out)
            throws IOException {
        String list = String.join(".", path);
        Decision decision = switch (agent) {
            case "Claude Code" -> switch (list) {
                case "permissions.allow" -> Decision.ALLOW;
                case "permissions.ask" -> Decision.ASK;
                case "permissions.deny" -> Decision.DENY;
                default -> null;
            };
            case "Cursor" -> switch (list) {
                case "permissions.allow" -> Decision.ALLOW;
                case "permissions.deny" -> Decision.DENY;
                default -> null;
            };
            case "Gemini CLI" -> switch (list) {
                case "tools.allowed", "allowedTools" -> Decision.ALLOW;
                case "tools.exclude", "excludeTools" -> Decision.DENY;
                default -> null;
            };
            default -> null;
        };
        if (decision == null) {
            return;
        }
        String rule = p.getText();
        String tool = switch (agent) {
            case "Claude Code" -> "Bash";
            case "Cursor" -> "Shell";
            default -> rule.startsWith("ShellTool") ? "ShellTool" : "run_shell_command";
        };
        String command;
        if (rule.equals(tool)) {
            command = "*";
        } else if (rule.startsWith(tool + "(") && rule.endsWith(")")) {
            command = rule.substring(tool.length() + 1, rule.length() - 1).strip();
        } else {
            return;
        }
        add(file, agent, (int) p.currentTokenLocation().getCharOffset(), rule, command, decision, out);
    }

    /** A rule written as a key: OpenCode's {@code "bash": {"npx prisma *": "allow"}}, VS Code's {@code {"cmd": true}}. */
    private static void keyed(JsonParser p, List<String> path, int nameAt, SourceFile file, String agent,
                              List<Entry> out) throws IOException {
        JsonToken value = p.currentToken();
        int size = path.size();
        if (agent.equals("OpenCode") && size >= 2 && path.get(size - 2).equals("bash")
                && (size == 3 && path.get(0).equals("permission") || size == 5 && path.get(2).equals("permission"))
                && value == JsonToken.VALUE_STRING) {
            // permission.bash, or agent.<name>.permission.bash
            Decision d = decision(p.getText());
            if (d != null) {
                add(file, agent, nameAt, path.get(size - 1), path.get(size - 1), d, out);
            }
        } else if (agent.equals("OpenCode") && size == 2 && path.get(0).equals("permission") && path.get(1).equals("bash")
                && value == JsonToken.VALUE_STRING) {
            Decision d = decision(p.getText());
            if (d != null) {
                add(file, agent, nameAt, "bash", "*", d, out);
            }
        } else if (agent.equals("VS Code's agent mode") && size == 2 && VSCODE_KEYS.contains(path.get(0))
                && (value == JsonToken.VALUE_TRUE || value == JsonToken.VALUE_FALSE)) {
            String key = path.get(1);
            if (!(key.startsWith("/") && key.length() > 1 && key.lastIndexOf('/') > 0)) {
                // keys written /.../ are regular expressions, which this reading does not evaluate
                add(file, agent, nameAt, key, key, value == JsonToken.VALUE_TRUE ? Decision.ALLOW : Decision.DENY, out);
            }
        }
    }

    /** The Prisma commands an agent must not run unasked: they change or drop the schema without a migration. */
    public static final List<List<String>> SCHEMA_COMMANDS = List.of(List.of("db", "push"), List.of("migrate", "reset"));
    /** How a command pattern may start when a glob is written inside it ({@code npx prisma * push}). */
    private static final List<String> RUNNERS = List.of("prisma", "npx prisma", "pnpm prisma", "yarn prisma",
            "bunx prisma", "bun x prisma", "pnpm dlx prisma", "pnpm exec prisma", "npm exec prisma", "npx prisma@latest");

    /**
     * The Prisma commands of {@link #SCHEMA_COMMANDS} ({@code db push}, {@code migrate reset}) that an entry's
     * command pattern matches: the command itself, or a prefix of it with a wildcard ({@code npx prisma:*},
     * {@code prisma db *}; Cursor and VS Code match every rule as a prefix). A pattern for every command
     * ({@code Bash}, {@code *}) matches them only when {@code everything} is set, for deny and ask rules.
     */
    public static List<String> schemaCommands(Entry entry, boolean everything) {
        String c = entry.command().strip();
        boolean prefix = entry.agent().equals("Cursor") || entry.agent().equals("VS Code's agent mode");
        if (c.equals("*") || c.equals(":*") || c.isEmpty()) {
            return everything ? SCHEMA_COMMANDS.stream().map(w -> String.join(" ", w)).toList() : List.of();
        }
        if (c.endsWith(":*")) {
            c = c.substring(0, c.length() - 2).strip();
            prefix = true;
        } else if (c.endsWith("*")) {
            c = c.substring(0, c.length() - 1).strip();
            prefix = true;
        }
        List<String> out = new ArrayList<>();
        if (c.contains("*")) {
            String regex = java.util.Arrays.stream(c.split("\\*", -1)).map(java.util.regex.Pattern::quote)
                    .reduce((a, b) -> a + ".*" + b).orElse("") + (prefix ? ".*" : "");
            for (List<String> target : SCHEMA_COMMANDS) {
                for (String runner : RUNNERS) {
                    if ((runner + " " + String.join(" ", target)).matches(regex)) {
                        out.add(String.join(" ", target));
                        break;
                    }
                }
            }
            return out;
        }
        ShellScript script = ShellParser.parse(MappedText.identity(c, 0, c.length()));
        if (script.commands().isEmpty()) {
            return out;
        }
        PrismaCommand prisma = PrismaCommand.of(script.commands().get(0)).orElse(null);
        if (prisma == null || prisma.help()) {
            return out;
        }
        for (List<String> target : SCHEMA_COMMANDS) {
            List<String> sub = prisma.subcommand().stream().map(Word::text).toList();
            boolean matches = prefix ? sub.size() <= target.size() && target.subList(0, sub.size()).equals(sub)
                    : sub.equals(target);
            if (matches) {
                out.add(String.join(" ", target));
            }
        }
        return out;
    }

    private static Decision decision(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "allow" -> Decision.ALLOW;
            case "ask" -> Decision.ASK;
            case "deny" -> Decision.DENY;
            default -> null;
        };
    }

    private static void add(SourceFile file, String agent, int quote, String rule, String command, Decision decision,
                            List<Entry> out) {
        MappedText raw = JsonStrings.decode(file.text(), quote);
        if (raw == null) {
            return;
        }
        int end = raw.length() == 0 ? quote + 2 : raw.end(raw.length() - 1) + 1;
        out.add(new Entry(file, agent, quote, Math.min(end, file.text().length()), rule, command, decision));
    }
}
