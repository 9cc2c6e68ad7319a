package dev.migrationguard.report;

import dev.migrationguard.git.Provenance;
import dev.migrationguard.rules.RuleInfo;
import dev.migrationguard.rules.Severity;
import dev.migrationguard.workspace.Notice;
import dev.migrationguard.workspace.Snapshot;
import java.util.List;
import java.util.Optional;

/**
 * Everything one run found, in the order renderers print it.
 *
 * @param target   what was linted ("working tree", "index", ...)
 * @param rules    the rules that ran, sorted by id
 * @param results  findings sorted by path, line, column and rule
 * @param notices  files the tool could not read or skipped
 * @param errors   rules that failed
 * @param snapshot   the files, for renderers that quote source lines
 * @param provenance the repository and revision linted, when it is a git repository
 * @param coverage   what was judged, for the summary line
 */
public record Report(String target, List<RuleInfo> rules, List<Result> results, List<Notice> notices,
                     List<InternalError> errors, Snapshot snapshot, Optional<Provenance> provenance,
                     Coverage coverage) {

    /**
     * What a run judged.
     *
     * @param commits           commits the history rules compared
     * @param migrations        migrations in the version under lint
     * @param appliedNotJudged  applied migrations whose content was not re-judged (0 with {@code --all-migrations})
     */
    public record Coverage(int commits, int migrations, int appliedNotJudged) {
        public static final Coverage NONE = new Coverage(0, 0, 0);
    }

    public Report {
        rules = List.copyOf(rules);
        results = List.copyOf(results);
        notices = List.copyOf(notices);
        errors = List.copyOf(errors);
        coverage = coverage == null ? Coverage.NONE : coverage;
    }

    public Report(String target, List<RuleInfo> rules, List<Result> results, List<Notice> notices,
                  List<InternalError> errors, Snapshot snapshot, Optional<Provenance> provenance) {
        this(target, rules, results, notices, errors, snapshot, provenance, Coverage.NONE);
    }

    public Report withNotices(List<Notice> all) {
        return new Report(target, rules, results, all, errors, snapshot, provenance, coverage);
    }

    public Report withProvenance(Optional<Provenance> value) {
        return new Report(target, rules, results, notices, errors, snapshot, value, coverage);
    }

    /** Whether the run could not do part of its job (a base revision missing, history unreadable). */
    public boolean incomplete() {
        return !errors.isEmpty() || notices.stream().anyMatch(n -> n.level() == Notice.Level.ERROR);
    }

    /** Unsuppressed findings of one severity. */
    public long count(Severity severity) {
        return results.stream().filter(r -> !r.suppressed() && r.finding().severity() == severity).count();
    }

    public long suppressedCount() {
        return results.stream().filter(Result::suppressed).count();
    }

    /** Findings suppressed by the baseline file (the rest of {@link #suppressedCount()} by comments in the source). */
    public long baselinedCount() {
        return results.stream().filter(r -> r.suppression().filter(s -> s.kind() == Suppression.Kind.EXTERNAL).isPresent())
                .count();
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
