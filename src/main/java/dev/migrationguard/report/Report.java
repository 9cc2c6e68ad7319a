package dev.migrationguard.report;

import dev.migrationguard.rules.RuleInfo;
import dev.migrationguard.rules.Severity;
import dev.migrationguard.workspace.Notice;
import dev.migrationguard.workspace.Snapshot;
import java.util.List;

/**
 * Everything one run found, in the order renderers print it.
 *
 * @param target   what was linted ("working tree", "index", ...)
 * @param rules    the rules that ran, sorted by id
 * @param results  findings sorted by path, line, column and rule
 * @param notices  files the tool could not read or skipped
 * @param errors   rules that failed
 * @param snapshot the files, for renderers that quote source lines
 */
public record Report(String target, List<RuleInfo> rules, List<Result> results, List<Notice> notices,
                     List<InternalError> errors, Snapshot snapshot) {

    public Report {
        rules = List.copyOf(rules);
        results = List.copyOf(results);
        notices = List.copyOf(notices);
        errors = List.copyOf(errors);
    }

    /** Unsuppressed findings of one severity. */
    public long count(Severity severity) {
        return results.stream().filter(r -> !r.suppressed() && r.finding().severity() == severity).count();
    }

    public long suppressedCount() {
        return results.stream().filter(Result::suppressed).count();
    }

    /** Whether an unsuppressed finding is at least as severe as the threshold. */
    public boolean hasFindingsAtLeast(Severity threshold) {
        return results.stream().anyMatch(r -> !r.suppressed() && r.finding().severity().atLeast(threshold));
    }

    public int ruleIndex(String ruleId) {
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).id().equals(ruleId)) {
                return i;
            }
        }
        return -1;
    }
}
