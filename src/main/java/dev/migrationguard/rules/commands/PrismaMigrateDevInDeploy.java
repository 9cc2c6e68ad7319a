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

/**
 * {@code prisma migrate dev} or {@code prisma migrate reset} where only {@code prisma migrate deploy} belongs: CI,
 * Dockerfiles, compose files, Procfiles, deploy/start scripts. Silent on a developer's machine, where both belong.
 */
public final class PrismaMigrateDevInDeploy implements Rule {
    public static final String ID = "prisma-migrate-dev-in-deploy";

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
            if (!site.context().isShared()) {
                continue;
            }
            PrismaCommand prisma = PrismaCommand.of(site.command()).orElse(null);
            if (prisma == null || prisma.help()) {
                continue;
            }
            String effect;
            if (prisma.is("migrate", "dev")) {
                effect = " can reset the database when it drifts, and creates migrations instead of applying the "
                        + "committed ones.";
            } else if (prisma.is("migrate", "reset")) {
                effect = " drops the database and every row in it before reapplying migrations.";
            } else {
                continue;
            }
            String matched = "migrate " + prisma.subcommand().get(1).text();
            CommandMessages.describe(findings.at(site.file(), prisma.subcommandStart(), prisma.subcommandEnd()), site,
                            matched)
                    .message("`prisma " + matched + "` in " + site.where() + CommandMessages.runsIn(site) + effect)
                    .fix("Run `prisma migrate deploy` here, which only applies committed migrations; keep `prisma "
                            + matched + "` for development machines.")
                    .severity(Severity.ERROR)
                    .report();
        }
    }
}
