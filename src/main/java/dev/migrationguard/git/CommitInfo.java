package dev.migrationguard.git;

import java.time.Instant;

/**
 * The commit a {@link ChangeSet} is, for messages and machine outputs.
 *
 * @param id      the full object id (finding property {@code commit})
 * @param shortId the first seven hex digits (in messages)
 * @param author  the author's name
 * @param time    when it was authored
 * @param subject the first line of its message
 * @param merge   whether it has more than one parent (it is then compared with its first parent)
 */
public record CommitInfo(String id, String shortId, String author, Instant time, String subject, boolean merge) {
}
