package dev.migrationguard.rules.commands;

import dev.migrationguard.rules.Findings;
import dev.migrationguard.rules.Inputs;
import dev.migrationguard.rules.Rule;
import dev.migrationguard.rules.RuleContext;
import dev.migrationguard.rules.RuleInputs;
import dev.migrationguard.scripts.CommandSite;
import dev.migrationguard.scripts.CommandSites;
import dev.migrationguard.rules.Severity;
import dev.migrationguard.scripts.AgentPermissions;
import dev.migrationguard.scripts.MappedText;
import dev.migrationguard.scripts.PrismaCommand;
import dev.migrationguard.scripts.ScriptCall;
import dev.migrationguard.scripts.ShellParser;
import dev.migrationguard.scripts.ShellScript;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code prisma db push} in any script: error where it runs against shared databases, warning locally; and a note
 * where a coding agent's permission file lets the agent run {@code db push} or {@code migrate reset} unasked.
 */
public final class PrismaDbPush implements Rule {
    public static final String ID = "prisma-db-push";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public RuleInputs inputs() {
        return RuleInputs.commandChain(Inputs.SCRIPTS.or((path, change) -> AgentPermissions.mayRead(path)));
    }

    @Override
    public void check(RuleContext context, Findings findings) {
        for (CommandSite site : context.snapshot().model(CommandSites.KEY)) {
            PrismaCommand prisma = PrismaCommand.of(site.command()).orElse(null);
            if (prisma == null || prisma.help() || !prisma.is("db", "push")) {
                continue;
            }
            String where = site.where();
            String message = site.context().isShared()
                    ? "`prisma db push` in " + where + CommandMessages.runsIn(site)
                            + " changes the database schema without a migration file."
                    : "`prisma db push` in " + where + " changes the database schema without a migration file.";
            String fix = site.context().isShared()
                    ? "Create a migration with `prisma migrate dev --name <descriptive_name>` on a development machine, "
                            + "commit it, and apply it here with `prisma migrate deploy`."
                    : "Use `prisma migrate dev --name <descriptive_name>` to create a migration and commit it; "
                            + "deploys then apply it with `prisma migrate deploy`.";
            CommandMessages.describe(findings.at(site.file(), prisma.subcommandStart(), prisma.subcommandEnd()), site,
                            "db push")
                    .message(message)
                    .fix(fix)
                    .severity(CommandMessages.severity(site.context()))
                    .report();
        }
        checkAgentPermissions(context, findings);
    }

    /**
     * A note for each rule of a coding agent's permission file that lets the agent run {@code prisma db push} or
     * {@code prisma migrate reset} unasked (itself or through a package script), unless a deny or ask rule of the
     * same agent beside it takes the command back.
     */
    private static void checkAgentPermissions(RuleContext context, Findings findings) {
        List<AgentPermissions.Entry> entries = context.snapshot().model(AgentPermissions.KEY);
        List<CommandSite> sites = context.snapshot().model(CommandSites.KEY);
        for (AgentPermissions.Entry entry : entries) {
            if (entry.decision() != AgentPermissions.Decision.ALLOW) {
                continue;
            }
            Set<String> allowed = new LinkedHashSet<>(AgentPermissions.schemaCommands(entry, false));
            String through = "";
            if (allowed.isEmpty()) {
                Optional<ScriptCall> call = scriptCall(entry.command());
                if (call.isPresent()) {
                    Optional<CommandSite> reached = PackageScripts.reached(sites, projectFolder(entry.file().path()),
                            call.get().pattern(), s -> schemaCommand(s) != null);
                    if (reached.isPresent()) {
                        allowed.add(schemaCommand(reached.get()));
                        through = " (script `" + call.get().pattern() + "` runs it)";
                    }
                }
            }
            for (AgentPermissions.Entry other : entries) {
                if (other.decision() != AgentPermissions.Decision.ALLOW && other.agent().equals(entry.agent())
                        && folder(other.file().path()).equals(folder(entry.file().path()))) {
                    allowed.removeAll(AgentPermissions.schemaCommands(other, true));
                }
            }
            if (allowed.isEmpty()) {
                continue;
            }
            String commands = String.join(" and ", allowed.stream().map(c -> "`prisma " + c + "`").toList());
            findings.at(entry.file(), entry.start(), entry.end())
                    .severity(Severity.NOTE)
                    .message("`" + entry.rule() + "` lets " + entry.agent() + " run "
                            + commands + through + " without asking, so a coding agent can change or drop the "
                            + "database schema outside the migration history.")
                    .fix("Narrow the rule, or take these commands back with a deny or ask rule (for Claude Code: "
                            + "`\"deny\": [\"Bash(npx prisma db push:*)\", \"Bash(npx prisma migrate reset:*)\"]`); "
                            + "let the agent write migrations with `prisma migrate dev --create-only --name <name>` "
                            + "for a person to review.")
                    .key("agent permission " + entry.agent() + " " + entry.rule())
                    .property("agent", entry.agent())
                    .report();
        }
    }

    private static Optional<ScriptCall> scriptCall(String command) {
        String c = command.strip();
        if (c.contains("*")) {
            return Optional.empty();
        }
        ShellScript script = ShellParser.parse(MappedText.identity(c, 0, c.length()));
        return script.commands().isEmpty() ? Optional.empty()
                : ScriptCall.of(script.commands().get(0)).stream().filter(call -> !call.pattern().contains("*")).findFirst();
    }

    /** {@code db push} or {@code migrate reset} when a site runs one of them. */
    private static String schemaCommand(CommandSite site) {
        PrismaCommand prisma = PrismaCommand.of(site.command()).orElse(null);
        if (prisma == null || prisma.help()) {
            return null;
        }
        for (List<String> target : AgentPermissions.SCHEMA_COMMANDS) {
            if (prisma.is(target.toArray(String[]::new))) {
                return String.join(" ", target);
            }
        }
        return null;
    }

    private static String folder(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash + 1);
    }

    /** The project a permission file belongs to: the folder holding {@code .claude/}, {@code .vscode/}, ... */
    private static String projectFolder(String path) {
        String dir = folder(path);
        if (dir.endsWith("/.claude/") || dir.endsWith("/.cursor/") || dir.endsWith("/.gemini/")
                || dir.endsWith("/.vscode/") || dir.equals(".claude/") || dir.equals(".cursor/")
                || dir.equals(".gemini/") || dir.equals(".vscode/")) {
            return folder(dir.substring(0, dir.length() - 1));
        }
        return dir;
    }
}
