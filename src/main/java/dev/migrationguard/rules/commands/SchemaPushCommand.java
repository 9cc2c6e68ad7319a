package dev.migrationguard.rules.commands;

import dev.migrationguard.rules.Findings;
import dev.migrationguard.rules.Inputs;
import dev.migrationguard.rules.Rule;
import dev.migrationguard.rules.RuleContext;
import dev.migrationguard.rules.RuleInputs;
import dev.migrationguard.scripts.CommandSite;
import dev.migrationguard.scripts.CommandSites;

/**
 * Other ORMs' schema push commands ({@code drizzle-kit push}, {@code typeorm schema:sync},
 * {@code mikro-orm schema:update --run}, {@code mikro-orm schema:fresh}): error in CI and deploys, warning locally.
 */
public final class SchemaPushCommand implements Rule {
    public static final String ID = "schema-push-command";

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
            dev.migrationguard.scripts.SchemaPushCommand push =
                    dev.migrationguard.scripts.SchemaPushCommand.of(site.command()).orElse(null);
            if (push == null) {
                continue;
            }
            String command = "`" + push.tool() + " " + push.action().text() + "`";
            String message = command + " in " + site.where() + CommandMessages.runsIn(site)
                    + " changes the database schema directly from the models, without a migration file.";
            CommandMessages.describe(findings.at(site.file(), push.action().start(), push.action().end()), site,
                            push.tool() + " " + push.action().text())
                    .message(message)
                    .fix("Generate a migration and commit it, then apply it where this runs: " + push.migrate() + ".")
                    .severity(CommandMessages.severity(site.context()))
                    .report();
        }
    }
}
