package dev.migrationguard.rules.bypass;

import dev.migrationguard.code.SchemaSyncSetting;
import dev.migrationguard.code.SchemaSyncSettings;
import dev.migrationguard.rules.Findings;
import dev.migrationguard.rules.Rule;
import dev.migrationguard.rules.RuleContext;
import dev.migrationguard.rules.Severity;

/** An ORM that creates or alters the schema when the application starts, bypassing migrations. */
public final class OrmAutoSync implements Rule {

    @Override
    public String id() {
        return "orm-auto-sync";
    }

    @Override
    public void check(RuleContext context, Findings findings) {
        for (SchemaSyncSetting s : context.snapshot().model(SchemaSyncSettings.MODEL)) {
            String where = s.testOrLocal() ? " (" + s.scope() + ")" : "";
            findings.at(s.file(), s.start(), s.end())
                    .severity(s.testOrLocal() ? Severity.NOTE : Severity.ERROR)
                    .message(s.framework() + " " + s.setting() + " = " + s.value()
                            + " changes the database schema at start-up, outside the migration history" + where)
                    .fix(fix(s))
                    .key(s.setting() + "=" + s.value())
                    .report();
        }
    }

    private static String fix(SchemaSyncSetting s) {
        return switch (s.framework()) {
            case "TypeORM" -> "set `synchronize: false` and generate migrations (`typeorm migration:generate`), "
                    + "run them with `migrationsRun: true` or `typeorm migration:run` in deploy";
            case "Sequelize" -> "remove the sync() option and write the change as a migration (`sequelize-cli migration:generate`), "
                    + "run with `sequelize-cli db:migrate` in deploy";
            default -> "set it to `validate` (or `none`) and manage the schema with migrations (Flyway, Liquibase or "
                    + "Prisma migrate); keep `update`/`create` only in a test profile";
        };
    }
}
