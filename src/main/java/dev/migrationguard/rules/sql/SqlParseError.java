package dev.migrationguard.rules.sql;

import dev.migrationguard.rules.Findings;
import dev.migrationguard.rules.Inputs;
import dev.migrationguard.rules.Rule;
import dev.migrationguard.rules.RuleContext;
import dev.migrationguard.rules.RuleInputs;
import dev.migrationguard.sql.SqlProblem;

/** A statement of a migration.sql that the SQL grammar cannot read: the other SQL rules cannot check it. */
public final class SqlParseError implements Rule {

    @Override
    public String id() {
        return "sql-parse-error";
    }

    @Override
    public RuleInputs inputs() {
        return RuleInputs.changedFiles(Inputs.MIGRATIONS);
    }

    @Override
    public void check(RuleContext context, Findings findings) {
        for (MigrationScan.ScannedMigration m : MigrationScan.judged(context)) {
            for (SqlProblem problem : m.script().problems()) {
                m.at(findings, problem.span())
                        .message("Cannot read this statement as " + m.dialect().displayName() + " SQL: "
                                + problem.message() + "; no other rule checks it.")
                        .fix("Correct the statement (the migration would fail on the database too); if it is valid "
                                + m.dialect().displayName() + " SQL, check the dialect of " + m.set().folder()
                                + " (provider in migration_lock.toml) or report the statement to migration-guard.")
                        .key(m.script().text(problem.span()) + " " + problem.message())
                        .report();
            }
        }
    }
}
