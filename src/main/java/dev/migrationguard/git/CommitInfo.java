package dev.migrationguard.git;

import java.io.IOException;
import java.time.Instant;
import java.util.Objects;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * The commit a {@link ChangeSet} is, for messages and machine outputs. The author and message are parsed only when
 * asked for: a history walk makes one per commit and most never reach a finding.
 */
public final class CommitInfo {
    private String id;
    private final String shortId;
    private final boolean merge;
    private final RevCommit commit;
    private final Repository repository;
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
        this.repository = null;
    }

    private CommitInfo(RevCommit commit, Repository repository) {
        this.shortId = commit.abbreviate(7).name();
        this.merge = commit.getParentCount() > 1;
        this.commit = commit;
        this.repository = repository;
    }

    /** The commit as a walk parsed it; its message and author are read from {@code repository} when asked for. */
    static CommitInfo of(RevCommit commit, Repository repository) {
        return new CommitInfo(commit, repository);
    }

    public synchronized String id() {
        // The full hex id is made when asked (a finding's property): a history walk makes one of these per commit.
        if (id == null) {
            id = commit.name();
        }
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
            readBody();
        }
        return author;
    }

    public synchronized Instant time() {
        if (time == null && commit != null) {
            readBody();
        }
        return time;
    }

    /** The first line of its message. */
    public synchronized String subject() {
        if (subject == null && commit != null) {
            readBody();
        }
        return subject;
    }

    /** Reads the commit's author and message (a walk keeps only what it needs to walk); left null if it cannot. */
    private void readBody() {
        RevCommit body = commit;
        if (commit.getRawBuffer() == null) {
            try (ObjectReader reader = repository.newObjectReader()) {
                body = RevCommit.parse(reader.open(commit, Constants.OBJ_COMMIT).getCachedBytes());
            } catch (IOException e) {
                return;
            }
        }
        PersonIdent ident = body.getAuthorIdent();
        if (ident != null) {
            author = ident.getName();
            time = ident.getWhenAsInstant();
        }
        subject = body.getShortMessage();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CommitInfo other && other.id().equals(id());
    }

    @Override
    public int hashCode() {
        return id().hashCode();
    }

    @Override
    public String toString() {
        return "commit " + shortId;
    }
}
