package dev.migrationguard.cli;

import dev.migrationguard.config.Config;
import dev.migrationguard.database.DatabaseState;
import dev.migrationguard.database.DatabaseUrl;
import dev.migrationguard.database.LiveDatabase;
import dev.migrationguard.database.SnapshotWithDatabase;
import dev.migrationguard.prisma.PrismaExpression;
import dev.migrationguard.prisma.PrismaProject;
import dev.migrationguard.prisma.PrismaSchemas;
import dev.migrationguard.report.Baseline;
import dev.migrationguard.report.Format;
import dev.migrationguard.report.Linter;
import dev.migrationguard.report.Report;
import dev.migrationguard.rules.Rule;
import dev.migrationguard.rules.RuleRegistry;
import dev.migrationguard.rules.Severity;
import dev.migrationguard.sql.MigrationSet;
import dev.migrationguard.sql.MigrationSets;
import dev.migrationguard.workspace.PathFilter;
import dev.migrationguard.workspace.RepoPaths;
import dev.migrationguard.workspace.Snapshot;
import dev.migrationguard.workspace.WorkingTreeSnapshot;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code migration-guard db [DIR]}: connect to a live database read-only and check it against the migrations
 * folder and its {@code _prisma_migrations} rows.
 */
@Command(name = "db", description = "Check a live database against the migrations folder: pending, failed, edited "
        + "and unknown migrations, and schema drift (read-only).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:no finding at or above the fail level",
            "1:findings at or above the fail level",
            "2:usage or configuration error, or the database cannot be reached"})
final class DbCommand implements Callable<Integer> {
    private static final String DEFAULT_URL_ENV = "DATABASE_URL";

    private final Path workingDir;
    private final List<Rule> allRules;
    private final Map<String, String> environment;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "Repository with the migrations (default: current directory).")
    Path dir;

    @Option(names = "--url-env", paramLabel = "NAME", description = "Environment variable holding the database URL "
            + "(default: the one schema.prisma's datasource names with env(), else DATABASE_URL).")
    String urlEnv;

    @Option(names = "--url", paramLabel = "URL", description = "The database URL (prefer --url-env: a URL on the "
            + "command line is visible to other users of the machine).")
    String url;

    @Option(names = "--schema", paramLabel = "NAME", description = "PostgreSQL schema Prisma uses (default: the "
            + "URL's ?schema=, else public).")
    String schema;

    @Option(names = "--format", paramLabel = "FORMAT", description = "Output format: text, json, sarif, github (default: text).")
    String format = "text";

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
    Path output;

    @Option(names = "--fail-on", paramLabel = "LEVEL", description = "Exit 1 when a finding is at least this severe: error, warning, note, never (default: error).")
    String failOn = "error";

    @Option(names = "--config", paramLabel = "FILE", description = "Configuration file (default: .migration-guard.yml in DIR when present).")
    Path config;

    DbCommand(Path workingDir, List<Rule> allRules, Map<String, String> environment) {
        this.workingDir = workingDir;
        this.allRules = allRules;
        this.environment = environment;
    }

    @Override
    public Integer call() throws IOException {
        if (url != null && urlEnv != null) {
            throw new UsageException("--url and --url-env name the database twice; give one");
        }
        Format outputFormat = LintCommand.parseFormat(format);
        Severity threshold = LintCommand.parseFailOn(failOn);
        LintScope scope = new LintScope();
        scope.dir = dir;
        scope.config = config;
        Path root = scope.root(workingDir);
        Config settings = scope.config(workingDir, root, allRules);
        Snapshot files = new WorkingTreeSnapshot(root, new PathFilter(settings.ignore(), settings.paths()),
                settings.maxFileBytes());
        MigrationSet set = migrations(files);
        Optional<PrismaProject> project = files.model(PrismaSchemas.ALL).stream()
                .filter(p -> set.folder().equals(p.migrationsDirectory())).findFirst();
        DatabaseUrl database = databaseUrl(root, project);
        DatabaseState state;
        try {
            state = LiveDatabase.read(database, schema, set.folder());
        } catch (LiveDatabase.UnreachableException e) {
            throw new UsageException("cannot read the database " + database.display() + ": " + e.getMessage());
        }
        List<Rule> rules = allRules.stream().filter(RuleRegistry::needsDatabase)
                .filter(r -> settings.rule(r.id()).map(Config.RuleSetting::enabled).orElse(true)).toList();
        Report report = new Linter(rules, settings, Baseline.none()).run(new SnapshotWithDatabase(files, state));
        LintCommand.write(report, outputFormat.renderer(), output, workingDir, spec.commandLine().getOut());
        if (report.incomplete()) {
            return Main.USAGE;
        }
        return threshold != null && report.hasFindingsAtLeast(threshold) ? Main.FINDINGS : Main.CLEAN;
    }

    /** The one migrations folder of the repository. */
    private static MigrationSet migrations(Snapshot files) {
        List<MigrationSet> sets = files.model(MigrationSets.KEY);
        if (sets.isEmpty()) {
            throw new UsageException("no Prisma migrations folder found (a folder of <name>/migration.sql with "
                    + "migration_lock.toml); give the folder that holds prisma/ as DIR");
        }
        if (sets.size() > 1) {
            throw new UsageException("several migrations folders (" + String.join(", ",
                    sets.stream().map(MigrationSet::folder).toList()) + "); give the package that holds the one to "
                    + "check as DIR");
        }
        return sets.get(0);
    }

    /** From --url, else the variable --url-env names, else the datasource's env("..."), else DATABASE_URL. */
    private DatabaseUrl databaseUrl(Path root, Optional<PrismaProject> project) {
        String text = url;
        String source = "--url";
        if (text == null) {
            String name = urlEnv != null ? urlEnv : project.flatMap(DbCommand::datasourceEnv).orElse(DEFAULT_URL_ENV);
            text = environment.get(name);
            source = "environment variable " + name;
            if (text == null || text.isBlank()) {
                throw new UsageException(name + " is not set: give the database URL in it, or name another variable "
                        + "with --url-env NAME");
            }
        }
        Path schemaFolder = project.map(p -> root.resolve(p.folder() ? p.location() : RepoPaths.parent(p.location())))
                .orElse(root);
        try {
            return DatabaseUrl.parse(text, schemaFolder);
        } catch (DatabaseUrl.InvalidUrlException e) {
            throw new UsageException(source + ": " + e.getMessage());
        }
    }

    /** The variable of {@code url = env("NAME")} in the datasource block. */
    private static Optional<String> datasourceEnv(PrismaProject project) {
        return project.schema().datasource().flatMap(d -> d.property("url")).map(p -> p.value())
                .filter(v -> v instanceof PrismaExpression.Call c && c.name().equals("env"))
                .flatMap(v -> ((PrismaExpression.Call) v).argument(0, "").map(a -> a.value()))
                .filter(v -> v instanceof PrismaExpression.StringValue).map(PrismaExpression::simpleText);
    }
}
