package dev.migrationguard.config;

import dev.migrationguard.rules.RuleOptions;
import dev.migrationguard.rules.Severity;
import dev.migrationguard.workspace.AbstractSnapshot;
import dev.migrationguard.workspace.Glob;
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
 * @param overrides    per-path rule settings, in file order (a later one wins where several match)
 */
public record Config(String source, Map<String, RuleSetting> rules, List<String> ignore, List<String> paths,
                     long maxFileBytes, List<Override> overrides) {

    public Config {
        rules = Map.copyOf(rules);
        ignore = List.copyOf(ignore);
        paths = List.copyOf(paths);
        overrides = List.copyOf(overrides);
    }

    public Config(String source, Map<String, RuleSetting> rules, List<String> ignore, List<String> paths,
                  long maxFileBytes) {
        this(source, rules, ignore, paths, maxFileBytes, List.of());
    }

    /**
     * Rule settings for some paths ({@code overrides: [{paths: [...], rules: {...}}]}): a severity or {@code off}
     * for findings in files the globs match.
     *
     * @param paths the globs, as written
     * @param rules the settings by rule id (options are not per path: they change what a rule reads everywhere)
     * @param line  the line of the entry, for messages
     */
    public record Override(List<String> paths, Map<String, RuleSetting> rules, int line) {
        public Override {
            paths = List.copyOf(paths);
            rules = Map.copyOf(rules);
        }

        public boolean matches(String path) {
            for (String glob : paths) {
                if (Glob.toPattern(glob).matcher(path).matches()) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The setting of a rule for a finding in {@code path}: the last override that matches, else none. */
    public Optional<RuleSetting> overrideFor(String ruleId, String path) {
        for (int i = overrides.size() - 1; i >= 0; i--) {
            Override o = overrides.get(i);
            RuleSetting setting = o.rules().get(ruleId);
            if (setting != null && o.matches(path)) {
                return Optional.of(setting);
            }
        }
        return Optional.empty();
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
