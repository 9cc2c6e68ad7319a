package dev.migrationguard.fuzz;

import static dev.migrationguard.fuzz.FuzzAssertions.positionsInside;
import static dev.migrationguard.fuzz.FuzzAssertions.withinLinearTime;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.migrationguard.scripts.CommandSites;
import dev.migrationguard.scripts.MappedText;
import dev.migrationguard.scripts.ShellParser;
import dev.migrationguard.scripts.ShellScript;
import dev.migrationguard.testing.InMemorySnapshot;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The command tokeniser on the input as a shell script, and the command model of a repository whose package.json
 * and workflow file both hold the input (JSON seeds exercise the first, YAML seeds the second).
 */
@Order(FuzzAssertions.LAST)
class ScriptsFuzzTest {

    static {
        FuzzAssertions.warmUp(() -> new ScriptsFuzzTest().readsAnyScriptPackageJsonAndWorkflow("""
                {"scripts": {"build": "prisma generate && tsc", "deploy": "npm run build && prisma migrate deploy"}}
                """.getBytes(StandardCharsets.UTF_8)));
        FuzzAssertions.warmUp(() -> new ScriptsFuzzTest().readsAnyScriptPackageJsonAndWorkflow("""
                on: push
                jobs:
                  deploy:
                    steps:
                      - run: |
                          npx prisma migrate deploy
                """.getBytes(StandardCharsets.UTF_8)));
    }

    @FuzzTest(maxDuration = "10m")
    void readsAnyScriptPackageJsonAndWorkflow(byte[] input) {
        String text = FuzzAssertions.text(input);
        ShellScript script = withinLinearTime("ShellParser.parse", text.length(),
                () -> ShellParser.parse(MappedText.identity(text, 0, text.length())));
        positionsInside(script, text.length(), "ShellParser.parse");

        // The same text at two paths: the bound allows for reading it twice.
        CommandSites.Model model = withinLinearTime("CommandSites", 2 * text.length(), () -> new InMemorySnapshot()
                .putBytes("package.json", input)
                .putBytes(".github/workflows/ci.yml", input)
                .model(CommandSites.MODEL));
        positionsInside(model, text.length(), "CommandSites");
    }

    @Test
    void aWorkflowWhoseStepsAreSixteenThousandAliasesOfOneCommand() {
        // Issue 20 item 5: each alias was parsed again (166 KB: over 120 s).
        readsAnyScriptPackageJsonAndWorkflow(("on: push\nx: &c \"npx prisma db push" + " && echo ok".repeat(40)
                + "\"\njobs:\n  a:\n    steps:\n" + "      - run: *c\n".repeat(16_000)).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void bashRegexGroupsInDoubleBrackets() {
        readsAnyScriptPackageJsonAndWorkflow("if [[ $x =~ (a)(b) ]]; then echo \"${BASH_REMATCH[1]}\"; fi\n".repeat(5_000)
                .getBytes(StandardCharsets.UTF_8));
    }
}
