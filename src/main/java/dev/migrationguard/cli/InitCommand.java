package dev.migrationguard.cli;

import dev.migrationguard.config.ConfigLoader;
import dev.migrationguard.rules.Rule;
import dev.migrationguard.rules.RuleInfo;
import dev.migrationguard.rules.RuleOption;
import dev.migrationguard.rules.RulePages;
import dev.migrationguard.workspace.WorkingTreeSnapshot;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code migration-guard init [DIR]}: write a commented {@code .migration-guard.yml} for the repository. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Write a commented " + ConfigLoader.DEFAULT_FILE + " listing the detected Prisma schemas, "
                + "migration folders and every rule.")
final class InitCommand implements Callable<Integer> {
    private final Path workingDir;
    private final List<Rule> rules;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "Repository root (default: current directory).")
    Path dir;

    @Option(names = "--force", description = "Overwrite an existing configuration file.")
    boolean force;

    InitCommand(Path workingDir, List<Rule> rules) {
        this.workingDir = workingDir;
        this.rules = rules;
    }

    @Override
    public Integer call() throws IOException {
        LintScope scope = new LintScope();
        scope.dir = dir;
        Path root = scope.root(workingDir);
        Path file = root.resolve(ConfigLoader.DEFAULT_FILE);
        NoFollowWrite.check(file, root, force, "pass --force to overwrite it");
        NoFollowWrite.write(file, root, render(new WorkingTreeSnapshot(root).paths(), rules), force,
                "pass --force to overwrite it");
        spec.commandLine().getOut().println("wrote " + file);
        return Main.CLEAN;
    }

    /** The generated file: what was detected, as comments, then every rule at its default, commented out. */
    static String render(List<String> paths, List<Rule> rules) {
        TreeSet<String> schemas = new TreeSet<>();
        TreeSet<String> migrationFolders = new TreeSet<>();
        for (String p : paths) {
            if (p.endsWith(".prisma")) {
                schemas.add(p);
            }
            String[] parts = p.split("/");
            if (parts.length >= 3 && parts[parts.length - 1].equals("migration.sql")
                    && parts[parts.length - 3].equals("migrations")) {
                migrationFolders.add(String.join("/", List.of(parts).subList(0, parts.length - 2)));
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("# migration-guard configuration (https://github.com/migration-guard/migration-guard)\n");
        out.append("#\n# Detected in this repository (migration-guard finds these on its own):\n");
        appendList(out, "Prisma schemas", schemas);
        appendList(out, "migration folders", migrationFolders);
        out.append("\n# Per rule: error | warning | note | off, or a mapping with severity and the rule's options.\n");
        out.append("# `migration-guard rules explain ID` tells what each rule checks.\n");
        out.append("rules:\n");
        for (Rule rule : rules) {
            RuleInfo info = RulePages.load(rule.id());
            out.append("  # ").append(info.id()).append(": ").append(info.defaultSeverity().label())
                    .append("    # ").append(info.summary()).append('\n');
            for (RuleOption option : rule.options()) {
                out.append("  #   ").append(option.name()).append(": ...    # ").append(option.description()).append('\n');
            }
        }
        out.append("\n# Paths never read (globs; `**` crosses folders), e.g. test fixtures full of deliberate mistakes:\n");
        out.append("ignore: []\n");
        out.append("\n# Paths read even though .gitignore or the default skip list (node_modules, dist, build, ...) hides them:\n");
        out.append("paths: []\n");
        out.append("\n# Files above this size are skipped with a note:\n");
        out.append("max-file-size: 5MB\n");
        return out.toString();
    }

    private static void appendList(StringBuilder out, String what, TreeSet<String> items) {
        out.append("#   ").append(what).append(':');
        if (items.isEmpty()) {
            out.append(" none found\n");
            return;
        }
        out.append('\n');
        for (String item : items) {
            out.append("#     ").append(item).append('\n');
        }
    }
}
