package dev.migrationguard.rules.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrationguard.rules.Finding;
import dev.migrationguard.testing.InMemorySnapshot;
import dev.migrationguard.testing.RuleTester;
import dev.migrationguard.workspace.TextRange;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrismaMigrateResolveInDeployTest {
    private final PrismaMigrateResolveInDeploy rule = new PrismaMigrateResolveInDeploy();

    @Test
    void flagsResolveInAWorkflowRunStep() {
        InMemorySnapshot s = InMemorySnapshot.of(".github/workflows/deploy.yml", """
                on: push
                jobs:
                  deploy:
                    runs-on: ubuntu-latest
                    steps:
                      - name: Migrate
                        run: |
                          npx prisma migrate resolve --applied 0_init # expect: prisma-migrate-resolve-in-deploy
                          npx prisma migrate deploy
                """);
        List<Finding> findings = RuleTester.assertMatchesMarkers(rule, s);
        assertEquals(new TextRange(8, 22, 8, 47), findings.get(0).range());
        assertEquals("`prisma migrate resolve --applied` in step `Migrate` of job `deploy` runs in CI, where it records "
                + "a migration as applied without running it, so a migration that failed or never ran is hidden and "
                + "the schema no longer matches the history.", findings.get(0).message());
    }

    @Test
    void flagsDockerfilesEntrypointsAndDeployScripts() {
        InMemorySnapshot s = InMemorySnapshot.of(
                "Dockerfile", """
                        FROM node:20
                        # expect-next-line: prisma-migrate-resolve-in-deploy
                        CMD npx prisma migrate resolve --rolled-back 20240101000000_add_index; npx prisma migrate deploy && node dist/main.js
                        """,
                "docker-entrypoint.sh", """
                        #!/bin/sh
                        set -e
                        npx prisma migrate deploy || npx prisma migrate resolve --rolled-back="$FAILED" # expect: prisma-migrate-resolve-in-deploy
                        exec node dist/main.js
                        """,
                "compose.yaml", """
                        services:
                          api:
                            command: ["sh", "-c", "pnpm prisma migrate resolve --applied 0_init && node ."] # expect: prisma-migrate-resolve-in-deploy
                        """);
        RuleTester.assertMatchesMarkers(rule, s);
    }

    @Test
    void flagsAPackageScriptReachedFromStart() {
        InMemorySnapshot s = InMemorySnapshot.of("package.json", """
                {
                  "scripts": {
                    "start": "npm run db:baseline && node server.js",
                    "db:baseline": "dotenv -e .env -- prisma migrate resolve --applied 0_init"
                  }
                }
                """);
        List<Finding> findings = RuleTester.run(rule, s);
        assertEquals(List.of("package.json:4:46 prisma-migrate-resolve-in-deploy"), RuleTester.locations(findings));
        assertEquals("start", findings.get(0).properties().get("chain"));
    }

    @Test
    void staysSilentByHandAndWithoutAResolvingFlag() {
        InMemorySnapshot s = InMemorySnapshot.of(
                "package.json", "{\"scripts\": {\"db:resolve\": \"prisma migrate resolve --applied 0_init\"}}",
                "scripts/baseline.sh", "npx prisma migrate resolve --applied 0_init\n",
                ".github/workflows/ci.yml", """
                        on: push
                        jobs:
                          deploy:
                            runs-on: ubuntu-latest
                            steps:
                              - name: prisma migrate resolve --applied
                                run: npx prisma migrate deploy
                              - run: echo "if this fails, run npx prisma migrate resolve --rolled-back NAME"
                              - run: npx prisma migrate resolve --help
                              - run: npx prisma migrate status
                        """,
                "Dockerfile", "FROM node:20\n# RUN npx prisma migrate resolve --applied 0_init\nCMD npx prisma migrate deploy\n");
        assertEquals(List.of(), RuleTester.locations(RuleTester.run(rule, s)));
    }
}
