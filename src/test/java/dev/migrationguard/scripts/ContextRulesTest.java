package dev.migrationguard.scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ContextRulesTest {

    @Test
    void scriptNamesDecideTheirContext() {
        Map<String, ScriptContext> actual = new TreeMap<>();
        for (String name : List.of("deploy", "predeploy", "postdeploy", "start", "prestart", "start:prod", "start:dev",
                "release", "postinstall", "build", "vercel-build", "heroku-postbuild", "db:push", "dev", "test",
                "test:ci", "ci", "migrate:deploy", "db:push:local", "seed", "lint")) {
            actual.put(name, ContextRules.forName(name));
        }
        Map<String, ScriptContext> expected = new TreeMap<>(Map.ofEntries(
                Map.entry("deploy", ScriptContext.DEPLOY), Map.entry("predeploy", ScriptContext.DEPLOY),
                Map.entry("postdeploy", ScriptContext.DEPLOY), Map.entry("start", ScriptContext.DEPLOY),
                Map.entry("prestart", ScriptContext.DEPLOY), Map.entry("start:prod", ScriptContext.DEPLOY),
                Map.entry("start:dev", ScriptContext.LOCAL), Map.entry("release", ScriptContext.DEPLOY),
                Map.entry("postinstall", ScriptContext.DEPLOY), Map.entry("build", ScriptContext.DEPLOY),
                Map.entry("vercel-build", ScriptContext.DEPLOY), Map.entry("heroku-postbuild", ScriptContext.DEPLOY),
                Map.entry("db:push", ScriptContext.LOCAL), Map.entry("dev", ScriptContext.LOCAL),
                Map.entry("test", ScriptContext.LOCAL), Map.entry("test:ci", ScriptContext.CI),
                Map.entry("ci", ScriptContext.CI), Map.entry("migrate:deploy", ScriptContext.DEPLOY),
                Map.entry("db:push:local", ScriptContext.LOCAL), Map.entry("seed", ScriptContext.LOCAL),
                Map.entry("lint", ScriptContext.LOCAL)));
        assertEquals(expected, actual);
    }

    @Test
    void pathsDecideTheirContext() {
        Map<String, ScriptContext> actual = new TreeMap<>();
        for (String path : List.of("scripts/deploy.sh", "scripts/deploy-prod.sh", "scripts/dev-deploy.sh",
                "scripts/db-push.sh", "docker-entrypoint.sh", "infra/migrate.sh", "deploy/dev.sh",
                ".platform/hooks/predeploy/01_migrate.sh", ".github/scripts/setup.sh", "ci/run.sh", "tools/x.sh",
                "k8s/jobs/migrate.sh", "release.sh")) {
            actual.put(path, ContextRules.forPath(path));
        }
        Map<String, ScriptContext> expected = new TreeMap<>(Map.ofEntries(
                Map.entry("scripts/deploy.sh", ScriptContext.DEPLOY), Map.entry("scripts/deploy-prod.sh", ScriptContext.DEPLOY),
                Map.entry("scripts/dev-deploy.sh", ScriptContext.LOCAL), Map.entry("scripts/db-push.sh", ScriptContext.LOCAL),
                Map.entry("docker-entrypoint.sh", ScriptContext.DEPLOY), Map.entry("infra/migrate.sh", ScriptContext.DEPLOY),
                Map.entry("deploy/dev.sh", ScriptContext.LOCAL),
                Map.entry(".platform/hooks/predeploy/01_migrate.sh", ScriptContext.DEPLOY),
                Map.entry(".github/scripts/setup.sh", ScriptContext.CI), Map.entry("ci/run.sh", ScriptContext.CI),
                Map.entry("tools/x.sh", ScriptContext.LOCAL), Map.entry("k8s/jobs/migrate.sh", ScriptContext.DEPLOY),
                Map.entry("release.sh", ScriptContext.DEPLOY)));
        assertEquals(expected, actual);
    }
}
