package dev.migrationguard.cli;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
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

    @Option(names = "--command", paramLabel = "CMD", description = "The command the hook runs (default: migration-guard from PATH, else this jar with java -jar).")
    String command;

    InstallHookCommand(Path workingDir) {
        this.workingDir = workingDir;
    }

    @Override
    public Integer call() throws IOException {
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
                return new Hooks(p.isAbsolute() || repo.isBare() ? p : top.resolve(p), top);
            }
            File common = repo.getCommonDirectory();
            return new Hooks((common != null ? common : repo.getDirectory()).toPath().resolve("hooks"), top);
        }
    }

    private String lintCommand() {
        if (command != null) {
            return command + " lint --staged";
        }
        Path jar = runningJar();
        return jar == null ? "migration-guard lint --staged" : "java -jar " + shellQuote(jar.toString()) + " lint --staged";
    }

    static String hookScript(String lint) {
        return "#!/bin/sh\n"
                + "# pre-commit: " + MARKER + ".\n"
                + "# Lints what is staged; a finding at or above the fail level stops the commit.\n"
                + "# Skip it once with `git commit --no-verify`.\n"
                + "if command -v migration-guard >/dev/null 2>&1; then\n"
                + "  exec migration-guard lint --staged\n"
                + "fi\n"
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

    /** The jar this command runs from, or null when it runs from classes (tests, IDE). */
    private static Path runningJar() {
        try {
            Path p = Path.of(InstallHookCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return p.toString().endsWith(".jar") ? p.toAbsolutePath() : null;
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return null;
        }
    }

    private static String shellQuote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
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
