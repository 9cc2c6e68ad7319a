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
import java.util.Optional;

/**
 * {@code prisma migrate resolve --applied|--rolled-back} run by CI, a Dockerfile or a deploy script: it marks a
 * migration as done (or undone) in {@code _prisma_migrations} on every run, so a failed migration is hidden instead
 * of fixed. Silent on a developer's machine, where resolving one incident by hand is what Prisma documents.
 */
public final class PrismaMigrateResolveInDeploy implements Rule {
    public static final String ID = "prisma-migrate-resolve-in-deploy";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public RuleInputs inputs() {
        return RuleInputs.repository(Inputs.SCRIPTS);
    }

    @Override
    public void check(RuleContext context, Findings findings) {
        for (CommandSite site : context.snapshot().model(CommandSites.KEY)) {
            if (!site.context().isShared()) {
                continue;
            }
            PrismaCommand prisma = PrismaCommand.of(site.command()).orElse(null);
            if (prisma == null || prisma.help() || !prisma.is("migrate", "resolve")) {
                continue;
            }
            Optional<Word> applied = prisma.option("--applied");
            Word flag = applied.or(() -> prisma.option("--rolled-back")).orElse(null);
            if (flag == null) {
                continue;
            }
            String name = flag.text().contains("=") ? flag.text().substring(0, flag.text().indexOf('=')) : flag.text();
            String effect = applied.isPresent()
                    ? " records a migration as applied without running it, so a migration that failed or never ran "
                            + "is hidden and the schema no longer matches the history."
                    : " marks a failed migration as rolled back on every run, so the failure is cleared instead of "
                            + "fixed and the next deploy reruns it on a database it may have half changed.";
            String matched = "migrate resolve " + name;
            CommandMessages.describe(findings.at(site.file(), prisma.subcommandStart(), flag.end()), site, matched)
                    .message("`prisma " + matched + "` in " + site.where() + CommandMessages.runsIn(site) + effect)
                    .fix("Remove it from the automated step and let `prisma migrate deploy` fail loudly; resolve a "
                            + "failed migration once, by hand, after fixing the database (see "
                            + "`prisma migrate resolve` in Prisma's docs on patching production).")
                    .severity(Severity.ERROR)
                    .report();
        }
    }
}
