package dev.migrationguard.report;

import dev.migrationguard.config.ConfigException;
import dev.migrationguard.rules.Finding;
import dev.migrationguard.rules.RuleInfo;
import dev.migrationguard.rules.RulePages;
import dev.migrationguard.rules.Severity;
import dev.migrationguard.workspace.TextRange;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The report of a run stopped by its configuration: one {@code config-error} finding at the offending line, so
 * every output format (SARIF included) says why nothing was linted.
 */
public final class ConfigErrorReport {
    public static final String RULE_ID = "config-error";

    private ConfigErrorReport() {
    }

    /**
     * @param error the configuration mistake
     * @param path  the configuration file as the report names it (relative to the repository root when inside it)
     */
    public static Report of(ConfigException error, String path) {
        RuleInfo info = RulePages.load(RULE_ID);
        int line = Math.max(1, error.line());
        Finding finding = new Finding(RULE_ID, Severity.ERROR, path, TextRange.point(line, 1), error.getMessage(),
                "correct this line; `migration-guard rules` lists rule ids and `migration-guard init` writes a "
                        + "commented configuration", Finding.fingerprintOf(RULE_ID, path, error.getMessage()), Map.of(),
                List.of());
        return new Report("configuration", List.of(info), List.of(new Result(finding, Optional.empty())), List.of(),
                List.of(), null, Optional.empty());
    }
}
