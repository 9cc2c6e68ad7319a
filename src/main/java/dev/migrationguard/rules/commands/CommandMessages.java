package dev.migrationguard.rules.commands;

import dev.migrationguard.rules.Findings;
import dev.migrationguard.rules.Severity;
import dev.migrationguard.scripts.CommandSite;
import dev.migrationguard.scripts.ScriptContext;

/** The wording and facts every command rule attaches: where the command runs and how it is reached. */
final class CommandMessages {
    private CommandMessages() {
    }

    /** "runs in CI, where", "runs on deploy, where", or "" for a developer machine. */
    static String runsIn(CommandSite site) {
        return switch (site.context()) {
            case CI -> " runs in CI, where it";
            case DEPLOY -> " runs on deploy, where it";
            case LOCAL -> "";
        };
    }

    /** Error where a shared database is touched, warning on a developer's machine. */
    static Severity severity(ScriptContext context) {
        return context.isShared() ? Severity.ERROR : Severity.WARNING;
    }

    /**
     * Adds the context and chain as properties for machine outputs, and the fingerprint key: what was matched and the
     * whole command, which survive lines and steps inserted above (a step's position would not).
     */
    static Findings.Builder describe(Findings.Builder finding, CommandSite site, String matched) {
        finding.property("context", site.context().name().toLowerCase(java.util.Locale.ROOT))
                .property("origin", site.origin())
                .key(matched + " in " + site.command());
        if (!site.reachedFrom().isEmpty()) {
            finding.property("chain", String.join(" -> ", site.reachedFrom()));
        }
        return finding;
    }
}
