package dev.migrationguard.cli;

import dev.migrationguard.config.Config;
import dev.migrationguard.config.ConfigException;
import dev.migrationguard.config.ConfigLoader;
import dev.migrationguard.report.Baseline;
import dev.migrationguard.report.Linter;
import dev.migrationguard.report.Report;
import dev.migrationguard.rules.Rule;
import dev.migrationguard.workspace.PathFilter;
import dev.migrationguard.workspace.Snapshot;
import dev.migrationguard.workspace.WorkingTreeSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What to lint and with which rules: the options {@code lint} and {@code baseline} share. Resolving them checks
 * every user input (directory, config, rule ids) and turns mistakes into {@link UsageException}s.
 */
final class LintScope {
    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "Repository to lint (default: current directory).")
    Path dir;

    @Option(names = "--config", paramLabel = "FILE", description = "Configuration file (default: .migration-guard.yml in DIR when present).")
    Path config;

    @Option(names = "--enable", paramLabel = "ID", description = "Run rule ID even if the configuration turns it off (repeatable).")
    List<String> enable = new ArrayList<>();

    @Option(names = "--disable", paramLabel = "ID", description = "Do not run rule ID (repeatable).")
    List<String> disable = new ArrayList<>();

    /** The repository root the user named, checked to exist. */
    Path root(Path workingDir) {
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
        if (config != null && !Files.isRegularFile(file)) {
            throw new UsageException("no such configuration file: " + config);
        }
        if (!Files.isRegularFile(file)) {
            return Config.defaults();
        }
        try {
            return loader.load(file);
        } catch (ConfigException e) {
            throw new UsageException(e.describe());
        }
    }

    /** Runs the selected rules on the working tree under the root. */
    Report run(Path workingDir, List<Rule> rules, Baseline baseline) {
        Path root = root(workingDir);
        Config settings = config(workingDir, root, rules);
        List<Rule> selected = RuleSelection.select(rules, settings, enable, disable);
        Snapshot snapshot;
        try {
            snapshot = new WorkingTreeSnapshot(root, new PathFilter(settings.ignore(), settings.paths()), settings.maxFileBytes());
        } catch (IOException e) {
            throw new UsageException("cannot read " + root + ": " + e.getMessage());
        }
        return new Linter(selected, settings, baseline).run(snapshot);
    }
}
