package dev.migrationguard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * .pre-commit-hooks.yaml with the real pre-commit framework (Debian's 3.0.4 here; .ci/run installs it): the hook
 * repository is a git repository holding this project's manifest and entry script, and git runs the hooks.
 */
class PreCommitFrameworkIT {
    private static final Path PROJECT = Path.of(System.getProperty("user.dir"));
    private static final String CLEAN = "{\n  \"scripts\": {\n    \"start\": \"prisma migrate deploy && node main.js\"\n  }\n}\n";
    private static final String DB_PUSH = "{\n  \"scripts\": {\n    \"start\": \"prisma db push && node main.js\"\n  }\n}\n";

    @TempDir
    Path temp;
    private Shell shell;
    private Path project;

    @BeforeEach
    void hookRepositoryAndProject() throws Exception {
        Shell.assumeOnPath("git", "git is not installed");
        Shell.assumeOnPath("pre-commit", "the pre-commit framework is not installed (`apt-get install pre-commit`; .ci/run"
                + " installs it)");
        shell = new Shell(temp.resolve("home"));
        shell.env().put("PRE_COMMIT_HOME", temp.resolve("pre-commit-cache").toString());
        Path hooks = temp.resolve("hooks");
        Files.createDirectories(hooks.resolve("pre-commit"));
        Files.copy(PROJECT.resolve(".pre-commit-hooks.yaml"), hooks.resolve(".pre-commit-hooks.yaml"));
        Files.copy(PROJECT.resolve("pre-commit/migration-guard"), hooks.resolve("pre-commit/migration-guard"));
        shell.ok(hooks, "git init -q && git add -A && git commit -qm hooks");
        String rev = shell.ok(hooks, "git rev-parse HEAD").strip();

        project = temp.resolve("project");
        Files.createDirectories(project);
        Files.writeString(project.resolve(".pre-commit-config.yaml"), "repos:\n  - repo: " + hooks + "\n    rev: " + rev
                + "\n    hooks:\n      - id: migration-guard\n      - id: migration-guard-all\n        stages: [manual]\n");
        Files.writeString(project.resolve(".gitignore"), "node_modules/\n");
        Files.writeString(project.resolve("package.json"), CLEAN);
        shell.ok(project, "git init -q && git add -A && git commit -qm init");
    }

    @Test
    void theHookFromNodeModulesRefusesACommitThatStagesDbPush() throws Exception {
        wrapper(project.resolve("node_modules/.bin"));
        shell.ok(project, "pre-commit install");
        Files.writeString(project.resolve("package.json"), DB_PUSH);
        Shell.Run refused = shell.run(project, "git add package.json && git commit -qm 'start pushes the schema'");
        assertEquals(1, refused.code(), refused.output());
        assertTrue(refused.output().contains("package.json\n  3:22  error"), refused.output());
        assertTrue(refused.output().contains("prisma-db-push"), refused.output());

        Files.writeString(project.resolve("package.json"), CLEAN.replace("main.js", "server.js"));
        shell.ok(project, "git add package.json && git commit -qm 'rename the entry point'");
    }

    @Test
    void migrationGuardAllLintsTheWholeRepositoryWhereTheStagedHookHasNothingToJudge() throws Exception {
        Path bin = temp.resolve("bin");
        wrapper(bin);
        shell.env().put("PATH", bin + ":" + shell.env().get("PATH"));
        Files.writeString(project.resolve("package.json"), DB_PUSH);
        shell.ok(project, "git add package.json && git commit -qm 'committed before the hook'");

        Shell.Run staged = shell.run(project, "pre-commit run migration-guard --all-files");
        assertEquals(0, staged.code(), staged.output());
        Shell.Run all = shell.run(project, "pre-commit run migration-guard-all --all-files --hook-stage manual");
        assertEquals(1, all.code(), all.output());
        assertTrue(all.output().contains("package.json\n  3:22  error"), all.output());
    }

    @Test
    void withoutMigrationGuardTheHookSaysWhatToInstall() throws Exception {
        Shell.Run missing = shell.run(project, "pre-commit run migration-guard --all-files");
        assertEquals(1, missing.code(), missing.output());
        assertTrue(missing.output().contains("migration-guard: not installed here. Install it in the project (npm i -D"
                + " migration-guard) or put it on PATH"), missing.output());
    }

    /** What npm or bin/ would put there: a migration-guard that runs the packaged jar. */
    private static void wrapper(Path bin) throws IOException {
        Files.createDirectories(bin);
        Path script = bin.resolve("migration-guard");
        Files.writeString(script, "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java") + "' -jar '"
                + Jar.path() + "' \"$@\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

}
