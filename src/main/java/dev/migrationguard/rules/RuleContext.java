package dev.migrationguard.rules;

import dev.migrationguard.sql.AppliedMigrations;
import dev.migrationguard.git.ChangeSet;
import dev.migrationguard.workspace.Snapshot;
import java.util.List;

/**
 * What a rule may read: the snapshot under lint (and, through it, every parsed model), its own options, and for
 * history rules the changes to judge.
 *
 * @param snapshot the files under lint, whichever version they come from
 * @param options  the rule's settings from config
 * @param changes  the change sets of this run, oldest first (empty outside git or with no commits); static rules
 *                 ignore them, history rules run once per run and iterate them
 * @param applied  the migrations this run treats as history (none with {@code --all-migrations} or outside git), for
 *                 rules outside the sql and migrations categories that must leave what they built alone
 */
public record RuleContext(Snapshot snapshot, RuleOptions options, List<ChangeSet> changes, AppliedMigrations applied) {

    public RuleContext {
        changes = List.copyOf(changes);
    }

    /** A context in which no migration is applied yet. */
    public RuleContext(Snapshot snapshot, RuleOptions options, List<ChangeSet> changes) {
        this(snapshot, options, changes, AppliedMigrations.NONE);
    }

    /** A context without changes, for static rules and for runs outside git. */
    public RuleContext(Snapshot snapshot, RuleOptions options) {
        this(snapshot, options, List.of());
    }
}
