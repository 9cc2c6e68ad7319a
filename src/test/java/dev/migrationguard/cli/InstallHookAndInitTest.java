package dev.migrationguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationguard.config.Config;
import dev.migrationguard.config.ConfigException;
import dev.migrationguard.config.ConfigLoader;
import dev.migrationguard.rules.Rule;
import dev.migrationguard.testing.CliRun;
import dev.migrationguard.testing.MarkerRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.StoredConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstallHookAndInitTest {
    private static final List<Rule> RULES = List.of(new MarkerRule());

    @TempDir
    Path dir;

    @Test
    void installsAnExecutablePreCommitHookThatRunsLintStaged() throws GitAPIException {
        Git.init().setDirectory(dir.toFile()).call().close();
        CliRun run = CliRun.of(dir, RULES, "install-hook", "--command", "/opt/mg/bin/migration-guard");
        assertEquals(0, run.exitCode(), run.err());
        Path hook = dir.resolve(".git/hooks/pre-commit");
        assertTrue(Files.isExecutable(hook));
        assertEquals(InstallHookCommand.hookScript("/opt/mg/bin/migration-guard lint --staged"), read(hook));
    }

    @Test
    void refusesToReplaceAnExistingHookWithoutForce() throws GitAPIException, IOException {
        Git.init().setDirectory(dir.toFile()).call().close();
        Path hook = dir.resolve(".git/hooks/pre-commit");
        Files.createDirectories(hook.getParent());
        Files.writeString(hook, "#!/bin/sh\nnpm test\n");
        CliRun refused = CliRun.of(dir, RULES, "install-hook");
        assertEquals(2, refused.exitCode());
        assertTrue(refused.err().contains("exists; pass --force to replace it, or --print"), refused.err());
        assertEquals("#!/bin/sh\nnpm test\n", read(hook));
        assertEquals(0, CliRun.of(dir, RULES, "install-hook", "--force").exitCode());
        assertTrue(read(hook).contains(InstallHookCommand.MARKER));
    }

    @Test
    void respectsCoreHooksPath() throws GitAPIException, IOException {
        try (Git git = Git.init().setDirectory(dir.toFile()).call()) {
            StoredConfig config = git.getRepository().getConfig();
            config.setString("core", null, "hooksPath", ".githooks");
            config.save();
        }
        Files.createDirectories(dir.resolve("src"));
        assertEquals(0, CliRun.of(dir, RULES, "install-hook", "src").exitCode());
        assertTrue(Files.exists(dir.resolve(".githooks/pre-commit")));
    }

    @Test
    void printsTheLinesForHuskyAndLefthookWithoutWriting() throws GitAPIException {
        Git.init().setDirectory(dir.toFile()).call().close();
        CliRun run = CliRun.of(dir, RULES, "install-hook", "--print", "--command", "npx migration-guard");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("\nnpx migration-guard lint --staged\n"), run.out());
        assertTrue(run.out().contains("      run: npx migration-guard lint --staged\n"), run.out());
        assertTrue(Files.notExists(dir.resolve(".git/hooks/pre-commit")));
    }

    @Test
    void outsideAGitRepositoryIsAUsageError() {
        CliRun run = CliRun.of(dir, RULES, "install-hook");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("migration-guard: not a git repository"), run.err());
    }

    @Test
    void initWritesAConfigThatLoadsAndNamesWhatItDetected() throws IOException, ConfigException {
        Files.createDirectories(dir.resolve("apps/api/prisma/migrations/20240101000000_init"));
        Files.writeString(dir.resolve("apps/api/prisma/schema.prisma"), "");
        Files.writeString(dir.resolve("apps/api/prisma/migrations/20240101000000_init/migration.sql"), "");
        CliRun run = CliRun.of(dir, RULES, "init");
        assertEquals(0, run.exitCode(), run.err());
        String text = read(dir.resolve(".migration-guard.yml"));
        assertTrue(text.contains("#     apps/api/prisma/schema.prisma\n"), text);
        assertTrue(text.contains("#     apps/api/prisma/migrations\n"), text);
        assertTrue(text.contains("  # test-marker: warning"), text);
        Config config = new ConfigLoader(RULES).load(dir.resolve(".migration-guard.yml"));
        assertEquals(List.of(), config.ignore());
        assertEquals(2, CliRun.of(dir, RULES, "init").exitCode());
        assertEquals(0, CliRun.of(dir, RULES, "lint").exitCode());
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
