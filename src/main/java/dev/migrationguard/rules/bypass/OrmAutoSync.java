package dev.migrationguard.rules.bypass;

import dev.migrationguard.code.SchemaSyncSetting;
import dev.migrationguard.code.SchemaSyncSettings;
import dev.migrationguard.rules.Findings;
import dev.migrationguard.rules.Inputs;
import dev.migrationguard.rules.Rule;
import dev.migrationguard.rules.RuleContext;
import dev.migrationguard.rules.RuleInputs;
import dev.migrationguard.rules.Severity;
import dev.migrationguard.scripts.CommandSite;
import dev.migrationguard.scripts.CommandSites;
import dev.migrationguard.scripts.CommandWords;
import dev.migrationguard.scripts.Word;
import java.util.List;

/** An ORM that creates or alters the schema when the application starts, bypassing migrations. */
public final class OrmAutoSync implements Rule {

    @Override
    public String id() {
        return "orm-auto-sync";
    }

    @Override
    public RuleInputs inputs() {
        return RuleInputs.repository(Inputs.SCRIPTS.or(Inputs.ORM_SETTINGS));
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
        for (CommandSite site : context.snapshot().model(CommandSites.KEY)) {
            List<Word> words = CommandWords.unwrap(site.command().words());
            int migrate = djangoMigrate(words);
            if (migrate < 0) {
                continue;
            }
            for (Word w : words.subList(migrate, words.size())) {
                if (w.text().equals("--run-syncdb")) {
                    findings.at(site.file(), w.start(), w.end())
                            .severity(site.context().isShared() ? Severity.ERROR : Severity.NOTE)
                            .message("Django `migrate --run-syncdb` in " + site.where() + " creates tables for apps "
                                    + "without migrations, outside the migration history")
                            .fix("add migrations for those apps (`python manage.py makemigrations <app>`), commit them, "
                                    + "and run plain `python manage.py migrate`")
                            .key("django --run-syncdb")
                            .report();
                }
            }
        }
    }

    /** The index of {@code migrate} in {@code python manage.py migrate} or {@code django-admin migrate}, or -1. */
    private static int djangoMigrate(List<Word> words) {
        for (int i = 0; i + 1 < words.size() && i < 4; i++) {
            String t = CommandWords.basename(words.get(i).text());
            if ((t.equals("manage.py") || t.equals("django-admin") || t.equals("django-admin.py"))
                    && words.get(i + 1).text().equals("migrate")) {
                return i + 1;
            }
        }
        return -1;
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
