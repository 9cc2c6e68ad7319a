package dev.migrationguard.scripts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A Prisma CLI invocation, however it is called ({@code prisma}, {@code npx prisma@5}, {@code pnpm dlx prisma},
 * {@code node_modules/.bin/prisma}, ...), with global options anywhere before or after the subcommand.
 *
 * @param call       the tool call it was read from
 * @param subcommand the command words: {@code [db, push]}, {@code [migrate, dev]}, {@code [generate]}
 * @param options    the option words ({@code --schema=x}, {@code --accept-data-loss}); option values are skipped
 * @param help       whether {@code --help}/{@code -h} was given: the command then only prints its usage
 */
public record PrismaCommand(ToolCall call, List<Word> subcommand, List<Word> options, boolean help) {

    /** Options that take the next word as their value when not written {@code --name=value}. */
    private static final Set<String> VALUED = Set.of("--schema", "--config", "--name", "-n", "--url",
            "--shadow-database-url", "--from-url", "--to-url", "--from-schema-datamodel", "--to-schema-datamodel",
            "--from-schema-datasource", "--to-schema-datasource", "--from-migrations", "--to-migrations",
            "--from-local-d1", "--to-local-d1", "--output", "--file", "--applied", "--rolled-back", "--generator",
            "--browser", "--port", "-p", "--datasource", "--telemetry-information", "--preview-feature");
    /** Commands that take a second command word. */
    private static final Set<String> GROUPS = Set.of("db", "migrate");

    public PrismaCommand {
        subcommand = List.copyOf(subcommand);
        options = List.copyOf(options);
    }

    /** The Prisma command this shell command runs, if it runs Prisma. */
    public static Optional<PrismaCommand> of(ShellCommand command) {
        return CommandWords.tool(command.words()).filter(t -> t.name().equals("prisma")).map(PrismaCommand::of);
    }

    static PrismaCommand of(ToolCall call) {
        List<Word> sub = new ArrayList<>();
        List<Word> options = new ArrayList<>();
        boolean help = false;
        List<Word> args = call.arguments();
        for (int i = 0; i < args.size(); i++) {
            Word w = args.get(i);
            String t = w.text();
            if (t.equals("--")) {
                // `npm exec prisma -- db push`: the runner's separator, not Prisma's
                continue;
            }
            if (t.startsWith("-") && t.length() > 1) {
                options.add(w);
                if (t.equals("--help") || t.equals("-h")) {
                    help = true;
                }
                if (VALUED.contains(t)) {
                    i++;
                }
            } else if (sub.isEmpty() || sub.size() == 1 && GROUPS.contains(sub.get(0).text())) {
                sub.add(w);
            }
        }
        return new PrismaCommand(call, sub, options, help);
    }

    /** Whether the command words are exactly these ({@code is("db", "push")}). */
    public boolean is(String... words) {
        if (subcommand.size() != words.length) {
            return false;
        }
        for (int i = 0; i < words.length; i++) {
            if (!subcommand.get(i).text().equals(words[i])) {
                return false;
            }
        }
        return true;
    }

    /** The option word {@code name} or {@code name=value}, if given. */
    public Optional<Word> option(String name) {
        return options.stream().filter(o -> o.text().equals(name) || o.text().startsWith(name + "=")).findFirst();
    }

    /** File offset of the first command word ({@code db} of {@code db push}). */
    public int subcommandStart() {
        return subcommand.get(0).start();
    }

    /** File offset just after the last command word. */
    public int subcommandEnd() {
        return subcommand.get(subcommand.size() - 1).end();
    }

    /** The command words joined: {@code db push}. */
    public String subcommandText() {
        return String.join(" ", subcommand.stream().map(Word::text).toList());
    }
}
