package dev.migrationguard.rules.bypass;

import dev.migrationguard.rules.Findings;
import dev.migrationguard.rules.Inputs;
import dev.migrationguard.rules.Rule;
import dev.migrationguard.rules.RuleContext;
import dev.migrationguard.rules.RuleInputs;
import dev.migrationguard.sql.Migration;
import dev.migrationguard.sql.MigrationSet;
import dev.migrationguard.sql.MigrationSets;
import dev.migrationguard.sql.SqlDialect;
import dev.migrationguard.sql.SqlScript;
import dev.migrationguard.sql.SqlScripts;
import dev.migrationguard.sql.SqlStatement;
import dev.migrationguard.workspace.SourceFile;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** A .sql file outside every migration folder that changes the schema: DDL someone runs by hand. */
public final class RawDdlSqlFile implements Rule {
    /** Folders and names that other migration tools own (Flyway, Liquibase, Rails, Drizzle, Supabase, Knex ...). */
    private static final Pattern OTHER_MIGRATIONS = Pattern.compile(
            "(?i)(^|/)(migrations?|migrate|changelogs?|flyway|liquibase|drizzle)(/|$)|(^|/)[VUR][0-9._]*__[^/]*\\.sql$");

    @Override
    public String id() {
        return "raw-ddl-sql-file";
    }

    @Override
    public RuleInputs inputs() {
        return RuleInputs.changedFiles(Inputs.MIGRATIONS);
    }

    @Override
    public void check(RuleContext context, Findings findings) {
        Set<String> migrationFiles = new HashSet<>();
        for (MigrationSet set : context.snapshot().model(MigrationSets.KEY)) {
            for (Migration m : set.migrations()) {
                migrationFiles.add(m.sqlPath());
            }
        }
        SqlDialect dialect = SchemaChanges.repositoryDialect(context.snapshot());
        for (String path : context.snapshot().paths()) {
            if (!path.toLowerCase(Locale.ROOT).endsWith(".sql") || migrationFiles.contains(path)
                    || OTHER_MIGRATIONS.matcher(path).find()) {
                continue;
            }
            SqlScript script = context.snapshot().model(SqlScripts.KEY).script(path, dialect).orElse(null);
            if (script == null) {
                continue;
            }
            SourceFile file = script.file();
            List<SqlStatement> changes = SchemaChanges.of(script);
            if (changes.isEmpty()) {
                continue;
            }
            SqlStatement first = changes.get(0);
            String what = SchemaChanges.summary(script, changes);
            findings.at(file, first.span().start(), first.span().end())
                    .message(path + " changes the schema outside every migrations folder (" + what
                            + "); whoever runs it by hand leaves the migration history behind")
                    .fix("turn it into a migration (`prisma migrate dev --create-only --name <descriptive_name>`, "
                            + "paste the SQL, commit the folder), or list it under `ignore` in .migration-guard.yml "
                            + "if it is a test fixture")
                    .key(path)
                    .report();
        }
    }
}
