package dev.migrationguard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/** Runs sh -c in a folder with git set up for tests (own HOME, no signing), for the ITs that drive real tools. */
final class Shell {
    record Run(int code, String output) {
    }

    private final Map<String, String> env = new HashMap<>(System.getenv());

    Shell(Path home) throws IOException {
        Files.createDirectories(home);
        env.put("HOME", home.toString());
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("GIT_AUTHOR_NAME", "Dev");
        env.put("GIT_AUTHOR_EMAIL", "dev@example.com");
        env.put("GIT_COMMITTER_NAME", "Dev");
        env.put("GIT_COMMITTER_EMAIL", "dev@example.com");
        Files.writeString(home.resolve(".gitconfig"), "[init]\n\tdefaultBranch = main\n[commit]\n\tgpgsign = false\n");
        env.remove("GIT_DIR");
        env.remove("GIT_WORK_TREE");
        env.remove("CI");
        // The parse cache goes under the HOME above, as it does for a user.
        env.remove("XDG_CACHE_HOME");
        env.remove("MIGRATION_GUARD_CACHE_DIR");
        env.remove("MIGRATION_GUARD_CACHE");
    }

    Map<String, String> env() {
        return env;
    }

    Run run(Path dir, String command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(p.waitFor(), out);
    }

    /** Runs a command that must succeed and returns what it printed. */
    String ok(Path dir, String command) throws IOException, InterruptedException {
        Run run = run(dir, command);
        assertEquals(0, run.code(), command + ":\n" + run.output());
        return run.output();
    }

    static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    /** Skips the test, saying why on standard output too (surefire's report alone is easy to miss). */
    static void assumeOnPath(String program, String reason) {
        if (!onPath(program)) {
            System.out.println("SKIPPED: " + reason);
        }
        Assumptions.assumeTrue(onPath(program), reason);
    }
}
