package dev.migrationguard.rules.commands;

import dev.migrationguard.rules.Findings;
import dev.migrationguard.rules.Inputs;
import dev.migrationguard.rules.Rule;
import dev.migrationguard.rules.RuleContext;
import dev.migrationguard.rules.RuleInputs;
import dev.migrationguard.rules.Severity;
import dev.migrationguard.scripts.CommandSite;
import dev.migrationguard.scripts.CommandSites;
import dev.migrationguard.scripts.PrismaCommand;
import dev.migrationguard.scripts.Word;

/** {@code --accept-data-loss} or {@code --force-reset} on any Prisma command, wherever it runs: error. */
public final class PrismaAcceptDataLoss implements Rule {
    public static final String ID = "prisma-accept-data-loss";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public RuleInputs inputs() {
        return RuleInputs.commandChain(Inputs.SCRIPTS);
    }

    @Override
    public void check(RuleContext context, Findings findings) {
        for (CommandSite site : context.snapshot().model(CommandSites.KEY)) {
            PrismaCommand prisma = PrismaCommand.of(site.command()).orElse(null);
            if (prisma == null || prisma.help()) {
                continue;
            }
            String command = prisma.subcommand().isEmpty() ? "prisma" : "prisma " + prisma.subcommandText();
            for (Word option : prisma.options()) {
                String flag = option.text().contains("=") ? option.text().substring(0, option.text().indexOf('='))
                        : option.text();
                String effect = switch (flag) {
                    case "--accept-data-loss" -> " lets `" + command
                            + "` drop columns and tables, with their data, without asking.";
                    case "--force-reset" -> " makes `" + command
                            + "` drop the whole database and recreate it from the schema.";
                    default -> null;
                };
                if (effect == null) {
                    continue;
                }
                CommandMessages.describe(findings.at(site.file(), option.start(), option.end()), site, flag)
                        .message("`" + flag + "` in " + site.where() + effect)
                        .fix("Remove `" + flag + "`; write the destructive change as a reviewed migration "
                                + "(`prisma migrate dev --create-only --name <descriptive_name>`), moving the data "
                                + "first, and apply it with `prisma migrate deploy`.")
                        .severity(Severity.ERROR)
                        .report();
            }
        }
    }
}
