package dev.migrationguard.config;

import dev.migrationguard.rules.RuleOptions;
import dev.migrationguard.rules.Severity;
import dev.migrationguard.workspace.AbstractSnapshot;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The settings of {@code .migration-guard.yml}.
 *
 * @param source       where they were read from ("defaults" when there is no file)
 * @param rules        per-rule settings by rule id
 * @param ignore       globs of paths never read
 * @param paths        globs of paths read even though git ignores them or they sit in a skipped folder
 * @param maxFileBytes files above this size are skipped with a note
 */
public record Config(String source, Map<String, RuleSetting> rules, List<String> ignore, List<String> paths,
                     long maxFileBytes) {

    public Config {
        rules = Map.copyOf(rules);
        ignore = List.copyOf(ignore);
        paths = List.copyOf(paths);
    }

    public static Config defaults() {
        return new Config("defaults", Map.of(), List.of(), List.of(), AbstractSnapshot.DEFAULT_MAX_FILE_BYTES);
    }

    /** The setting for a rule, or none. */
    public Optional<RuleSetting> rule(String id) {
        return Optional.ofNullable(rules.get(id));
    }

    /**
     * One rule's settings.
     *
     * @param enabled  false when the config says {@code off}
     * @param severity a severity that replaces the rule's own judgement, if set
     * @param options  the rule's own options
     * @param line     the line of the rule's key, for messages
     */
    public record RuleSetting(boolean enabled, Optional<Severity> severity, RuleOptions options, int line) {
    }
}
