package dev.migrationguard.rules.schema;

import dev.migrationguard.rules.Findings;
import dev.migrationguard.rules.Inputs;
import dev.migrationguard.rules.Rule;
import dev.migrationguard.rules.RuleContext;
import dev.migrationguard.rules.RuleInputs;
import dev.migrationguard.rules.Severity;
import dev.migrationguard.schema.Difference;
import dev.migrationguard.schema.DriftReports;
import dev.migrationguard.schema.Origin;
import dev.migrationguard.schema.UnmodelledStatement;
import java.util.List;

/**
 * Flags each difference between the schema schema.prisma describes and the schema its migrations build: the
 * drift {@code prisma db push} leaves behind. A difference that a statement the replay could not apply might
 * explain is a warning naming that statement.
 */
public final class SchemaDrift implements Rule {

    @Override
    public String id() {
        return "schema-drift";
    }

    @Override
    public RuleInputs inputs() {
        return RuleInputs.repository(Inputs.MIGRATIONS);
    }

    @Override
    public void check(RuleContext context, Findings findings) {
        for (DriftReports.Report report : context.snapshot().model(DriftReports.KEY)) {
            for (Difference difference : report.differences()) {
                Origin origin = difference.origin();
                if (origin == null) {
                    continue;
                }
                List<UnmodelledStatement> explanations = report.possibleExplanations(difference);
                String message = difference.message();
                Severity severity = Severity.ERROR;
                if (!explanations.isEmpty()) {
                    UnmodelledStatement first = explanations.get(0);
                    message += "; the " + first.description() + " statement at " + first.file().path() + ":"
                            + first.file().line(first.start()) + " might explain it, as the replay cannot read it";
                    severity = Severity.WARNING;
                }
                findings.at(origin.file(), origin.start(), origin.end())
                        .message(message)
                        .fix(fix(report, difference))
                        .severity(severity)
                        .key(difference.key())
                        .property("difference", difference.kind().name())
                        .property("subject", difference.subject())
                        .report();
            }
        }
    }

    /**
     * A schema object no migration creates is what {@code prisma db push} leaves behind: a database that has it
     * needs the migration written and marked applied (baselining), since {@code migrate dev} would create it again
     * there, or reset the database; a database that lacks it takes the migration as usual.
     */
    static String fix(DriftReports.Report report, Difference difference) {
        if (!difference.kind().name().endsWith("_MISSING")) {
            return difference.fix();
        }
        String migrations = report.migrations().folder();
        String name = "<YYYYMMDDHHMMSS>_baseline_" + difference.object().toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
        String folder = migrations + "/" + name;
        return "Where no database has it yet: " + difference.fix() + ". Where a database already has it (made by"
                + " `prisma db push`), baseline instead of creating it again: `mkdir " + folder + " && prisma migrate"
                + " diff --from-migrations " + migrations + " --to-schema " + report.project().location()
                + " --script > " + folder + "/migration.sql`, review and commit that migration, then run `prisma"
                + " migrate resolve --applied " + name + "` against each database that already has it; the others get"
                + " it from `prisma migrate deploy`.";
    }
}
