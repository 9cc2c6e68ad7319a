package dev.migrationguard.report;

import dev.migrationguard.config.Config;
import dev.migrationguard.git.ChangeSet;
import dev.migrationguard.rules.ChangeScope;
import dev.migrationguard.rules.Finding;
import dev.migrationguard.rules.Findings;
import dev.migrationguard.rules.Rule;
import dev.migrationguard.rules.RuleContext;
import dev.migrationguard.rules.RuleInfo;
import dev.migrationguard.rules.RuleInputs;
import dev.migrationguard.rules.RuleOptions;
import dev.migrationguard.rules.RulePages;
import dev.migrationguard.workspace.Snapshot;
import dev.migrationguard.workspace.SourceFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs rules over a snapshot and turns their findings into a {@link Report}: applies the config's severities,
 * makes fingerprints unique, applies inline and baseline suppressions, and keeps going when a rule fails.
 */
public final class Linter {
    private static final boolean TIMING = System.getenv("MIGRATION_GUARD_TIMING") != null;
    private final List<Rule> rules;
    private final Config config;
    private final Baseline baseline;

    public Linter(List<Rule> rules, Config config, Baseline baseline) {
        this.rules = rules.stream().sorted(Comparator.comparing(Rule::id)).toList();
        this.config = config;
        this.baseline = baseline;
    }

    public Report run(Snapshot snapshot) {
        return run(snapshot, List.of());
    }

    /** Runs the rules on a snapshot; history rules also judge the given changes. */
    public Report run(Snapshot snapshot, List<ChangeSet> changes) {
        return run(snapshot, changes, Optional.empty());
    }

    /**
     * As {@link #run(Snapshot, List)}; with a scope (a pre-commit run), only what the scope's change touches is
     * judged: rules whose inputs it leaves alone are skipped, per-file rules see only the changed files, and
     * findings are kept as {@link ChangeScope#keeps} says.
     */
    public Report run(Snapshot snapshot, List<ChangeSet> changes, Optional<ChangeScope> scope) {
        return run(snapshot, () -> changes, scope);
    }

    /**
     * As {@link #run(Snapshot, List, Optional)}, with changes that may still be being computed (a history walk on
     * a thread of its own): the static rules run first, and only the history rules wait for the changes.
     */
    public Report run(Snapshot snapshot, Supplier<List<ChangeSet>> later, Optional<ChangeScope> scope) {
        List<RuleInfo> infos = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        List<InternalError> errors = new ArrayList<>();
        Snapshot changedFiles = scope.map(s -> s.changedFilesOf(snapshot)).orElse(snapshot);
        Map<String, RuleInfo> infoById = new HashMap<>();
        List<Rule> ordered = new ArrayList<>();
        for (Rule rule : rules) {
            RuleInfo info = RulePages.load(rule.id());
            infos.add(info);
            infoById.put(rule.id(), info);
            if (!isHistory(info)) {
                ordered.add(rule);
            }
        }
        for (Rule rule : rules) {
            if (isHistory(infoById.get(rule.id()))) {
                ordered.add(rule);
            }
        }
        for (Rule rule : ordered) {
            RuleInfo info = infoById.get(rule.id());
            // Only the history rules read the changes; asking for them waits for a walk still running.
            List<ChangeSet> changes = isHistory(info) ? later.get() : List.of();
            RuleInputs inputs = rule.inputs();
            if (scope.isPresent() && !scope.get().affects(inputs)) {
                if (TIMING) {
                    System.err.printf("%-32s  skipped (inputs unchanged)%n", rule.id());
                }
                continue;
            }
            Optional<Config.RuleSetting> setting = config.rule(rule.id());
            RuleOptions options = setting.map(Config.RuleSetting::options).orElse(RuleOptions.NONE);
            Findings sink = new Findings(info);
            boolean eachFile = scope.isPresent() && inputs.reach() == RuleInputs.Reach.FILE;
            TrackingSnapshot tracked = new TrackingSnapshot(eachFile ? changedFiles : snapshot);
            long started = System.nanoTime();
            try {
                rule.check(new RuleContext(tracked, options, changes), sink);
            } catch (RuntimeException | StackOverflowError e) {
                errors.add(new InternalError(rule.id(), tracked.lastRead(), describe(e)));
            }
            if (TIMING) {
                // ESLint's TIMING=1: where a run spends its time, rule by rule (models are built by the first user).
                System.err.printf("%-32s %7.1f ms%n", rule.id(), (System.nanoTime() - started) / 1e6);
            }
            for (Finding f : sink.all()) {
                if (scope.isPresent() && !scope.get().keeps(inputs, f)) {
                    continue;
                }
                findings.add(setting.flatMap(Config.RuleSetting::severity).map(f::withSeverity).orElse(f));
            }
        }
        findings.sort(Comparator.comparing(Finding::path)
                .thenComparingInt(f -> f.range().startLine())
                .thenComparingInt(f -> f.range().startColumn())
                .thenComparing(Finding::ruleId)
                .thenComparing(Finding::message));
        List<Result> results = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Finding f : uniqueFingerprints(findings, seen)) {
            Optional<Suppression> suppression = snapshot.read(f.path())
                    .flatMap((SourceFile file) -> InlineSuppressions.find(file, f))
                    .or(() -> baseline.suppression(f));
            results.add(new Result(f, suppression));
        }
        return new Report(snapshot.description(), infos, results, snapshot.notices(), errors, snapshot, Optional.empty());
    }

    private static boolean isHistory(RuleInfo info) {
        return info.category().equals("history");
    }

    /** Identical fingerprints in one file get an ordinal, so each finding keeps its own identity. */
    private static List<Finding> uniqueFingerprints(List<Finding> findings, Map<String, Integer> seen) {
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            int n = seen.merge(f.fingerprint(), 1, Integer::sum);
            out.add(n == 1 ? f : f.withFingerprint(f.fingerprint() + ":" + n));
        }
        return out;
    }

    private static String describe(Throwable e) {
        StackTraceElement where = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
        String message = e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("");
        return e.getClass().getName() + message + (where == null ? "" : " (at " + where + ")");
    }
}
