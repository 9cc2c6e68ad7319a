package dev.migrationguard.rules.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrationguard.rules.Finding;
import dev.migrationguard.rules.Severity;
import dev.migrationguard.testing.InMemorySnapshot;
import dev.migrationguard.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaPushCommandTest {
    private final SchemaPushCommand rule = new SchemaPushCommand();

    @Test
    void flagsEveryToolsPushCommand() {
        InMemorySnapshot s = InMemorySnapshot.of("scripts/sync.sh", """
                drizzle-kit push # expect: schema-push-command
                npx drizzle-kit push --config drizzle.config.ts # expect: schema-push-command
                npx drizzle-kit push:pg # expect: schema-push-command
                pnpm drizzle-kit push:mysql # expect: schema-push-command
                bunx drizzle-kit push:sqlite # expect: schema-push-command
                npx typeorm schema:sync -d src/data-source.ts # expect: schema-push-command
                npx typeorm-ts-node-commonjs schema:sync -d src/data-source.ts # expect: schema-push-command
                yarn typeorm-ts-node-esm -d src/data-source.ts schema:sync # expect: schema-push-command
                npx mikro-orm schema:update --run # expect: schema-push-command
                pnpm mikro-orm-esm schema:update -r # expect: schema-push-command
                yarn dlx mikro-orm schema:fresh --run --seed # expect: schema-push-command
                """);
        List<Finding> findings = RuleTester.assertMatchesMarkers(rule, s);
        assertEquals(List.of("scripts/sync.sh:10:20 schema-push-command", "scripts/sync.sh:11:20 schema-push-command",
                "scripts/sync.sh:1:13 schema-push-command", "scripts/sync.sh:2:17 schema-push-command",
                "scripts/sync.sh:3:17 schema-push-command", "scripts/sync.sh:4:18 schema-push-command",
                "scripts/sync.sh:5:18 schema-push-command", "scripts/sync.sh:6:13 schema-push-command",
                "scripts/sync.sh:7:30 schema-push-command", "scripts/sync.sh:8:48 schema-push-command",
                "scripts/sync.sh:9:15 schema-push-command"), RuleTester.locations(findings));
        assertEquals("`drizzle-kit push` in this shell script changes the database schema directly from the models, "
                + "without a migration file.", findings.get(0).message());
        assertEquals(Severity.WARNING, findings.get(0).severity());
    }

    @Test
    void isAnErrorInDeployScriptsAndCi() {
        InMemorySnapshot s = InMemorySnapshot.of(
                "package.json", "{\"scripts\": {\"start\": \"drizzle-kit push && node dist/index.js\"}}\n",
                ".gitlab-ci.yml", "deploy:\n  script:\n    - npx typeorm schema:sync -d dist/ds.js\n");
        List<Finding> findings = RuleTester.run(rule, s);
        assertEquals(List.of(".gitlab-ci.yml:3:19 schema-push-command", "package.json:1:36 schema-push-command"),
                RuleTester.locations(findings));
        assertEquals(List.of(Severity.ERROR), findings.stream().map(Finding::severity).distinct().toList());
    }

    @Test
    void ignoresMigrationCommandsHelpDumpsAndText() {
        InMemorySnapshot s = InMemorySnapshot.of("scripts/db.sh", """
                npx drizzle-kit generate
                npx drizzle-kit migrate
                npx drizzle-kit push --help
                npx typeorm migration:run -d src/ds.ts
                npx mikro-orm schema:update --dump
                npx mikro-orm migration:up
                echo "drizzle-kit push"
                # npx typeorm schema:sync
                my-drizzle-kit push
                npx drizzle-kit pushd
                """);
        assertEquals(List.of(), RuleTester.locations(RuleTester.run(rule, s)));
    }
}
