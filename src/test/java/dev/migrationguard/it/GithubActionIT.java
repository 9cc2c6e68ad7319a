package dev.migrationguard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.migrationguard.testing.SarifValidation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the steps of action.yml in order, locally and without network, on a pull request built with JGit: the
 * `run` steps through bash with the action's inputs, contexts and step outputs substituted; setup-java's inputs
 * checked as setup-java checks them (Java itself is already here); the download served from a folder laid out like
 * a GitHub release; the SARIF upload checked against the SARIF 2.1.0 schema.
 */
class GithubActionIT {
    private static final Path PROJECT = Path.of(System.getProperty("user.dir"));
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{\\s*([^}]+?)\\s*}}");
    /** setup-java v4's inputs and distributions (its action.yml and README). */
    private static final Set<String> SETUP_JAVA_INPUTS = Set.of("java-version", "java-version-file", "distribution",
            "java-package", "architecture", "jdkFile", "check-latest", "server-id", "server-username", "server-password",
            "settings-path", "overwrite-settings", "gpg-private-key", "gpg-passphrase", "cache", "cache-dependency-path",
            "job-status", "token", "mvn-toolchain-id", "mvn-toolchain-vendor");
    private static final Set<String> DISTRIBUTIONS = Set.of("temurin", "zulu", "adopt", "adopt-hotspot", "adopt-openj9",
            "liberica", "microsoft", "corretto", "semeru", "oracle", "dragonwell", "sapmachine", "graalvm", "jetbrains");
    private static final Map<String, String> CACHE_DEFAULT_PATTERNS = Map.of("maven", "**/pom.xml",
            "gradle", "**/*.gradle*", "sbt", "**/*.sbt");

    @TempDir
    Path temp;
    private Path workspace;
    private Path javaCalls;
    private final Map<String, String> github = new HashMap<>();

    @BeforeEach
    void pullRequestAndRunner() throws Exception {
        Shell.assumeOnPath("node", "node is not installed (the action's report step runs on the runner's node)");
        Shell.assumeOnPath("curl", "curl is not installed (the action's download step uses it)");
        workspace = Files.createDirectories(temp.resolve("workspace"));
        try (Git git = Git.init().setDirectory(workspace.toFile()).setInitialBranch("feature").call()) {
            Files.writeString(workspace.resolve("package.json"), "{\n  \"scripts\": {\n    \"start\": \"node main.js\"\n  }\n}\n");
            git.add().addFilepattern("package.json").call();
            RevCommit base = git.commit().setMessage("init").setAuthor("Dev", "dev@example.com").setSign(false).call();
            RefUpdate origin = git.getRepository().updateRef("refs/remotes/origin/main");
            origin.setNewObjectId(base);
            origin.update();
            Files.writeString(workspace.resolve("package.json"),
                    "{\n  \"scripts\": {\n    \"start\": \"prisma db push && node main.js\"\n  }\n}\n");
            Files.createDirectories(workspace.resolve("db"));
            Files.writeString(workspace.resolve("db/fix.sql"), "CREATE TABLE \"Quest\" (id integer);\n");
            git.add().addFilepattern(".").call();
            git.commit().setMessage("start pushes the schema").setAuthor("Dev", "dev@example.com").setSign(false).call();
        }
        // A release laid out as GitHub serves one: v<version>/migration-guard.jar and its .sha256.
        String version = Files.readString(PROJECT.resolve("pom.xml"))
                .replaceFirst("(?s).*?<artifactId>migration-guard</artifactId>\\s*<version>([^<]+)</version>.*", "$1");
        Path release = Files.createDirectories(temp.resolve("releases/v" + version));
        Files.copy(Jar.path(), release.resolve("migration-guard.jar"));
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(Jar.path())));
        Files.writeString(release.resolve("migration-guard.jar.sha256"), sha + "  migration-guard.jar\n");
        // Counts the JVMs the steps start: the lint runs once.
        Path bin = Files.createDirectories(temp.resolve("bin"));
        javaCalls = temp.resolve("java-calls");
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\necho run >> '" + javaCalls + "'\nexec '"
                + Path.of(System.getProperty("java.home"), "bin", "java") + "' \"$@\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        github.put("PATH", bin + ":" + System.getenv("PATH"));
    }

    @Test
    void theActionDownloadsTheReleaseLintsOnceAnnotatesBySeveritySummarisesUploadsAndFails() throws Exception {
        Run run = runAction(Map.of(), "false");
        assertEquals(1, Files.readAllLines(javaCalls).size(), "one JVM, one lint: " + run.steps);
        String lint = run.printed.get("Lint");
        int error = lint.indexOf("::error file=package.json,line=3,col=22,endLine=3,endColumn=29,title=prisma-db-push::");
        int warning = lint.indexOf("::warning file=db/fix.sql,line=1,col=1,");
        assertTrue(error >= 0 && warning > error, "errors before warnings, though db/ sorts first:\n" + lint);
        String summary = Files.readString(temp.resolve("step-summary"));
        assertTrue(summary.contains("| `prisma-db-push` | error | 1 |"), summary);
        assertTrue(summary.contains("| `raw-ddl-sql-file` | warning | 1 |"), summary);
        assertTrue(summary.indexOf("| error | `package.json:3` | `prisma-db-push` |")
                < summary.indexOf("| warning | `db/fix.sql:1` | `raw-ddl-sql-file` |"), summary);
        assertTrue(run.steps.contains("Upload SARIF to code scanning: uploaded migration-guard.sarif, category migration-guard"),
                run.steps.toString());
        assertEquals("1", run.outputs.get("exit-code"));
        assertEquals(List.of("Set up Java: inputs accepted", "Download migration-guard: exit 0", "Lint: exit 0",
                "Upload SARIF to code scanning: uploaded migration-guard.sarif, category migration-guard",
                "Fail on findings: exit 1"), run.steps);
    }

    @Test
    void onAForkThereIsNoUploadAndArgsAndBaselineReachTheLint() throws Exception {
        Files.writeString(workspace.resolve("baseline.json"), "{}");
        Shell shell = new Shell(temp.resolve("home"));
        shell.ok(workspace, "'" + Path.of(System.getProperty("java.home"), "bin", "java") + "' -jar '" + Jar.path()
                + "' baseline --output baseline.json --force");
        Run run = runAction(Map.of("args", "--disable raw-ddl-sql-file", "baseline", "baseline.json"), "true");
        assertEquals("0", run.outputs.get("exit-code"), run.printed.toString());
        assertEquals("false", run.outputs.get("upload"));
        assertEquals(List.of("Set up Java: inputs accepted", "Download migration-guard: exit 0", "Lint: exit 0",
                "Upload SARIF to code scanning: skipped", "Fail on findings: skipped"), run.steps);
        assertTrue(Files.readString(temp.resolve("step-summary")).contains("No findings."));
    }

    private record Run(List<String> steps, Map<String, String> outputs, Map<String, String> printed) {
    }

    private Run runAction(Map<String, String> with, String fork) throws Exception {
        JsonNode action = new ObjectMapper(new YAMLFactory()).readTree(PROJECT.resolve("action.yml").toFile());
        Map<String, String> inputs = new HashMap<>();
        action.get("inputs").fields().forEachRemaining(e -> inputs.put(e.getKey(), e.getValue().path("default").asText()));
        inputs.putAll(with);
        github.put("github.event.pull_request.head.repo.fork", fork);
        Map<String, String> outputs = new HashMap<>();
        Map<String, String> env = new HashMap<>();
        env.put("PATH", github.get("PATH"));
        env.put("GITHUB_ACTION_PATH", PROJECT.toString());
        env.put("GITHUB_WORKSPACE", workspace.toString());
        env.put("GITHUB_BASE_REF", "main");
        env.put("GITHUB_ENV", temp.resolve("github-env").toString());
        env.put("GITHUB_OUTPUT", temp.resolve("github-output").toString());
        env.put("GITHUB_STEP_SUMMARY", temp.resolve("step-summary").toString());
        env.put("RUNNER_TOOL_CACHE", temp.resolve("toolcache").toString());
        env.put("MG_DOWNLOAD_BASE", temp.resolve("releases").toUri().toString().replaceFirst("/$", ""));
        Files.deleteIfExists(temp.resolve("github-env"));
        Files.deleteIfExists(temp.resolve("github-output"));
        Files.deleteIfExists(temp.resolve("step-summary"));
        Files.createFile(temp.resolve("github-env"));
        Files.createFile(temp.resolve("github-output"));

        List<String> ran = new ArrayList<>();
        Map<String, String> printed = new LinkedHashMap<>();
        for (JsonNode step : action.at("/runs/steps")) {
            String name = step.path("name").asText();
            if (step.has("if") && !condition(step.get("if").asText(), inputs, outputs)) {
                ran.add(name + ": skipped");
                continue;
            }
            if (step.has("uses")) {
                String uses = step.get("uses").asText();
                Map<String, String> stepWith = new LinkedHashMap<>();
                step.path("with").fields().forEachRemaining(e -> stepWith.put(e.getKey(), substitute(e.getValue().asText(), inputs, outputs)));
                if (uses.startsWith("actions/setup-java@")) {
                    checkSetupJavaInputs(stepWith);
                    ran.add(name + ": inputs accepted");
                } else if (uses.startsWith("github/codeql-action/upload-sarif@")) {
                    assertTrue(step.path("continue-on-error").asBoolean(), "an upload that fails must not fail the job");
                    Path sarif = workspace.resolve(stepWith.get("sarif_file"));
                    assertEquals(List.of(), SarifValidation.errors(Files.readString(sarif)), "uploaded SARIF is valid");
                    ran.add(name + ": uploaded " + workspace.relativize(sarif) + ", category " + stepWith.get("category"));
                } else {
                    throw new AssertionError("the test does not know how to run " + uses);
                }
                continue;
            }
            Map<String, String> stepEnv = new LinkedHashMap<>(env);
            // What a step writes to GITHUB_ENV is the environment of later steps.
            for (String line : Files.readAllLines(temp.resolve("github-env"))) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    stepEnv.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
            step.path("env").fields().forEachRemaining(e -> stepEnv.put(e.getKey(), substitute(e.getValue().asText(), inputs, outputs)));
            ProcessBuilder pb = new ProcessBuilder("bash", "-c", substitute(step.get("run").asText(), inputs, outputs))
                    .directory(workspace.toFile()).redirectErrorStream(true);
            pb.environment().clear();
            pb.environment().putAll(stepEnv);
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int code = p.waitFor();
            printed.put(name, out);
            if (step.path("id").asText().equals("lint")) {
                assertEquals(0, code, "the lint step hands its exit code on instead of failing: " + out);
                for (String line : Files.readAllLines(temp.resolve("github-output"))) {
                    int eq = line.indexOf('=');
                    outputs.put(line.substring(0, eq), line.substring(eq + 1));
                }
            } else if (!name.equals("Fail on findings")) {
                assertEquals(0, code, name + ": " + out);
            }
            ran.add(name + ": exit " + code);
        }
        return new Run(ran, outputs, printed);
    }

    /** What setup-java refuses: unknown inputs and distributions, no version, a cache whose files are not in the workspace. */
    private void checkSetupJavaInputs(Map<String, String> with) throws IOException {
        for (String key : with.keySet()) {
            assertTrue(SETUP_JAVA_INPUTS.contains(key), "setup-java has no input " + key);
        }
        assertTrue(DISTRIBUTIONS.contains(with.getOrDefault("distribution", "")), "setup-java distribution " + with);
        assertTrue(!with.getOrDefault("java-version", "").isBlank() || with.containsKey("java-version-file"),
                "setup-java needs java-version or java-version-file");
        String cache = with.getOrDefault("cache", "");
        if (!cache.isEmpty()) {
            assertTrue(CACHE_DEFAULT_PATTERNS.containsKey(cache), "setup-java cache " + cache);
            String patterns = with.getOrDefault("cache-dependency-path", CACHE_DEFAULT_PATTERNS.get(cache));
            for (String pattern : patterns.split("\n")) {
                // setup-java hashes the files the pattern matches inside the workspace; none is its documented failure.
                PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern.strip().replaceFirst("^\\*\\*/", "{**/,}"));
                try (Stream<Path> files = Files.walk(workspace)) {
                    assertTrue(files.anyMatch(f -> matcher.matches(workspace.relativize(f))),
                            "No file in " + workspace + " matched to [" + pattern + "]");
                }
            }
        }
    }

    /** ${{ inputs.x }}, ${{ steps.lint.outputs.x }} and the github contexts the test sets; others are empty. */
    private String substitute(String text, Map<String, String> inputs, Map<String, String> outputs) {
        Matcher m = EXPRESSION.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(value(m.group(1), inputs, outputs)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String value(String expr, Map<String, String> inputs, Map<String, String> outputs) {
        if (expr.startsWith("inputs.")) {
            return inputs.getOrDefault(expr.substring(7), "");
        }
        if (expr.startsWith("steps.lint.outputs.")) {
            return outputs.getOrDefault(expr.substring(19), "");
        }
        return github.getOrDefault(expr, "");
    }

    /** The conditions action.yml uses: always(), == and != on inputs and step outputs, joined by &&. */
    private boolean condition(String text, Map<String, String> inputs, Map<String, String> outputs) {
        String expr = text.replaceAll("^\\$\\{\\{\\s*|\\s*}}$", "");
        for (String part : expr.split("&&")) {
            String p = part.strip();
            if (p.equals("always()")) {
                continue;
            }
            Matcher m = Pattern.compile("(\\S+)\\s*(==|!=)\\s*'([^']*)'").matcher(p);
            if (!m.matches()) {
                throw new AssertionError("the test does not understand the condition " + p);
            }
            boolean equal = value(m.group(1), inputs, outputs).equals(m.group(3));
            if (equal != m.group(2).equals("==")) {
                return false;
            }
        }
        return true;
    }
}
