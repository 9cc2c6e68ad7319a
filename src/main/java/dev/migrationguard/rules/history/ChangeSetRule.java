package dev.migrationguard.rules.history;

import dev.migrationguard.git.ChangeSet;
import dev.migrationguard.rules.Findings;
import dev.migrationguard.rules.Rule;
import dev.migrationguard.rules.RuleContext;
import dev.migrationguard.workspace.Snapshot;
import dev.migrationguard.workspace.SourceFile;
import dev.migrationguard.workspace.TextRange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * A history rule: finds issues in each change set of the run. What a rule should say once is settled here: in a
 * pull-request range, a commit's issue stands only if the range as a whole still shows it (a migration added and
 * then edited within the same pull request was never applied anywhere), and the range's own issue is reported only
 * when no commit of it already was; a merge commit does not repeat an issue an earlier commit reported.
 */
abstract class ChangeSetRule implements Rule {
    /** How many change sets make judging them on several threads worth it. */
    private static final int PARALLEL_FROM = 64;

    /**
     * One problem in one change set.
     *
     * @param key         what the problem is about (a migration folder, a schema file): duplicates share it, and it
     *                    is the fingerprint's text, so it never holds a commit id or a line number
     * @param path        the file that shows it
     * @param range       where in that file
     * @param message     the finding's message
     * @param fix         what to do instead
     * @param redactions  spans of the file (as the change left it) that hold a secret: every output masks them
     */
    record Issue(String key, String path, TextRange range, String message, String fix, List<TextRange> redactions) {
        Issue {
            redactions = List.copyOf(redactions);
        }

        Issue(String key, String path, TextRange range, String message, String fix) {
            this(key, path, range, message, fix, List.of());
        }
    }

    /**
     * Called once before the change sets are judged, with the run's context: what a rule needs from the snapshot
     * the run lints goes into {@code memo}, which every call of {@link #issues} then sees (on any thread).
     */
    void prepare(RuleContext context, Map<Object, Object> memo) {
    }

    /**
     * The issues of one change set. Change sets come in the order of the run's list, except that a range's own
     * change set comes before its commits; {@code memo} lives for one run, for what a rule carries from one change
     * set to the next.
     */
    abstract List<Issue> issues(ChangeSet change, Map<Object, Object> memo);

    /**
     * Whether {@link #issues} judges each change set on its own (it keeps nothing in {@code memo}), so that a long
     * history can be judged on several threads.
     */
    boolean judgesEachAlone() {
        return true;
    }

    /**
     * Whether an issue found in one commit of a range stands, given the keys of the issues of the range as a whole
     * and the commits of the range that come after it.
     */
    boolean standsInRange(Issue issue, Set<String> rangeKeys, List<ChangeSet> laterCommits) {
        return rangeKeys.contains(issue.key());
    }

    @Override
    public final void check(RuleContext context, Findings findings) {
        List<ChangeSet> all = context.changes();
        if (all.isEmpty()) {
            return;
        }
        Map<Object, Object> memo = new java.util.concurrent.ConcurrentHashMap<>();
        prepare(context, memo);
        Map<String, List<Issue>> rangeIssues = new HashMap<>();
        for (ChangeSet change : all) {
            if (change.kind() == ChangeSet.Kind.RANGE) {
                rangeIssues.put(change.range().orElse(""), issues(change, memo));
            }
        }
        List<List<Issue>> judged = judgedInParallel(all, memo);
        Set<String> reportedInRange = new HashSet<>();
        Set<String> reported = new HashSet<>();
        for (int i = 0; i < all.size(); i++) {
            ChangeSet change = all.get(i);
            if (change.kind() == ChangeSet.Kind.RANGE) {
                String range = change.range().orElse("");
                for (Issue issue : rangeIssues.get(range)) {
                    if (!reportedInRange.contains(range + "\0" + issue.key())) {
                        report(findings, change, issue);
                    }
                }
                continue;
            }
            for (Issue issue : judged != null ? judged.get(i) : issues(change, memo)) {
                if (change.inRange()) {
                    String range = change.range().orElseThrow();
                    Set<String> keys = new HashSet<>();
                    rangeIssues.getOrDefault(range, List.of()).forEach(r -> keys.add(r.key()));
                    if (!standsInRange(issue, keys, laterInRange(all, i, range))) {
                        continue;
                    }
                    reportedInRange.add(range + "\0" + issue.key());
                }
                boolean merge = change.commit().map(c -> c.merge()).orElse(false);
                if (!reported.add(issue.key()) && merge) {
                    continue;
                }
                report(findings, change, issue);
            }
        }
    }

    /**
     * The issues of every change set but a range's own, judged on the common pool's threads as well as this one, in
     * the order of the list; null when they are judged one by one as the list is gone through (a short list, or a
     * rule that carries something from one change set to the next).
     */
    private List<List<Issue>> judgedInParallel(List<ChangeSet> all, Map<Object, Object> memo) {
        if (!judgesEachAlone() || all.size() < PARALLEL_FROM) {
            return null;
        }
        // A rule that judges each change set alone only reads what prepare() left in memo (or caches in it).
        return IntStream.range(0, all.size()).parallel()
                .mapToObj(i -> all.get(i).kind() == ChangeSet.Kind.RANGE ? List.<Issue>of() : issues(all.get(i), memo))
                .toList();
    }

    private static List<ChangeSet> laterInRange(List<ChangeSet> all, int index, String range) {
        List<ChangeSet> later = new ArrayList<>();
        for (ChangeSet c : all.subList(index + 1, all.size())) {
            if (c.inRange() && c.range().orElseThrow().equals(range)) {
                later.add(c);
            }
        }
        return later;
    }

    private static void report(Findings findings, ChangeSet change, Issue issue) {
        Findings.Builder finding = findings.at(issue.path(), issue.range(), issue.key())
                .message(issue.message())
                .fix(issue.fix())
                .property("changeSet", change.description());
        issue.redactions().forEach(finding::redact);
        change.commit().ifPresent(c -> finding.property("commit", c.id()));
        change.range().ifPresent(r -> finding.property("range", r));
        // The file as the change left it (or, when the change deleted it, as it was): text output quotes it.
        change.target().read(issue.path()).or(() -> change.base().read(issue.path())).ifPresent(finding::source);
        finding.report();
    }

    /** How a message starts: "Commit 1a2b3c4", "The staged change", "Range 1a2b3c4..5d6e7f8". */
    static String subject(ChangeSet change) {
        return switch (change.kind()) {
            case COMMIT -> "Commit " + change.commit().orElseThrow().shortId();
            case RANGE -> "Range " + change.range().orElseThrow();
            case STAGED -> "The staged change";
            case UNCOMMITTED -> "The uncommitted change";
        };
    }

    /** The whole of a 1-based line of a snapshot's file, or the start of the file when it cannot be read. */
    static TextRange lineOf(Snapshot snapshot, String path, int line) {
        Optional<SourceFile> file = snapshot.read(path);
        if (file.isEmpty() || line < 1 || line > file.get().lineCount()) {
            return TextRange.startOfFile();
        }
        return file.get().lineRange(line);
    }
}
