package dev.migrationguard.cli;

import dev.migrationguard.git.GitScan;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code migration-guard install-hook [DIR]}: a git pre-commit hook that runs {@code lint --staged}, written where
 * git looks for hooks ({@code core.hooksPath} or {@code .git/hooks}); never over an existing hook without
 * {@code --force}.
 */
@Command(name = "install-hook", mixinStandardHelpOptions = true,
        description = "Install a git pre-commit hook that runs `migration-guard lint --staged`.")
final class InstallHookCommand implements Callable<Integer> {
    static final String MARKER = "installed by migration-guard install-hook";

    private final Path workingDir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "A folder inside the repository (default: current directory).")
    Path dir;

    @Option(names = "--force", description = "Replace an existing pre-commit hook.")
    boolean force;

    @Option(names = "--print", description = "Print the lines to add to an existing hook, husky or lefthook setup instead of writing a hook.")
    boolean print;

    @Option(names = "--command", paramLabel = "CMD", description = "The command the hook runs (default: `npx --no-install migration-guard` when package.json depends on migration-guard, else `migration-guard` from PATH).")
    String command;

    InstallHookCommand(Path workingDir) {
        this.workingDir = workingDir;
    }

    @Override
    public Integer call() throws IOException {
        Path start = (dir == null ? workingDir : workingDir.resolve(dir)).toAbsolutePath().normalize();
        try {
            // Before JGit looks for the repository: a FIFO it would open there hangs the command.
            GitScan.checkRepositoryFiles(start);
        } catch (IOException e) {
            throw new UsageException("cannot install the hook in " + start + ": " + e.getMessage());
        }
        String lint = lintCommand();
        if (print) {
            spec.commandLine().getOut().print(printedSetup(lint));
            spec.commandLine().getOut().flush();
            return Main.CLEAN;
        }
        Hooks hooks = hooksDirectory();
        Path hook = hooks.folder().resolve("pre-commit");
        NoFollowWrite.write(hook, hooks.repository(), hookScript(lint), force,
                "pass --force to replace it, or --print for the line to add to it");
        makeExecutable(hook);
        spec.commandLine().getOut().println("installed " + hook + " (runs: " + lint + ")");
        return Main.CLEAN;
    }

    /**
     * Where git runs hooks from, and the folder of the repository (its work tree, or the git dir of a bare one), below
     * which no folder on the way to the hook may be a symbolic link.
     */
    private record Hooks(Path folder, Path repository) {
    }

    /** Where git runs hooks from: {@code core.hooksPath} (relative to the work tree) or the common git dir's hooks. */
    private Hooks hooksDirectory() throws IOException {
        Path start = (dir == null ? workingDir : workingDir.resolve(dir)).toAbsolutePath().normalize();
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(start.toFile());
        if (builder.getGitDir() == null) {
            throw new UsageException("not a git repository: " + start);
        }
        try (Repository repo = builder.setMustExist(true).build()) {
            Path top = (repo.isBare() ? repo.getDirectory() : repo.getWorkTree()).toPath();
            String hooksPath = repo.getConfig().getString("core", null, "hooksPath");
            if (hooksPath != null && !hooksPath.isBlank()) {
                Path p = Path.of(hooksPath);
                Path hooks = p.isAbsolute() || repo.isBare() ? p : top.resolve(p);
                // husky 9 points git at the generated .husky/_; the committed hook, the one clones share, is .husky/pre-commit.
                boolean husky = hooks.getFileName() != null && hooks.getFileName().toString().equals("_")
                        && hooks.getParent() != null && hooks.getParent().getFileName().toString().equals(".husky");
                return new Hooks(husky ? hooks.getParent() : hooks, top);
            }
            File common = repo.getCommonDirectory();
            return new Hooks((common != null ? common : repo.getDirectory()).toPath().resolve("hooks"), top);
        }
    }

    /**
     * The command every clone can run: the project's own npm install through npx when package.json depends on
     * migration-guard, else migration-guard from PATH; never a path of this machine.
     */
    private String lintCommand() throws IOException {
        if (command != null) {
            return command + " lint --staged";
        }
        return dependsOnMigrationGuard(workTree()) ? NPX_LINT : PATH_LINT;
    }

    static final String NPX_LINT = "npx --no-install migration-guard lint --staged";
    static final String PATH_LINT = "migration-guard lint --staged";

    private Path workTree() throws IOException {
        Path start = (dir == null ? workingDir : workingDir.resolve(dir)).toAbsolutePath().normalize();
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(start.toFile());
        if (builder.getGitDir() == null) {
            return start;
        }
        try (Repository repo = builder.setMustExist(true).build()) {
            return repo.isBare() ? start : repo.getWorkTree().toPath();
        }
    }

    /** Whether the root package.json lists migration-guard among its dependencies of any kind. */
    static boolean dependsOnMigrationGuard(Path root) {
        Path packageJson = root.resolve("package.json");
        if (!Files.isRegularFile(packageJson)) {
            return false;
        }
        try {
            com.fasterxml.jackson.databind.JsonNode tree = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(packageJson.toFile());
            for (String field : List.of("devDependencies", "dependencies", "optionalDependencies")) {
                if (tree.path(field).has("migration-guard")) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    static String hookScript(String lint) {
        String program = lint.substring(0, lint.indexOf(' ') < 0 ? lint.length() : lint.indexOf(' '));
        return "#!/bin/sh\n"
                + "# pre-commit: " + MARKER + ".\n"
                + "# Lints what is staged; a finding at or above the fail level stops the commit.\n"
                + "# Skip it once with `git commit --no-verify`.\n"
                + (lint.equals(PATH_LINT)
                        ? "if ! command -v " + program + " >/dev/null 2>&1; then\n"
                        + "  echo \"pre-commit: migration-guard is not on PATH; install it (npm i -D migration-guard, then"
                        + " run install-hook again) or put its bin/ on PATH\" >&2\n"
                        + "  exit 1\n"
                        + "fi\n"
                        : "")
                + "exec " + lint + "\n";
    }

    static String printedSetup(String lint) {
        return "# Add this line to an existing .git/hooks/pre-commit or .husky/pre-commit:\n"
                + lint + "\n\n"
                + "# Or, with lefthook, to lefthook.yml:\n"
                + "pre-commit:\n"
                + "  commands:\n"
                + "    migration-guard:\n"
                + "      run: " + lint + "\n";
    }

    private static void makeExecutable(Path file) throws IOException {
        try {
            Set<PosixFilePermission> perms = EnumSet.copyOf(Files.getPosixFilePermissions(file));
            perms.addAll(EnumSet.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                    PosixFilePermission.OTHERS_EXECUTE));
            Files.setPosixFilePermissions(file, perms);
        } catch (UnsupportedOperationException e) {
            file.toFile().setExecutable(true);
        }
    }
}
