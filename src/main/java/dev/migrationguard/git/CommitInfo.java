package dev.migrationguard.git;

import java.time.Instant;
import java.util.Objects;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * The commit a {@link ChangeSet} is, for messages and machine outputs. The author and message are parsed only when
 * asked for: a history walk makes one per commit and most never reach a finding.
 */
public final class CommitInfo {
    private final String id;
    private final String shortId;
    private final boolean merge;
    private final RevCommit commit;
    private String author;
    private Instant time;
    private String subject;

    /**
     * @param id      the full object id (finding property {@code commit})
     * @param shortId the first seven hex digits (in messages)
     * @param author  the author's name
     * @param time    when it was authored
     * @param subject the first line of its message
     * @param merge   whether it has more than one parent (it is then compared with its first parent)
     */
    public CommitInfo(String id, String shortId, String author, Instant time, String subject, boolean merge) {
        this.id = Objects.requireNonNull(id);
        this.shortId = Objects.requireNonNull(shortId);
        this.author = author;
        this.time = time;
        this.subject = subject;
        this.merge = merge;
        this.commit = null;
    }

    private CommitInfo(RevCommit commit) {
        this.id = commit.name();
        this.shortId = commit.abbreviate(7).name();
        this.merge = commit.getParentCount() > 1;
        this.commit = commit;
    }

    /** The commit as a walk parsed it (its body must have been kept). */
    static CommitInfo of(RevCommit commit) {
        return new CommitInfo(commit);
    }

    public String id() {
        return id;
    }

    public String shortId() {
        return shortId;
    }

    public boolean merge() {
        return merge;
    }

    public synchronized String author() {
        if (author == null && commit != null) {
            author = commit.getAuthorIdent().getName();
        }
        return author;
    }

    public synchronized Instant time() {
        if (time == null && commit != null) {
            time = commit.getAuthorIdent().getWhenAsInstant();
        }
        return time;
    }

    /** The first line of its message. */
    public synchronized String subject() {
        if (subject == null && commit != null) {
            subject = commit.getShortMessage();
        }
        return subject;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CommitInfo other && other.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "commit " + shortId;
    }
}
