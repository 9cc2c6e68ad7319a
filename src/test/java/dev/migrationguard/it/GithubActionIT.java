package dev.migrationguard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.migrationguard.testing.SarifValidation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the steps of action.yml in order, locally and without network, on a pull request built with JGit: the
 * `run` steps through bash with the action's inputs and step outputs substituted, the `uses` steps as what they
 * would do here (Java is already set up; the SARIF upload is checked against the SARIF 2.1.0 schema).
 */
class GithubActionIT {
    private static final Path PROJECT = Path.of(System.getProperty("user.dir"));
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{\\s*([^}]+?)\\s*}}");

    @TempDir
    Path workspace;

    @Test
    void theActionUploadsValidSarifAnnotatesAndFailsAPullRequestThatAddsDbPush() throws Exception {
        RevCommit base;
        try (Git git = Git.init().setDirectory(workspace.toFile()).setInitialBranch("feature").call()) {
            Files.writeString(workspace.resolve("package.json"), "{\n  \"scripts\": {\n    \"start\": \"node main.js\"\n  }\n}\n");
            git.add().addFilepattern("package.json").call();
            base = git.commit().setMessage("init").setAuthor("Dev", "dev@example.com").setSign(false).call();
            RefUpdate origin = git.getRepository().updateRef("refs/remotes/origin/main");
            origin.setNewObjectId(base);
            origin.update();
            Files.writeString(workspace.resolve("package.json"),
                    "{\n  \"scripts\": {\n    \"start\": \"prisma db push && node main.js\"\n  }\n}\n");
            git.add().addFilepattern("package.json").call();
            git.commit().setMessage("start pushes the schema").setAuthor("Dev", "dev@example.com").setSign(false).call();
        }
        JsonNode action = new ObjectMapper(new YAMLFactory()).readTree(PROJECT.resolve("action.yml").toFile());
        Map<String, String> inputs = new HashMap<>();
        action.get("inputs").fields().forEachRemaining(e -> inputs.put(e.getKey(), e.getValue().path("default").asText()));
        Map<String, String> outputs = new HashMap<>();
        Map<String, String> env = new HashMap<>();
        env.put("GITHUB_ACTION_PATH", PROJECT.toString());
        env.put("GITHUB_WORKSPACE", workspace.toString());
        env.put("GITHUB_BASE_REF", "main");
        env.put("GITHUB_ENV", workspace.resolve("github-env").toString());
        env.put("GITHUB_OUTPUT", workspace.resolve("github-output").toString());
        Files.createFile(workspace.resolve("github-env"));

        List<String> ran = new ArrayList<>();
        int failStepExit = -1;
        for (JsonNode step : action.at("/runs/steps")) {
            String name = step.path("name").asText();
            if (step.has("if") && !condition(step.get("if").asText(), inputs, outputs)) {
                ran.add(name + ": skipped");
                continue;
            }
            if (step.has("uses")) {
                String uses = step.get("uses").asText();
                if (uses.startsWith("actions/setup-java")) {
                    ran.add(name + ": java " + System.getProperty("java.version") + " already set up");
                } else if (uses.startsWith("github/codeql-action/upload-sarif")) {
                    Path sarif = workspace.resolve(substitute(step.at("/with/sarif_file").asText(), inputs, outputs));
                    assertEquals(List.of(), SarifValidation.errors(Files.readString(sarif)), "uploaded SARIF is valid");
                    ran.add(name + ": uploaded " + workspace.relativize(sarif));
                } else {
                    throw new AssertionError("the test does not know how to run " + uses);
                }
                continue;
            }
            Map<String, String> stepEnv = new LinkedHashMap<>(env);
            // What build.sh writes to GITHUB_ENV is the environment of later steps.
            for (String line : Files.readAllLines(workspace.resolve("github-env"))) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    stepEnv.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
            step.path("env").fields().forEachRemaining(e -> stepEnv.put(e.getKey(), substitute(e.getValue().asText(), inputs, outputs)));
            ProcessBuilder pb = new ProcessBuilder("bash", "-c", substitute(step.get("run").asText(), inputs, outputs))
                    .directory(workspace.toFile()).redirectErrorStream(true);
            pb.environment().putAll(stepEnv);
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int code = p.waitFor();
            if (name.equals("Lint")) {
                assertEquals(0, code, "the lint step hands its exit code on instead of failing: " + out);
                assertTrue(out.contains("::error file=package.json,line=3,col=22,endLine=3,endColumn=29,title=prisma-db-push::"), out);
                for (String line : Files.readAllLines(workspace.resolve("github-output"))) {
                    int eq = line.indexOf('=');
                    outputs.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
            if (name.equals("Fail on findings")) {
                failStepExit = code;
            }
            ran.add(name + ": exit " + code);
        }
        assertEquals("1", outputs.get("exit-code"));
        assertEquals("true", outputs.get("sarif-written"));
        assertEquals(1, failStepExit, "the job fails on the finding: " + ran);
        assertEquals(5, ran.size(), ran.toString());
    }

    /** ${{ inputs.x }} and ${{ steps.lint.outputs.x }}; other contexts (github.event) are empty here. */
    private static String substitute(String text, Map<String, String> inputs, Map<String, String> outputs) {
        Matcher m = EXPRESSION.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(value(m.group(1), inputs, outputs)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String value(String expr, Map<String, String> inputs, Map<String, String> outputs) {
        if (expr.startsWith("inputs.")) {
            return inputs.getOrDefault(expr.substring(7), "");
        }
        if (expr.startsWith("steps.lint.outputs.")) {
            return outputs.getOrDefault(expr.substring(19), "");
        }
        return "";
    }

    /** The conditions action.yml uses: always(), == and != on inputs and step outputs, joined by &&. */
    private static boolean condition(String text, Map<String, String> inputs, Map<String, String> outputs) {
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
