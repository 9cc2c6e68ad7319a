package dev.migrationguard.rules.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationguard.rules.Finding;
import dev.migrationguard.testing.InMemorySnapshot;
import dev.migrationguard.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptParseErrorTest {
    private final ScriptParseError rule = new ScriptParseError();

    @Test
    void flagsInvalidYamlWorkflowAndInvalidPackageJsonAtTheBadPlace() {
        InMemorySnapshot s = InMemorySnapshot.of(
                ".github/workflows/deploy.yml", "on: push\njobs:\n  deploy:\n    steps:\n      - run: npx prisma migrate deploy\n"
                        + "       - run: npm start\n",
                "package.json", "{\n  \"scripts\": {\n    \"start\": \"node main.js\",\n  }\n}\n");
        List<Finding> f = RuleTester.run(rule, s);
        assertEquals(2, f.size(), f.toString());
        assertEquals(".github/workflows/deploy.yml", f.get(0).path());
        assertEquals(6, f.get(0).range().startLine());
        assertEquals("package.json", f.get(1).path());
        assertEquals(4, f.get(1).range().startLine());
        assertTrue(f.get(1).message().endsWith("; the commands in package.json are not checked"), f.get(1).message());
    }

    @Test
    void staysSilentOnValidFilesAndOnFilesItDoesNotRead() {
        InMemorySnapshot s = InMemorySnapshot.of(
                ".github/workflows/ci.yml", "on: push\njobs:\n  test:\n    steps:\n      - run: npm test\n",
                "package.json", "{\"scripts\": {\"test\": \"vitest\"}}\n",
                "docs/example.yml", "this: is: not: valid: yaml\n",
                "config/settings.json", "{ not json",
                "scripts/ok.sh", "#!/bin/sh\necho \"it's fine\"\n");
        assertEquals(List.of(), RuleTester.run(rule, s));
    }
}
