package dev.migrationguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationguard.testing.CliRun;
import dev.migrationguard.testing.MarkerRule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.StoredConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command install-hook writes and prints: one every clone can run, never a path of this machine. */
class InstallHookCommandTextTest {
    @TempDir
    Path dir;

    @Test
    void writesNpxNoInstallWhenPackageJsonDependsOnMigrationGuard() throws Exception {
        Git.init().setDirectory(dir.toFile()).call().close();
        Files.writeString(dir.resolve("package.json"), "{\"devDependencies\": {\"migration-guard\": \"^0.1.0\"}}\n");
        Files.createDirectories(dir.resolve("src"));
        CliRun run = CliRun.of(dir, List.of(new MarkerRule()), "install-hook", "src");
        assertEquals(0, run.exitCode(), run.err());
        String hook = Files.readString(dir.resolve(".git/hooks/pre-commit"));
        assertTrue(hook.endsWith("\nexec npx --no-install migration-guard lint --staged\n"), hook);
        assertFalse(hook.contains(dir.toString()), hook);
    }

    @Test
    void writesMigrationGuardFromPathOtherwiseAndTheHookSaysWhatToInstall() throws Exception {
        Git.init().setDirectory(dir.toFile()).call().close();
        Files.writeString(dir.resolve("package.json"), "{\"devDependencies\": {\"prisma\": \"^5.0.0\"}}\n");
        assertEquals(0, CliRun.of(dir, List.of(new MarkerRule()), "install-hook").exitCode());
        Path hook = dir.resolve(".git/hooks/pre-commit");
        String text = Files.readString(hook);
        assertTrue(text.endsWith("\nexec migration-guard lint --staged\n"), text);
        assertFalse(text.contains("java -jar") || text.contains(dir.toString()), text);

        ProcessBuilder pb = new ProcessBuilder("sh", hook.toString()).redirectErrorStream(true).directory(dir.toFile());
        pb.environment().put("PATH", "/nonexistent");
        Process p = pb.start();
        p.getOutputStream().close();
        String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, p.waitFor(), printed);
        assertTrue(printed.contains("migration-guard is not on PATH; install it (npm i -D migration-guard"), printed);
    }

    @Test
    void printsTheNpxLineForHuskyAndLefthook() throws Exception {
        Git.init().setDirectory(dir.toFile()).call().close();
        Files.writeString(dir.resolve("package.json"), "{\"dependencies\": {\"migration-guard\": \"0.1.0\"}}\n");
        CliRun run = CliRun.of(dir, List.of(new MarkerRule()), "install-hook", "--print");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("\nnpx --no-install migration-guard lint --staged\n"), run.out());
        assertTrue(run.out().contains("      run: npx --no-install migration-guard lint --staged\n"), run.out());
    }

    @Test
    void withHusky9WritesTheCommittedHookNotTheGeneratedOne() throws GitAPIException, IOException {
        try (Git git = Git.init().setDirectory(dir.toFile()).call()) {
            StoredConfig config = git.getRepository().getConfig();
            config.setString("core", null, "hooksPath", ".husky/_");
            config.save();
        }
        Files.createDirectories(dir.resolve(".husky/_"));
        assertEquals(0, CliRun.of(dir, List.of(new MarkerRule()), "install-hook").exitCode());
        assertTrue(Files.exists(dir.resolve(".husky/pre-commit")));
        assertTrue(Files.notExists(dir.resolve(".husky/_/pre-commit")));
    }
}
