package dev.migrationguard.cli;

import dev.migrationguard.config.Config;
import dev.migrationguard.config.ConfigException;
import dev.migrationguard.config.ConfigLoader;
import dev.migrationguard.report.Baseline;
import dev.migrationguard.report.Linter;
import dev.migrationguard.report.Report;
import dev.migrationguard.rules.ChangeScope;
import dev.migrationguard.rules.Rule;
import dev.migrationguard.rules.RulePages;
import dev.migrationguard.rules.RuleRegistry;
import dev.migrationguard.git.ChangeSet;
import dev.migrationguard.git.GitScan;
import dev.migrationguard.git.ScanMode;
import dev.migrationguard.git.ScanOptions;
import dev.migrationguard.git.ScanProgress;
import dev.migrationguard.workspace.PathFilter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What to lint and with which rules: the options {@code lint} and {@code baseline} share. Resolving them checks
 * every user input (directory, config, rule ids) and turns mistakes into {@link UsageException}s.
 */
final class LintScope {
    @Parameters(arity = "0..*", paramLabel = "DIR|FILE", description = "Repository to lint (default: current directory), "
            + "or files: only findings in them are reported, while the rules still read the repository around them.")
    List<Path> targets = new ArrayList<>();

    /** The folder to lint, when set by a command rather than the arguments. */
    Path dir;

    /** The files named on the command line, relative to the repository root; empty when a folder is linted. */
    private List<String> files = List.of();

    /** Reads the arguments: one folder (DIR), or files whose findings alone are reported. */
    private void readTargets(Path workingDir) {
        if (targets.isEmpty()) {
            return;
        }
        if (targets.size() == 1 && !Files.isRegularFile(workingDir.resolve(targets.get(0)))) {
            // A folder, or a path that is not there: root() says which.
            dir = targets.get(0);
            return;
        }
        List<Path> named = new ArrayList<>();
        for (Path target : targets) {
            Path p = workingDir.resolve(target).toAbsolutePath().normalize();
            if (Files.isDirectory(p)) {
                throw new UsageException("give one folder, or files: " + target + " is a folder among several arguments");
            }
            if (!Files.isRegularFile(p)) {
                throw new UsageException("no such file: " + target);
            }
            named.add(p);
        }
        Path repository = repositoryRoot(workingDir.toAbsolutePath().normalize());
        List<String> relative = new ArrayList<>();
        for (Path p : named) {
            Path real;
            try {
                real = p.toRealPath();
            } catch (java.io.IOException e) {
                throw new UsageException("cannot read " + p + ": " + e.getMessage());
            }
            Path base = repositoryRoot(real.getParent());
            if (!base.equals(repository) && !real.startsWith(repository)) {
                throw new UsageException(p + " is outside the repository " + repository);
            }
            relative.add(repository.relativize(real).toString().replace('\\', '/'));
        }
        files = List.copyOf(relative);
        dir = repository.equals(workingDir.toAbsolutePath().normalize()) ? null : repository;
    }

    /** The git work tree around a folder (its nearest ancestor with a .git), else the folder itself. */
    private static Path repositoryRoot(Path start) {
        Path real = start;
        try {
            real = start.toRealPath();
        } catch (java.io.IOException e) {
            real = start;
        }
        for (Path p = real; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(".git"))) {
                return p;
            }
        }
        return real;
    }

    @Option(names = "--config", paramLabel = "FILE", description = "Configuration file (default: .migration-guard.yml in DIR when present).")
    Path config;

    @Option(names = "--enable", paramLabel = "ID", description = "Run rule ID even if the configuration turns it off (repeatable).")
    List<String> enable = new ArrayList<>();

    @Option(names = "--disable", paramLabel = "ID", description = "Do not run rule ID (repeatable).")
    List<String> disable = new ArrayList<>();

    /** The repository root the user named, checked to exist. */
    Path root(Path workingDir) {
        readTargets(workingDir);
        Path d = (dir == null ? workingDir : workingDir.resolve(dir)).toAbsolutePath().normalize();
        if (!Files.exists(d)) {
            throw new UsageException("no such directory: " + (dir == null ? d : dir));
        }
        if (!Files.isDirectory(d)) {
            throw new UsageException("not a directory: " + dir);
        }
        return d;
    }

    Config config(Path workingDir, Path root, List<Rule> rules) {
        ConfigLoader loader = new ConfigLoader(rules);
        Path file = config == null ? root.resolve(ConfigLoader.DEFAULT_FILE) : workingDir.resolve(config);
        if (config != null && !Files.exists(file)) {
            throw new UsageException("no such configuration file: " + config);
        }
        // Anything there but a folder is read (and refused when it is a FIFO or device), never silently skipped.
        if (!Files.exists(file) || Files.isDirectory(file)) {
            return Config.defaults();
        }
        try {
            return loader.load(file);
        } catch (ConfigException e) {
            throw new ConfigFailure(e, root.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/'));
        }
    }

    @Option(names = "--staged", description = "Pre-commit mode: lint what the staged change touches, as it is in the git index, "
            + "and the staged change against HEAD.")
    boolean staged;

    @Option(names = "--all-files", description = "With --staged: lint every file in the git index, not only what the change touches.")
    boolean allFiles;

    @Option(names = "--since", paramLabel = "REV", description = "Pull-request mode: lint HEAD, and every commit since the merge base with REV (e.g. origin/main).")
    String since;

    @Option(names = "--history", description = "Audit mode: lint HEAD, and every commit reachable from it.")
    boolean history;

    @Option(names = "--all-migrations", description = "Judge the content of every migration, also those already "
            + "committed on the base revision (applied), whose findings are otherwise history.")
    boolean allMigrations;

    /** The git mode the options ask for; at most one may be given. */
    ScanMode mode() {
        int given = (staged ? 1 : 0) + (since != null ? 1 : 0) + (history ? 1 : 0);
        if (given > 1) {
            throw new UsageException("--staged, --since and --history are different modes; give at most one");
        }
        if (allFiles && !staged) {
            throw new UsageException("--all-files goes with --staged (other modes lint every file already)");
        }
        if (since != null && since.isBlank()) {
            throw new UsageException("--since needs a revision, for example --since origin/main");
        }
        return staged ? new ScanMode.Staged() : since != null ? new ScanMode.Since(since)
                : history ? new ScanMode.History() : new ScanMode.Local();
    }

    /**
     * A pre-commit run judges the staged change alone (as pre-commit and lint-staged do): rules whose inputs it does
     * not touch are skipped and findings in files it leaves alone are not reported, so a commit is held up by its
     * own problems and a hook stays fast on a large repository. {@code --all-files} lints the whole index.
     */
    private Optional<ChangeScope> changeScope(GitScan scan) {
        if (!staged || allFiles) {
            return Optional.empty();
        }
        return scan.changes().stream().filter(c -> c.kind() == ChangeSet.Kind.STAGED).findFirst().map(ChangeScope::new);
    }

    /** Runs the selected rules on the version the mode names, and the history rules on its changes. */
    Report run(Path workingDir, List<Rule> rules, Baseline baseline, ScanProgress progress) {
        ScanMode mode = mode();
        Path root = root(workingDir);
        Config settings = config(workingDir, root, rules);
        // The database rules need a live database: `migration-guard db` runs them, lint never does.
        List<Rule> selected = RuleSelection.select(rules, settings, enable, disable).stream()
                .filter(r -> !RuleRegistry.needsDatabase(r)).toList();
        ScanOptions options = new ScanOptions(new PathFilter(settings.ignore(), settings.paths()), settings.maxFileBytes(),
                progress, System.getenv());
        // In history and pull-request mode the commits are compared on a thread of their own while the static
        // rules read HEAD; the history rules, which run last, wait for them.
        boolean historyRules = selected.stream().anyMatch(r -> RulePages.load(r.id()).category().equals("history"));
        try (GitScan scan = GitScan.start(root, mode, options, historyRules)) {
            Report report = new Linter(selected, settings, baseline).withApplied(scan.applied(), allMigrations)
                    .withProgress(progress).run(scan.snapshot(), scan::changes, changeScope(scan));
            report = report.withNotices(scan.allNotices()).withProvenance(scan.provenance());
            if (!files.isEmpty()) {
                Set<String> named = Set.copyOf(files);
                report = report.keeping(r -> named.contains(r.finding().path()));
            }
            return report;
        } catch (IOException | UncheckedIOException e) {
            throw new UsageException("cannot read " + root + ": " + e.getMessage());
        }
    }
}
