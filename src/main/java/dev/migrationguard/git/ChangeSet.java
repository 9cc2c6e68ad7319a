package dev.migrationguard.git;

import dev.migrationguard.workspace.Snapshot;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One change the history rules judge: the files before ({@code base}) and after ({@code target}), and the paths that
 * differ, computed by git's diff with rename detection (a merge commit against its first parent).
 *
 * @param kind        what the change is: uncommitted edits, the staged change, one commit or a whole range
 * @param base        the version before the change (HEAD, a commit's first parent, the merge base)
 * @param target      the version after it (the working tree, the index, the commit, HEAD)
 * @param description for messages: "the uncommitted change", "commit 1a2b3c4", "range 1a2b3c4..5d6e7f8"
 * @param commit      the commit, when the change is one
 * @param changes     the changed paths, sorted by path
 * @param range       in pull-request mode, the range this change belongs to (the range change set carries it too);
 *                    rules use it to let a later commit of the same range settle an earlier one
 */
public record ChangeSet(
        Kind kind,
        Snapshot base,
        Snapshot target,
        String description,
        Optional<CommitInfo> commit,
        List<Change> changes,
        Optional<String> range) {

    public enum Kind { UNCOMMITTED, STAGED, COMMIT, RANGE }

    public ChangeSet {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(base);
        Objects.requireNonNull(target);
        Objects.requireNonNull(description);
        Objects.requireNonNull(commit);
        Objects.requireNonNull(range);
        changes = List.copyOf(changes);
    }

    /** Whether this is one commit of a pull-request range (and not the range as a whole). */
    public boolean inRange() {
        return kind == Kind.COMMIT && range.isPresent();
    }

    @Override
    public String toString() {
        return description + " " + changes;
    }
}
