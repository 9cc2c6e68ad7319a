package dev.migrationguard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.AbortedByHookException;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pre-commit hook end to end: `install-hook` from the packaged jar writes the hook, git runs it on commit, and
 * `lint --staged` refuses a commit that stages `prisma db push` in package.json, with the finding printed.
 */
class PreCommitHookIT {
    @TempDir
    Path repo;

    private static final String CLEAN = """
            {
              "name": "quests-api",
              "scripts": {
                "dev": "prisma migrate dev",
                "start": "prisma migrate deploy && node dist/main.js"
              }
            }
            """;

    private static int runJar(Path dir, String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 3];
        command[0] = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        command[1] = "-jar";
        command[2] = Jar.path().toString();
        System.arraycopy(args, 0, command, 3, args.length);
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        p.getInputStream().transferTo(System.out);
        return p.waitFor();
    }

    @Test
    void theHookRefusesACommitThatStagesDbPushAndAcceptsOneWithout() throws Exception {
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            Files.writeString(repo.resolve("package.json"), CLEAN);
            git.add().addFilepattern("package.json").call();
            commit(git, "init");

            assertEquals(0, runJar(repo, "install-hook", "--command",
                    "java -jar '" + Jar.path() + "'"));
            assertTrue(Files.isExecutable(repo.resolve(".git/hooks/pre-commit")));

            Files.writeString(repo.resolve("package.json"), CLEAN.replace("\"dev\": \"prisma migrate dev\"",
                    "\"dev\": \"prisma migrate dev\",\n    \"deploy\": \"prisma db push && node dist/main.js\""));
            git.add().addFilepattern("package.json").call();
            ByteArrayOutputStream hookOutput = new ByteArrayOutputStream();
            AbortedByHookException refused = assertThrows(AbortedByHookException.class, () -> git.commit()
                    .setMessage("deploy with db push").setAuthor("Dev", "dev@example.com").setSign(false)
                    .setHookOutputStream(new PrintStream(hookOutput, true, StandardCharsets.UTF_8)).call());
            String printed = hookOutput.toString(StandardCharsets.UTF_8) + refused.getHookStdErr();
            assertTrue(printed.contains("package.json\n  5:23  error"), printed);
            assertTrue(printed.contains("prisma-db-push"), printed);
            assertEquals(1, refused.getReturnCode());

            Files.writeString(repo.resolve("package.json"), CLEAN.replace("node dist/main.js", "node dist/server.js"));
            git.add().addFilepattern("package.json").call();
            commit(git, "rename the entry point");
            assertEquals("rename the entry point", git.log().setMaxCount(1).call().iterator().next().getShortMessage());
        }
    }

    private static void commit(Git git, String message) throws GitAPIException {
        git.commit().setMessage(message).setAuthor("Dev", "dev@example.com").setSign(false)
                .setHookOutputStream(System.out).call();
    }
}
