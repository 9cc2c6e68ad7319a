package dev.migrationguard.rules.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrationguard.rules.Finding;
import dev.migrationguard.testing.InMemorySnapshot;
import dev.migrationguard.testing.RuleTester;
import dev.migrationguard.workspace.TextRange;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrismaMigrateDevInDeployTest {
    private final PrismaMigrateDevInDeploy rule = new PrismaMigrateDevInDeploy();

    @Test
    void flagsMigrateDevInAMultiLineWorkflowBlock() {
        InMemorySnapshot s = InMemorySnapshot.of(".github/workflows/ci.yml", """
                name: CI
                on: [push]
                jobs:
                  test:
                    runs-on: ubuntu-latest
                    steps:
                      - name: Migrate
                        run: |
                          npm ci
                          npx prisma migrate dev --name ci # expect: prisma-migrate-dev-in-deploy
                          npx prisma migrate reset --force --skip-seed # expect: prisma-migrate-dev-in-deploy
                """);
        List<Finding> findings = RuleTester.assertMatchesMarkers(rule, s);
        assertEquals(List.of(
                ".github/workflows/ci.yml:10:22 prisma-migrate-dev-in-deploy",
                ".github/workflows/ci.yml:11:22 prisma-migrate-dev-in-deploy"), RuleTester.locations(findings));
        assertEquals(new TextRange(10, 22, 10, 33), findings.get(0).range());
        assertEquals("`prisma migrate dev` in step `Migrate` of job `test` runs in CI, where it can reset the database "
                + "when it drifts, and creates migrations instead of applying the committed ones.",
                findings.get(0).message());
    }

    @Test
    void flagsDockerfilesComposeProcfilesAndDeployScripts() {
        InMemorySnapshot s = InMemorySnapshot.of(
                "Dockerfile", """
                        FROM node:20
                        RUN npx prisma migrate dev # expect: prisma-migrate-dev-in-deploy
                        # expect-next-line: prisma-migrate-dev-in-deploy
                        ENTRYPOINT ["sh", "-c", "npx prisma migrate reset --force && node dist/main.js"]
                        """,
                "compose.yaml", """
                        services:
                          api:
                            command: ["npx", "prisma", "migrate", "dev"] # expect: prisma-migrate-dev-in-deploy
                        """,
                "Procfile", "release: npx prisma migrate dev # expect: prisma-migrate-dev-in-deploy\n",
                "deploy/run.sh", "yarn prisma migrate dev # expect: prisma-migrate-dev-in-deploy\n");
        RuleTester.assertMatchesMarkers(rule, s);
    }

    @Test
    void flagsStartScriptsAndScriptsTheyReach() {
        InMemorySnapshot s = InMemorySnapshot.of("package.json", """
                {
                  "scripts": {
                    "dev": "prisma migrate dev && next dev",
                    "start": "npm run migrate && node server.js",
                    "migrate": "prisma migrate dev"
                  }
                }
                """);
        List<Finding> findings = RuleTester.run(rule, s);
        assertEquals(List.of("package.json:5:24 prisma-migrate-dev-in-deploy"), RuleTester.locations(findings));
        assertEquals("start", findings.get(0).properties().get("chain"));
    }

    @Test
    void staysSilentLocallyAndOnMigrateDeploy() {
        InMemorySnapshot s = InMemorySnapshot.of(
                "package.json", "{\"scripts\": {\"db:migrate\": \"prisma migrate dev\", \"start:dev\": \"prisma migrate dev\"}}",
                "scripts/reset-db.sh", "npx prisma migrate reset --force\n",
                "Makefile", "migrate:\n\tnpx prisma migrate dev\n",
                ".github/workflows/ci.yml", """
                        on: push
                        jobs:
                          deploy:
                            runs-on: ubuntu-latest
                            steps:
                              - name: prisma migrate dev
                                run: npx prisma migrate deploy
                              - run: echo "npx prisma migrate dev"
                              - run: npx prisma migrate dev --help
                              - run: npx prisma migrate status
                        """,
                "Dockerfile", "FROM node:20\nCMD npx prisma migrate deploy && node dist/main.js\n");
        assertEquals(List.of(), RuleTester.locations(RuleTester.run(rule, s)));
    }
}
