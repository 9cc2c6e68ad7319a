package dev.migrationguard.rules.migrations;

import dev.migrationguard.rules.Findings;
import dev.migrationguard.rules.Inputs;
import dev.migrationguard.rules.Rule;
import dev.migrationguard.rules.RuleContext;
import dev.migrationguard.rules.RuleInputs;
import dev.migrationguard.sql.Migration;
import dev.migrationguard.sql.MigrationSet;
import dev.migrationguard.sql.MigrationSets;
import dev.migrationguard.sql.SqlScript;

/** A migration.sql with nothing to run: empty, or only comments. */
public final class MigrationEmpty implements Rule {

    @Override
    public String id() {
        return "migration-empty";
    }

    @Override
    public RuleInputs inputs() {
        return RuleInputs.changedFiles(Inputs.MIGRATIONS);
    }

    @Override
    public void check(RuleContext context, Findings findings) {
        for (MigrationSet set : context.snapshot().model(MigrationSets.KEY)) {
            for (Migration m : set.migrations()) {
                SqlScript script = m.script(context.snapshot()).orElse(null);
                if (script == null || !script.statements().isEmpty() || !script.problems().isEmpty()) {
                    continue;
                }
                boolean blank = script.file().text().isBlank();
                MigrationLocation.of(context.snapshot(), m, findings)
                        .message("migration " + m.name() + (blank ? " is empty" : " contains only comments")
                                + ": Prisma records it as applied without changing anything")
                        .fix("delete the folder if it is not applied anywhere yet; if it was created with "
                                + "`--create-only`, write its SQL before committing")
                        .key(m.folder())
                        .report();
            }
        }
    }
}
