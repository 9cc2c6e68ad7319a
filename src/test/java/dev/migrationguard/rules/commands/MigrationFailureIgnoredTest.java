package dev.migrationguard.rules.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrationguard.rules.Finding;
import dev.migrationguard.rules.Severity;
import dev.migrationguard.testing.InMemorySnapshot;
import dev.migrationguard.testing.RuleTester;
import dev.migrationguard.workspace.TextRange;
import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationFailureIgnoredTest {
    private final MigrationFailureIgnored rule = new MigrationFailureIgnored();

    @Test
    void flagsFallbacksThatAlwaysSucceedInWorkflowSteps() {
        InMemorySnapshot s = InMemorySnapshot.of(".github/workflows/deploy.yml", """
                on: push
                jobs:
                  deploy:
                    runs-on: ubuntu-latest
                    steps:
                      - name: Migrate
                        run: npx prisma migrate deploy || true # expect: migration-failure-ignored
                      - name: Drift
                        run: |
                          npx prisma migrate diff \\
                            --from-migrations prisma/migrations --to-schema-datamodel prisma/schema.prisma \\
                            --shadow-database-url "$SHADOW" --exit-code || echo "drift found" # expect-next-line: migration-failure-ignored
                      - run: pnpm prisma migrate deploy && echo done || exit 0
                      - run: |
                          set +e
                          npx prisma migrate deploy # expect: migration-failure-ignored
                          npm run build
                """);
        List<Finding> findings = RuleTester.run(rule, s);
        assertEquals(List.of(
                ".github/workflows/deploy.yml:10:22 migration-failure-ignored",
                ".github/workflows/deploy.yml:13:26 migration-failure-ignored",
                ".github/workflows/deploy.yml:16:22 migration-failure-ignored",
                ".github/workflows/deploy.yml:7:25 migration-failure-ignored"), RuleTester.locations(findings));
        Finding first = findings.stream().filter(f -> f.range().startLine() == 7).findFirst().orElseThrow();
        assertEquals(new TextRange(7, 25, 7, 39), first.range());
        assertEquals(Severity.ERROR, first.severity());
        assertEquals("`prisma migrate deploy` in step `Migrate` of job `deploy` runs in CI, but `|| true` turns its "
                + "failure into success: a failed migration goes unnoticed and the code runs against a schema it does "
                + "not expect.", first.message());
        Finding drift = findings.stream().filter(f -> f.range().startLine() == 10).findFirst().orElseThrow();
        assertEquals("the drift check `prisma migrate diff --exit-code` in step `Drift` of job `deploy` runs in CI, "
                + "but `|| echo drift found` turns its failure into success: drift between the schema and the "
                + "migrations passes the gate unseen.", drift.message());
        Finding setOff = findings.stream().filter(f -> f.range().startLine() == 16).findFirst().orElseThrow();
        assertEquals("`prisma migrate deploy` in step 4 of job `deploy` runs in CI, but `set +e` before it lets the "
                + "script go on when it fails, and nothing reads `$?`: a failed migration goes unnoticed and the code "
                + "runs against a schema it does not expect.", setOff.message());
    }

    @Test
    void flagsDockerfilesComposeAndEntrypoints() {
        InMemorySnapshot s = InMemorySnapshot.of(
                "Dockerfile", """
                        FROM node:20
                        RUN npx prisma migrate deploy; true # expect: migration-failure-ignored
                        # expect-next-line: migration-failure-ignored
                        CMD ["sh", "-c", "npx prisma migrate deploy || echo 'migrate failed'; node dist/main.js"]
                        """,
                "compose.yaml", """
                        services:
                          api:
                            command: sh -c "yarn prisma migrate deploy || true && node ." # expect: migration-failure-ignored
                        """,
                "docker-entrypoint.sh", """
                        #!/bin/sh
                        npx prisma migrate deploy || { echo "migrations failed" >&2; } # expect: migration-failure-ignored
                        npx prisma migrate deploy || : # expect: migration-failure-ignored
                        exec node dist/main.js
                        """);
        RuleTester.assertMatchesMarkers(rule, s);
    }

    @Test
    void followsPackageScriptsToTheMigration() {
        InMemorySnapshot s = InMemorySnapshot.of("package.json", """
                {
                  "scripts": {
                    "start": "npm run db:deploy || true && node server.js",
                    "db:deploy": "dotenv -e .env -- prisma migrate deploy",
                    "dev:migrate": "prisma migrate deploy || echo skipped"
                  }
                }
                """);
        List<Finding> findings = RuleTester.run(rule, s);
        assertEquals(List.of("package.json:3:23 migration-failure-ignored", "package.json:5:28 migration-failure-ignored"),
                RuleTester.locations(findings));
        assertEquals(Severity.ERROR, findings.get(0).severity());
        assertEquals("`prisma migrate deploy` in script `start` runs on deploy, but `|| true` turns its failure into "
                + "success: a failed migration goes unnoticed and the code runs against a schema it does not expect.",
                findings.get(0).message());
        assertEquals(Severity.WARNING, findings.get(1).severity());
    }

    @Test
    void staysSilentWhenTheFailureIsHandled() {
        InMemorySnapshot s = InMemorySnapshot.of(
                ".github/workflows/deploy.yml", """
                        on: push
                        jobs:
                          deploy:
                            runs-on: ubuntu-latest
                            steps:
                              - run: npx prisma migrate deploy || exit 1
                              - run: npx prisma migrate deploy || { echo "migration failed" >&2; exit 1; }
                              - run: npx prisma migrate deploy || (sleep 5 && npx prisma migrate deploy)
                              - run: npx prisma migrate deploy; true
                              - run: |
                                  set +e
                                  npx prisma migrate deploy
                                  status=$?
                                  set -e
                                  if [ "$status" -ne 0 ]; then exit "$status"; fi
                              - run: |
                                  set +e
                                  npx prisma migrate deploy
                              - run: |
                                  set +e
                                  set -e
                                  npx prisma migrate deploy
                                  npm run build
                              - run: npx prisma migrate diff --from-migrations m --to-schema-datamodel s || true
                              - run: npx prisma generate || true
                              - run: echo "npx prisma migrate deploy || true"
                        """,
                "deploy/migrate.sh", """
                        #!/bin/bash
                        if ! npx prisma migrate deploy; then
                          echo "failed"
                        fi
                        npx prisma migrate deploy
                        node dist/main.js
                        npx prisma migrate deploy | tee migrate.log
                        npx prisma migrate deploy "$(cat args || true)"
                        """,
                "Dockerfile", "FROM node:20\nCMD npx prisma migrate deploy && node dist/main.js\n");
        assertEquals(List.of(), RuleTester.locations(RuleTester.run(rule, s)));
    }
}
