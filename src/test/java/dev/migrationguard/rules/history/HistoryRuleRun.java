package dev.migrationguard.rules.history;

import dev.migrationguard.git.GitScan;
import dev.migrationguard.git.ScanMode;
import dev.migrationguard.git.ScanOptions;
import dev.migrationguard.rules.Finding;
import dev.migrationguard.rules.Findings;
import dev.migrationguard.rules.Rule;
import dev.migrationguard.rules.RuleContext;
import dev.migrationguard.rules.RuleOptions;
import dev.migrationguard.rules.RulePages;
import java.nio.file.Path;
import java.util.List;

/** Runs a history rule the way the lint engine does: one scan, one context with its change sets. */
final class HistoryRuleRun {
    private HistoryRuleRun() {
    }

    static List<Finding> findings(Rule rule, Path dir, ScanMode mode) throws Exception {
        try (GitScan scan = GitScan.run(dir, mode, ScanOptions.defaults())) {
            Findings findings = new Findings(RulePages.load(rule.id()));
            rule.check(new RuleContext(scan.snapshot(), RuleOptions.NONE, scan.changes()), findings);
            return findings.all();
        }
    }

    /** {@code path:line:col rule-id @commit} (the short id, or the change set's description), sorted. */
    static List<String> run(Rule rule, Path dir, ScanMode mode) throws Exception {
        return findings(rule, dir, mode).stream()
                .map(f -> f.path() + ":" + f.range().startLine() + ":" + f.range().startColumn() + " " + f.ruleId()
                        + " @" + (f.properties().containsKey("commit")
                        ? f.properties().get("commit").substring(0, 7) : f.properties().get("changeSet")))
                .sorted()
                .toList();
    }
}
