package dev.migrationguard.cli;

import dev.migrationguard.config.Config;
import dev.migrationguard.rules.Rule;
import java.util.List;
import java.util.Set;

/** Which rules run: all, minus those the config turns off, plus {@code --enable}, minus {@code --disable}. */
final class RuleSelection {
    private RuleSelection() {
    }

    static List<Rule> select(List<Rule> all, Config config, List<String> enable, List<String> disable) {
        Set<String> known = all.stream().map(Rule::id).collect(java.util.stream.Collectors.toSet());
        for (String id : enable) {
            check(known, id, "--enable");
        }
        for (String id : disable) {
            check(known, id, "--disable");
        }
        return all.stream()
                .filter(r -> enable.contains(r.id()) || config.rule(r.id()).map(Config.RuleSetting::enabled).orElse(true))
                .filter(r -> !disable.contains(r.id()))
                .toList();
    }

    private static void check(Set<String> known, String id, String option) {
        if (!known.contains(id)) {
            throw new UsageException("unknown rule '" + id + "' in " + option + " (run `migration-guard rules` to list them)");
        }
    }
}
