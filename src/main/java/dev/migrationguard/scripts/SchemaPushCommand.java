package dev.migrationguard.scripts;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A command of another ORM's CLI that changes the database schema directly from the models, without a migration
 * file: {@code drizzle-kit push} (and the older {@code push:pg}, {@code push:mysql}, {@code push:sqlite}),
 * {@code typeorm schema:sync} (also {@code typeorm-ts-node-commonjs} and {@code typeorm-ts-node-esm}),
 * {@code mikro-orm schema:update --run} and {@code mikro-orm schema:fresh}.
 *
 * @param call    the tool call
 * @param tool    the tool as users know it ({@code drizzle-kit}, {@code typeorm}, {@code mikro-orm})
 * @param action  the command word ({@code push}, {@code schema:sync}, ...)
 * @param migrate what to run instead, for the fix hint
 */
public record SchemaPushCommand(ToolCall call, String tool, Word action, String migrate) {

    private static final Pattern DRIZZLE_PUSH = Pattern.compile("push(:[a-z0-9]+)?");
    private static final Set<String> TYPEORM = Set.of("typeorm", "typeorm-ts-node-commonjs", "typeorm-ts-node-esm");
    private static final Set<String> MIKRO_ORM = Set.of("mikro-orm", "mikro-orm-esm", "@mikro-orm/cli");
    private static final Set<String> VALUED = Set.of("--config", "-c", "--dialect", "--schema", "--url", "--host",
            "--port", "--user", "--password", "--database", "--driver", "--tablesFilter", "--schemaFilter",
            "--extensionsFilter", "--dataSource", "-d", "--contextName", "--context");

    public static Optional<SchemaPushCommand> of(ShellCommand command) {
        Optional<ToolCall> found = CommandWords.tool(command.words());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ToolCall call = found.get();
        List<Word> args = call.arguments();
        Word action = null;
        boolean run = false;
        for (int i = 0; i < args.size(); i++) {
            String t = args.get(i).text();
            if (t.equals("--help") || t.equals("-h")) {
                return Optional.empty();
            }
            if (t.equals("--run") || t.equals("-r")) {
                run = true;
            } else if (t.startsWith("-")) {
                if (VALUED.contains(t)) {
                    i++;
                }
            } else if (action == null) {
                action = args.get(i);
            }
        }
        if (action == null) {
            return Optional.empty();
        }
        String a = action.text();
        if (call.name().equals("drizzle-kit") && DRIZZLE_PUSH.matcher(a).matches()) {
            return Optional.of(new SchemaPushCommand(call, "drizzle-kit", action,
                    "`drizzle-kit generate`, then `drizzle-kit migrate`"));
        }
        if (TYPEORM.contains(call.name()) && a.equals("schema:sync")) {
            return Optional.of(new SchemaPushCommand(call, "typeorm", action,
                    "`typeorm migration:generate`, then `typeorm migration:run`"));
        }
        if (MIKRO_ORM.contains(call.name()) && (a.equals("schema:update") && run || a.equals("schema:fresh"))) {
            return Optional.of(new SchemaPushCommand(call, "mikro-orm", action,
                    "`mikro-orm migration:create`, then `mikro-orm migration:up`"));
        }
        return Optional.empty();
    }
}
