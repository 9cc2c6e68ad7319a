package dev.migrationguard.rules.commands;

import dev.migrationguard.rules.Findings;
import dev.migrationguard.rules.Inputs;
import dev.migrationguard.rules.Rule;
import dev.migrationguard.rules.RuleContext;
import dev.migrationguard.rules.RuleInputs;
import dev.migrationguard.scripts.CommandSite;
import dev.migrationguard.scripts.CommandSites;
import dev.migrationguard.scripts.FailureHandling;
import dev.migrationguard.scripts.PrismaCommand;
import dev.migrationguard.scripts.ScriptCall;
import dev.migrationguard.scripts.Word;
import java.util.List;
import java.util.Optional;

/**
 * {@code prisma migrate deploy} or a {@code prisma migrate diff --exit-code} drift gate whose failure the script
 * drops ({@code || true}, {@code || echo}, {@code ; true}, {@code set +e}), directly or through a package script
 * ({@code npm run db:deploy || true}): error in CI and deploys, warning locally.
 */
public final class MigrationFailureIgnored implements Rule {
    public static final String ID = "migration-failure-ignored";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public RuleInputs inputs() {
        return RuleInputs.repository(Inputs.SCRIPTS);
    }

    /** The migration command a site runs, and the words to point at. */
    private record Gate(String command, int start, int end, boolean drift) {
    }

    @Override
    public void check(RuleContext context, Findings findings) {
        List<CommandSite> sites = context.snapshot().model(CommandSites.KEY);
        for (CommandSite site : sites) {
            Gate gate = gate(site, sites);
            if (gate == null) {
                continue;
            }
            FailureHandling.Ignored ignored = FailureHandling.of(site).orElse(null);
            if (ignored == null) {
                continue;
            }
            String what = gate.drift() ? "the drift check `" + gate.command() + "`" : "`" + gate.command() + "`";
            String how = switch (ignored.way()) {
                case FALLBACK -> "`" + ignored.text() + "` turns its failure into success";
                case NO_OP_AFTER -> "`" + ignored.text() + "` after it makes the script succeed when it fails";
                case ERREXIT_OFF -> "`" + ignored.text() + "` before it lets the script go on when it fails, and "
                        + "nothing reads `$?`";
            };
            String outcome = gate.drift()
                    ? ": drift between the schema and the migrations passes the gate unseen."
                    : ": a failed migration goes unnoticed and the code runs against a schema it does not expect.";
            String fix = gate.drift()
                    ? "Let the exit code fail the step (drop the fallback); to report and fail, write "
                            + "`|| { echo \"schema drift\"; exit 1; }`."
                    : "Let the failure stop the deploy: drop the fallback (or `set -e` again), or report and fail with "
                            + "`|| { echo \"migration failed\"; exit 1; }`; then fix the migration and deploy again.";
            CommandMessages.describe(findings.at(site.file(), gate.start(), gate.end()), site,
                            gate.command() + " " + ignored.text())
                    .message(what + " in " + site.where() + switch (site.context()) {
                        case CI -> " runs in CI, but ";
                        case DEPLOY -> " runs on deploy, but ";
                        case LOCAL -> ": ";
                    } + how + outcome)
                    .fix(fix)
                    .severity(CommandMessages.severity(site.context()))
                    .report();
        }
    }

    /** The migration command of a site: Prisma's own, or a package script that runs one. */
    private static Gate gate(CommandSite site, List<CommandSite> sites) {
        PrismaCommand prisma = PrismaCommand.of(site.command()).orElse(null);
        if (prisma != null) {
            return prismaGate(prisma);
        }
        for (ScriptCall call : ScriptCall.of(site.command())) {
            // a script that handles its own failure (`prisma migrate deploy || exit 1`) still fails the caller
            Optional<Gate> reached = PackageScripts.reached(sites, site.directory(), call.pattern(),
                    s -> gateOf(s) != null && FailureHandling.of(s).isEmpty()).map(MigrationFailureIgnored::gateOf);
            if (reached.isPresent()) {
                Word w = call.word();
                return new Gate(reached.get().command(), w.start(), w.end(), reached.get().drift());
            }
        }
        return null;
    }

    private static Gate prismaGate(PrismaCommand prisma) {
        if (prisma.help()) {
            return null;
        }
        if (prisma.is("migrate", "deploy")) {
            return new Gate("prisma migrate deploy", prisma.subcommandStart(), prisma.subcommandEnd(), false);
        }
        if (prisma.is("migrate", "diff") && prisma.option("--exit-code").isPresent()) {
            return new Gate("prisma migrate diff --exit-code", prisma.subcommandStart(), prisma.subcommandEnd(), true);
        }
        return null;
    }

    private static Gate gateOf(CommandSite site) {
        return PrismaCommand.of(site.command()).map(MigrationFailureIgnored::prismaGate).orElse(null);
    }
}
