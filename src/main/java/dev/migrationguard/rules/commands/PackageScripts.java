package dev.migrationguard.rules.commands;

import dev.migrationguard.scripts.CommandSite;
import dev.migrationguard.scripts.ScriptCall;
import dev.migrationguard.scripts.ScriptKind;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/** Follows a call of a package script ({@code npm run db:deploy}) to the commands it runs, for command rules. */
final class PackageScripts {
    /** Scripts followed from a call, at most this deep. */
    private static final int MAX_DEPTH = 6;

    private PackageScripts() {
    }

    /**
     * The first command matching {@code wanted} that the script {@code script} of {@code directory}'s package.json
     * runs, itself or through the scripts it calls.
     */
    static Optional<CommandSite> reached(List<CommandSite> sites, String directory, String script,
                                         Predicate<CommandSite> wanted) {
        return reached(sites, directory + "package.json", script, wanted, new HashSet<>(), 0);
    }

    private static Optional<CommandSite> reached(List<CommandSite> sites, String packageJson, String script,
                                                 Predicate<CommandSite> wanted, Set<String> seen, int depth) {
        if (depth > MAX_DEPTH || !seen.add(script)) {
            return Optional.empty();
        }
        String origin = "script `" + script + "`";
        for (CommandSite s : sites) {
            if (s.kind() != ScriptKind.PACKAGE_JSON || !s.path().equals(packageJson) || !s.origin().equals(origin)) {
                continue;
            }
            if (wanted.test(s)) {
                return Optional.of(s);
            }
            for (ScriptCall call : ScriptCall.of(s.command())) {
                Optional<CommandSite> deeper = reached(sites, packageJson, call.pattern(), wanted, seen, depth + 1);
                if (deeper.isPresent()) {
                    return deeper;
                }
            }
        }
        return Optional.empty();
    }
}
