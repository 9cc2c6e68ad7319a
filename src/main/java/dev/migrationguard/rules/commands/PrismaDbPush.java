package dev.migrationguard.rules.commands;

import dev.migrationguard.rules.Findings;
import dev.migrationguard.rules.Inputs;
import dev.migrationguard.rules.Rule;
import dev.migrationguard.rules.RuleContext;
import dev.migrationguard.rules.RuleInputs;
import dev.migrationguard.scripts.CommandSite;
import dev.migrationguard.scripts.CommandSites;
import dev.migrationguard.scripts.PrismaCommand;

/** {@code prisma db push} in any script: error where it runs against shared databases, warning locally. */
public final class PrismaDbPush implements Rule {
    public static final String ID = "prisma-db-push";

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
    }
}
