package dev.migrationguard.rules.schema;

import dev.migrationguard.prisma.PrismaConfigBlock;
import dev.migrationguard.prisma.PrismaExpression;
import dev.migrationguard.prisma.PrismaProject;
import dev.migrationguard.prisma.PrismaSchemas;
import dev.migrationguard.rules.Findings;
import dev.migrationguard.rules.Inputs;
import dev.migrationguard.rules.Rule;
import dev.migrationguard.rules.RuleContext;
import dev.migrationguard.rules.RuleInputs;
import dev.migrationguard.sql.MigrationSet;
import dev.migrationguard.sql.MigrationSets;
import dev.migrationguard.sql.SqlDialect;
import dev.migrationguard.workspace.SourceFile;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flags a migrations folder without {@code migration_lock.toml}, or whose lock file names another provider than
 * the schema's datasource: Prisma refuses to apply such migrations, or applies SQL written for another database.
 */
public final class PrismaLockMismatch implements Rule {
    private static final Pattern PROVIDER = Pattern.compile("(?m)^\\s*provider\\s*=\\s*\"([^\"]*)\"");

    @Override
    public String id() {
        return "prisma-lock-mismatch";
    }

    @Override
    public RuleInputs inputs() {
        return RuleInputs.repository(Inputs.MIGRATIONS);
    }

    @Override
    public void check(RuleContext context, Findings findings) {
        List<MigrationSet> sets = context.snapshot().model(MigrationSets.KEY);
        for (PrismaProject project : context.snapshot().model(PrismaSchemas.ALL)) {
            Optional<PrismaConfigBlock> datasource = project.schema().datasource();
            Optional<PrismaConfigBlock.Property> provider = datasource.flatMap(d -> d.property("provider"))
                    .filter(p -> p.value() instanceof PrismaExpression.StringValue);
            Optional<MigrationSet> set = sets.stream()
                    .filter(s -> s.folder().equals(project.migrationsDirectory())).findFirst();
            if (provider.isEmpty() || set.isEmpty()) {
                continue;
            }
            String expected = provider.get().value().simpleText();
            String lockPath = set.get().folder() + "/migration_lock.toml";
            if (set.get().lockFile() == null) {
                if (set.get().migrations().isEmpty()) {
                    continue;
                }
                PrismaExpression value = provider.get().value();
                findings.at(datasource.get().file(), value.start(), value.end())
                        .message("migrations folder " + set.get().folder() + " has no migration_lock.toml, so "
                                + "Prisma cannot check that its SQL was written for \"" + expected + "\"")
                        .fix("commit " + lockPath + " containing `provider = \"" + expected + "\"` (running "
                                + "`prisma migrate dev` writes it)")
                        .key("missing " + lockPath)
                        .report();
                continue;
            }
            String actual = set.get().lockFile().provider();
            if (actual != null && sameProvider(actual, expected)) {
                continue;
            }
            Optional<SourceFile> lock = context.snapshot().read(set.get().lockFile().path());
            if (lock.isEmpty()) {
                continue;
            }
            Matcher m = PROVIDER.matcher(lock.get().text());
            int start = m.find() ? m.start(1) : 0;
            int end = m.find(0) ? m.end(1) : 0;
            String message = actual == null
                    ? set.get().lockFile().path() + " names no provider, but the datasource in "
                    + datasource.get().file().path() + " uses \"" + expected + "\""
                    : set.get().lockFile().path() + " says provider \"" + actual + "\" but the datasource in "
                    + datasource.get().file().path() + " uses \"" + expected + "\"";
            findings.at(lock.get(), start, end)
                    .message(message)
                    .fix("if the database really changed, start a new migration history for \"" + expected
                            + "\" (`prisma migrate diff` / baseline); otherwise set `provider = \"" + expected
                            + "\"` back in the datasource")
                    .key("mismatch " + lockPath + " " + actual + " " + expected)
                    .report();
        }
    }

    private static boolean sameProvider(String a, String b) {
        Optional<SqlDialect> da = SqlDialect.fromProvider(a);
        Optional<SqlDialect> db = SqlDialect.fromProvider(b);
        if (da.isPresent() && db.isPresent()) {
            return da.equals(db);
        }
        return a.strip().toLowerCase(Locale.ROOT).equals(b.strip().toLowerCase(Locale.ROOT));
    }
}
