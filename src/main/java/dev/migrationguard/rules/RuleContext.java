package dev.migrationguard.rules;

import dev.migrationguard.workspace.Snapshot;

/**
 * What a rule may read: the snapshot under lint (and, through it, every parsed model) and its own options.
 *
 * @param snapshot the files under lint, whichever version they come from
 * @param options  the rule's settings from config
 */
public record RuleContext(Snapshot snapshot, RuleOptions options) {
}
