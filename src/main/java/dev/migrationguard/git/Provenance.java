package dev.migrationguard.git;

import java.util.Optional;

/**
 * Which repository and revision a run read, for SARIF {@code versionControlProvenance}.
 *
 * @param repositoryUri the {@code origin} remote's URL, when there is one
 * @param revisionId    the full id of HEAD
 * @param branch        the checked-out branch, empty on a detached HEAD
 */
public record Provenance(Optional<String> repositoryUri, String revisionId, Optional<String> branch) {
}
