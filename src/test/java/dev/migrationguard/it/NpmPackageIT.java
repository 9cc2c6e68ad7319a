package dev.migrationguard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The npm package as a Prisma team gets it: `npm pack` of target/npm, installed offline into a fresh Node project,
 * then `npx migration-guard lint` on a sample, the launcher's Java checks, and the hook install-hook writes run by
 * git in a second clone (plain, and with husky when husky is in the npm cache, where .ci/run's npm ci puts it).
 */
class NpmPackageIT {
    private static final Path PROJECT = Path.of(System.getProperty("user.dir"));
    private static final String DB_PUSH = "{\n  \"name\": \"quests-api\",\n  \"private\": true,\n  \"scripts\": {\n"
            + "    \"start\": \"prisma db push && node main.js\"\n  }\n}\n";
    private static final String HUSKY = "9.1.7";

    @TempDir
    Path temp;
    private Shell shell;
    private Path tarball;

    @BeforeEach
    void pack() throws Exception {
        Shell.assumeOnPath("npm", "npm is not installed");
        Shell.assumeOnPath("git", "git is not installed");
        shell = new Shell(temp.resolve("home"));
        shell.env().put("JAVA_HOME", System.getProperty("java.home"));
        shell.env().put("npm_config_cache", temp.resolve("empty-npm-cache").toString());
        shell.env().put("npm_config_update_notifier", "false");
        shell.env().put("MIGRATION_GUARD_CDS", "0");
        Path npm = Jar.path().resolveSibling("npm");
        String name = shell.ok(temp, "npm pack --silent --pack-destination '" + temp + "' '" + npm + "'").strip();
        tarball = temp.resolve(name.substring(name.lastIndexOf('\n') + 1));
        System.out.printf("npm package %s: %,d bytes%n", tarball.getFileName(), Files.size(tarball));
    }

    @Test
    void installsOfflineAndLintsASampleWithTheLaunchersJavaOptions() throws Exception {
        Path app = nodeProject(temp.resolve("a/app"), "{\"name\": \"app\", \"private\": true}\n");
        copy(PROJECT.resolve("samples/prisma-unsafe"), app.resolve("sample"));
        long start = System.nanoTime();
        shell.ok(app, "npm install --offline --no-audit --no-fund -D '" + tarball + "'");
        shell.env().put("MIGRATION_GUARD_PRINT_JAVA_COMMAND", "1");
        Shell.Run lint = shell.run(app.resolve("sample"), "npx migration-guard lint --format json --output ../report.json");
        System.out.printf("npm install to the first report: %d ms%n", (System.nanoTime() - start) / 1_000_000);
        assertEquals(1, lint.code(), lint.output());

        TreeSet<String> found = new TreeSet<>();
        for (JsonNode f : new ObjectMapper().readTree(app.resolve("report.json").toFile()).get("findings")) {
            found.add(f.get("path").asText() + ":" + f.get("line") + ":" + f.get("column") + " " + f.get("ruleId").asText());
        }
        // Paths are relative to the repository root, the app, where the sample is the folder sample/.
        TreeSet<String> expected = new TreeSet<>();
        for (String line : Files.readAllLines(PROJECT.resolve("samples/prisma-unsafe/expected.txt"))) {
            if (!line.isBlank()) {
                expected.add("sample/" + line);
            }
        }
        assertEquals(expected, found);
        // The same JVM options as bin/migration-guard, before -jar.
        String launcher = Files.readString(PROJECT.resolve("bin/migration-guard"));
        String options = launcher.replaceFirst("(?s).*\nset -- (.*?) \\$\\{MIGRATION_GUARD_JAVA_OPTS.*", "$1");
        assertTrue(lint.output().contains(" " + options + " -jar "), options + " in " + lint.output());
        // And as it does, one compiler thread on one or two processors only (both count those this process may use).
        int cpus = Integer.parseInt(shell.ok(app, "nproc").trim());
        assertEquals(cpus <= 2, lint.output().contains(" -XX:CICompilerCount=1 "), lint.output());
    }

    @Test
    void withoutJava17TheLauncherSaysWhatToInstall() throws Exception {
        Path app = nodeProject(temp.resolve("a/app"), "{\"name\": \"app\", \"private\": true}\n");
        shell.ok(app, "npm install --offline --no-audit --no-fund -D '" + tarball + "'");
        Path bin = Files.createDirectories(temp.resolve("node-only"));
        Files.createSymbolicLink(bin.resolve("node"), Path.of(shell.ok(app, "command -v node").strip()));
        shell.env().remove("JAVA_HOME");
        shell.env().put("PATH", bin + ":/nonexistent");
        Shell.Run none = shell.run(app, "node node_modules/.bin/migration-guard lint");
        assertEquals(2, none.code(), none.output());
        assertTrue(none.output().contains("migration-guard: needs Java 17 or newer, and found no java (JAVA_HOME is not set,"
                + " none on PATH)."), none.output());
        assertTrue(none.output().contains("sudo apt-get install openjdk-17-jre-headless"), none.output());

        Path old = Files.createDirectories(temp.resolve("jdk-11/bin"));
        Files.writeString(old.resolveSibling("release"), "JAVA_VERSION=\"11.0.22\"\n");
        Files.writeString(old.resolve("java"), "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(old.resolve("java"), PosixFilePermissions.fromString("rwxr-xr-x"));
        shell.env().put("JAVA_HOME", old.getParent().toString());
        Shell.Run eleven = shell.run(app, "node node_modules/.bin/migration-guard lint");
        assertEquals(2, eleven.code(), eleven.output());
        assertTrue(eleven.output().contains("needs Java 17 or newer; " + old.resolve("java") + " (from JAVA_HOME) is Java 11.0.22."),
                eleven.output());
    }

    @Test
    void installHookWritesAHookASecondCloneRuns() throws Exception {
        Path app = nodeProject(temp.resolve("a/app"), DB_PUSH.replace("prisma db push && ", ""));
        shell.ok(app, "npm install --offline --no-audit --no-fund -D '" + tarball + "'");
        shell.ok(app, "git add -A && git commit -qm init");
        String installed = shell.ok(app, "npx migration-guard install-hook");
        String hook = Files.readString(app.resolve(".git/hooks/pre-commit"));
        assertTrue(hook.endsWith("\nexec npx --no-install migration-guard lint --staged\n"), installed + hook);
        assertFalse(hook.contains(temp.toString()), hook);

        // A teammate's clone, elsewhere on the machine: the same hook, their own install.
        shell.ok(temp, "mkdir -p b && git clone -q a/app b/app");
        Path clone = temp.resolve("b/app");
        shell.ok(clone, "npm install --offline --no-audit --no-fund");
        Files.writeString(clone.resolve(".git/hooks/pre-commit"), hook);
        Files.setPosixFilePermissions(clone.resolve(".git/hooks/pre-commit"), PosixFilePermissions.fromString("rwxr-xr-x"));
        refusesDbPush(clone);
    }

    @Test
    void withHuskyTheCommittedHookRunsInASecondClone() throws Exception {
        Path app = nodeProject(temp.resolve("a/app"), DB_PUSH.replace("prisma db push && ", ""));
        // husky comes from the machine's npm cache, never the network.
        shell.env().put("npm_config_cache", Path.of(System.getProperty("user.home"), ".npm").toString());
        // By its registry tarball, which npm ci of .ci/node cached: a version range would need the registry's
        // metadata for husky, which npm ci (reading the lock file) never fetches.
        Shell.Run husky = shell.run(app, "npm install --offline --no-audit --no-fund -D '" + tarball
                + "' husky@https://registry.npmjs.org/husky/-/husky-" + HUSKY + ".tgz");
        if (husky.code() != 0) {
            String reason = "husky " + HUSKY + " could not be installed offline from the npm cache (.ci/run's npm ci in"
                    + " .ci/node puts it there): " + husky.output().lines().filter(l -> l.contains("npm error"))
                    .limit(3).toList();
            System.out.println("SKIPPED: " + reason);
            Assumptions.abort(reason);
        }
        shell.ok(app, "npx husky init");
        shell.ok(app, "npx migration-guard install-hook --force");
        assertTrue(Files.readString(app.resolve(".husky/pre-commit")).contains("exec npx --no-install migration-guard lint --staged"));
        shell.ok(app, "git add -A && git commit -qm 'husky runs migration-guard'");

        shell.ok(temp, "mkdir -p b && git clone -q a/app b/app");
        Path clone = temp.resolve("b/app");
        shell.ok(clone, "npm install --offline --no-audit --no-fund");
        assertEquals(".husky/_", shell.ok(clone, "git config core.hooksPath").strip());
        refusesDbPush(clone);
    }

    private void refusesDbPush(Path clone) throws Exception {
        Files.writeString(clone.resolve("package.json"), Files.readString(clone.resolve("package.json"))
                .replace("\"start\": \"node main.js\"", "\"start\": \"prisma db push && node main.js\""));
        Shell.Run refused = shell.run(clone, "git add package.json && git commit -qm 'start pushes the schema'");
        assertEquals(1, refused.code(), refused.output());
        assertTrue(refused.output().contains("prisma-db-push"), refused.output());
    }

    private Path nodeProject(Path dir, String packageJson) throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("package.json"), packageJson);
        Files.writeString(dir.resolve(".gitignore"), "node_modules/\n");
        shell.ok(dir, "git init -q");
        return dir;
    }

    private static void copy(Path from, Path to) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(from)) {
            files = walk.toList();
        }
        for (Path f : files) {
            Path target = to.resolve(from.relativize(f).toString());
            if (Files.isDirectory(f)) {
                Files.createDirectories(target);
            } else {
                Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
