package dev.migrationguard.report;

import dev.migrationguard.config.Config;
import dev.migrationguard.git.ChangeSet;
import dev.migrationguard.git.ScanProgress;
import dev.migrationguard.rules.ChangeScope;
import dev.migrationguard.rules.Finding;
import dev.migrationguard.rules.Findings;
import dev.migrationguard.rules.Rule;
import dev.migrationguard.rules.RuleContext;
import dev.migrationguard.rules.RuleInfo;
import dev.migrationguard.rules.RuleInputs;
import dev.migrationguard.rules.RuleOptions;
import dev.migrationguard.rules.RulePages;
import dev.migrationguard.sql.AppliedMigrations;
import dev.migrationguard.sql.MigrationSet;
import dev.migrationguard.sql.MigrationSets;
import dev.migrationguard.workspace.Snapshot;
import dev.migrationguard.workspace.Tasks;
import dev.migrationguard.workspace.SourceFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs rules over a snapshot and turns their findings into a {@link Report}: applies the config's severities,
 * makes fingerprints unique, applies inline and baseline suppressions, and keeps going when a rule fails.
 */
public final class Linter {
    private static final boolean TIMING = System.getenv("MIGRATION_GUARD_TIMING") != null;
    /** With TIMING, each rule's CPU time beside its wall time: on a shared machine waiting for a core is not its cost. */
    private static final java.lang.management.ThreadMXBean CPU = TIMING
            ? java.lang.management.ManagementFactory.getThreadMXBean() : null;
    private final List<Rule> rules;
    private final Config config;
    private final Baseline baseline;
    private final AppliedMigrations applied;
    private final boolean auditApplied;
    private final ScanProgress progress;

    public Linter(List<Rule> rules, Config config, Baseline baseline) {
        this(rules, config, baseline, AppliedMigrations.NONE, false, ScanProgress.NONE);
    }

    private Linter(List<Rule> rules, Config config, Baseline baseline, AppliedMigrations applied, boolean auditApplied,
                   ScanProgress progress) {
        this.rules = rules.stream().sorted(Comparator.comparing(Rule::id)).toList();
        this.config = config;
        this.baseline = baseline;
        this.applied = applied;
        this.auditApplied = auditApplied;
        this.progress = progress;
    }

    /** A linter that tells {@code value} how many of its rules have run. */
    public Linter withProgress(ScanProgress value) {
        return new Linter(rules, config, baseline, applied, auditApplied, value);
    }

    /**
     * A linter that treats {@code applied} migrations as history: the rules that judge a migration's content (the
     * {@code sql} and {@code migrations} categories, except rules about the repository as a whole) do not report on
     * them, unless {@code audit} ({@code --all-migrations}), when their fixes say what to do in the next migration
     * instead of asking for an edit of an applied one. State rules (drift, lock file, history) see everything.
     */
    public Linter withApplied(AppliedMigrations value, boolean audit) {
        return new Linter(rules, config, baseline, value, audit, progress);
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
        Snapshot changedFiles = scope.map(s -> s.changedFilesOf(snapshot)).orElse(snapshot);
        // Two threads take the rules in chains: first those that replay the migrations (the sql rules hand one replay
        // from rule to rule, so they keep their order; drift replays too), then the rest of the static rules
        // (migration folders, scripts, code, secrets), which share one parse of each file with the first chain; then
        // each history rule on its own, since they only wait for a history walk that may still be running.
        List<Run> replayingChain = new ArrayList<>();
        List<Run> otherChain = new ArrayList<>();
        List<List<Run>> historyRules = new ArrayList<>();
        List<Run> all = new ArrayList<>();
        for (Rule rule : rules) {
            RuleInfo info = RulePages.load(rule.id());
            infos.add(info);
            Run run = new Run(rule, info, rule.inputs());
            all.add(run);
            if (info.category().equals("history")) {
                historyRules.add(List.of(run));
            } else if (REPLAYING.contains(info.category())) {
                replayingChain.add(run);
            } else {
                otherChain.add(run);
            }
        }
        int total = all.size();
        AtomicInteger ran = new AtomicInteger();
        Runnable ranOne = () -> progress.rules(ran.incrementAndGet(), total);
        progress.rules(0, total);
        List<Runnable> chains = new ArrayList<>();
        chains.add(() -> runChain(replayingChain, snapshot, changedFiles, List::of, scope, ranOne));
        chains.add(() -> runChain(otherChain, snapshot, changedFiles, List::of, scope, ranOne));
        for (List<Run> history : historyRules) {
            chains.add(() -> runChain(history, snapshot, changedFiles, later, scope, ranOne));
        }
        onTwoThreads(chains);

        List<Finding> findings = new ArrayList<>();
        List<InternalError> errors = new ArrayList<>();
        for (Run run : all) {
            if (TIMING) {
                // ESLint's TIMING=1: where a run spends its time, rule by rule (models are built by the first user).
                System.err.println(run.skipped ? String.format("%-32s  skipped (inputs unchanged)", run.rule.id())
                        : String.format("%-32s %7.1f ms  (CPU %7.1f ms)", run.rule.id(), run.nanos / 1e6,
                        run.cpuNanos / 1e6));
            }
            findings.addAll(run.findings);
            if (run.error != null) {
                errors.add(run.error);
            }
        }
        findings.sort(Comparator.comparing(Finding::path)
                .thenComparingInt(f -> f.range().startLine())
                .thenComparingInt(f -> f.range().startColumn())
                .thenComparing(Finding::ruleId)
                .thenComparing(Finding::message));
        List<Result> results = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        InlineSuppressions inline = new InlineSuppressions();
        for (Finding f : uniqueFingerprints(findings, seen)) {
            Optional<Suppression> suppression = snapshot.read(f.path())
                    .flatMap((SourceFile file) -> inline.lookUp(file, f))
                    .or(() -> baseline.suppression(f));
            results.add(new Result(f, suppression));
        }
        List<MigrationSet> sets = snapshot.model(MigrationSets.KEY);
        int migrations = sets.stream().mapToInt(set -> set.migrations().size()).sum();
        int notJudged = auditApplied ? 0 : applied.count(sets);
        int commits = (int) later.get().stream().filter(c -> c.kind() == ChangeSet.Kind.COMMIT).count();
        return new Report(snapshot.description(), infos, results, snapshot.notices(), errors, snapshot, Optional.empty(),
                new Report.Coverage(commits, migrations, notJudged));
    }

    /** The categories whose rules judge what a migration does or how its folder is named. */
    private static final Set<String> MIGRATION_CONTENT = Set.of("sql", "migrations");

    /** Whether a rule judges migrations one by one (so an applied one is history to it), not the repository's state. */
    private static boolean judgesMigrationContent(Run run) {
        return MIGRATION_CONTENT.contains(run.info.category()) && run.inputs.reach() != RuleInputs.Reach.REPOSITORY
                && !run.rule.judgesState();
    }

    /** The categories whose rules replay the migrations: they run in order on one thread. */
    private static final Set<String> REPLAYING = Set.of("sql", "schema");

    /** One rule's run: filled in by the chain that runs it. */
    private static final class Run {
        final Rule rule;
        final RuleInfo info;
        final RuleInputs inputs;
        final List<Finding> findings = new ArrayList<>();
        InternalError error;
        boolean skipped;
        long nanos;
        long cpuNanos;

        Run(Rule rule, RuleInfo info, RuleInputs inputs) {
            this.rule = rule;
            this.info = info;
            this.inputs = inputs;
        }
    }

    /** Runs rules one after the other, each catching its own failure; {@code ranOne} after each. */
    private void runChain(List<Run> chain, Snapshot snapshot, Snapshot changedFiles, Supplier<List<ChangeSet>> changes,
                          Optional<ChangeScope> scope, Runnable ranOne) {
        for (Run run : chain) {
            try {
                runOne(run, snapshot, changedFiles, changes, scope);
            } finally {
                ranOne.run();
            }
        }
    }

    private void runOne(Run run, Snapshot snapshot, Snapshot changedFiles, Supplier<List<ChangeSet>> changes,
                        Optional<ChangeScope> scope) {
        if (scope.isPresent() && !scope.get().affects(run.inputs)) {
            run.skipped = true;
            return;
        }
        Optional<Config.RuleSetting> setting = config.rule(run.rule.id());
        RuleOptions options = setting.map(Config.RuleSetting::options).orElse(RuleOptions.NONE);
        Findings sink = new Findings(run.info);
        boolean eachFile = scope.isPresent() && run.inputs.reach() == RuleInputs.Reach.FILE;
        TrackingSnapshot tracked = new TrackingSnapshot(eachFile ? changedFiles : snapshot);
        long started = System.nanoTime();
        long startedCpu = TIMING ? CPU.getCurrentThreadCpuTime() : 0;
        try {
            run.rule.check(new RuleContext(tracked, options, changes.get(), auditApplied ? AppliedMigrations.NONE : applied), sink);
        } catch (RuntimeException | StackOverflowError e) {
            run.error = new InternalError(run.rule.id(), tracked.lastRead(), describe(e));
        }
        run.nanos = System.nanoTime() - started;
        run.cpuNanos = TIMING ? CPU.getCurrentThreadCpuTime() - startedCpu : 0;
        boolean judgesContent = judgesMigrationContent(run);
        for (Finding f : sink.all()) {
            if (judgesContent && applied.covers(f.path())) {
                if (!auditApplied) {
                    continue;
                }
                f = AppliedFix.of(f, applied);
            }
            if (scope.isEmpty() || scope.get().keeps(run.inputs, f)) {
                Finding judged = setting.flatMap(Config.RuleSetting::severity).map(f::withSeverity).orElse(f);
                // Per-path settings (`overrides`) have the last word for the files they name.
                Optional<Config.RuleSetting> local = config.overrideFor(run.rule.id(), f.path());
                if (local.isPresent() && !local.get().enabled()) {
                    continue;
                }
                run.findings.add(local.flatMap(Config.RuleSetting::severity).map(judged::withSeverity).orElse(judged));
            }
        }
    }

    /**
     * Runs the chains in order on this thread and, with more than one core, on one more: each thread takes the next
     * chain not yet taken.
     */
    private static void onTwoThreads(List<Runnable> chains) {
        AtomicInteger next = new AtomicInteger();
        Runnable taker = () -> {
            for (int i = next.getAndIncrement(); i < chains.size(); i = next.getAndIncrement()) {
                chains.get(i).run();
            }
        };
        if (Runtime.getRuntime().availableProcessors() < 2) {
            taker.run();
            return;
        }
        FutureTask<Void> other = new FutureTask<>(taker, null);
        Thread thread = new Thread(other, "migration-guard-rules");
        thread.setDaemon(true);
        thread.start();
        taker.run();
        Tasks.join(other);
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
