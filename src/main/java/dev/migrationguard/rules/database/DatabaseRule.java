package dev.migrationguard.rules.database;

import dev.migrationguard.rules.Findings;
import dev.migrationguard.rules.Rule;
import dev.migrationguard.rules.RuleContext;

/** A rule about a live database: it runs when the snapshot carries one ({@code migration-guard db}), else does nothing. */
abstract class DatabaseRule implements Rule {

    @Override
    public final void check(RuleContext context, Findings findings) {
        CheckedFolder.of(context.snapshot()).ifPresent(db -> check(db, findings));
    }

    abstract void check(CheckedFolder db, Findings findings);
}
