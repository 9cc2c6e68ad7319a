package dev.migrationguard.rules.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrationguard.rules.Finding;
import dev.migrationguard.rules.Severity;
import dev.migrationguard.testing.InMemorySnapshot;
import dev.migrationguard.testing.RuleTester;
import dev.migrationguard.workspace.TextRange;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrismaDbPushTest {
    private final PrismaDbPush rule = new PrismaDbPush();

    private List<Finding> run(InMemorySnapshot snapshot) {
        return RuleTester.run(rule, snapshot);
    }

    private static List<String> severities(List<Finding> findings) {
        return findings.stream()
                .sorted(java.util.Comparator.comparing(Finding::path).thenComparing(f -> f.range().startLine()))
                .map(f -> f.path() + ":" + f.range().startLine() + " " + f.severity().label())
                .toList();
    }

    @Test
    void flagsDbPushInWorkflowRunStepAtTheLineInsideTheBlock() {
        InMemorySnapshot s = InMemorySnapshot.of(".github/workflows/ci.yml", """
                name: CI
                on: push
                jobs:
                  test:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/checkout@v4
                      - name: Prepare database
                        run: |
                          npm ci
                          npx prisma db push # expect: prisma-db-push
                      - run: npx prisma generate
                      - run: >
                          npx prisma
                          db push # expect: prisma-db-push
                      - run: "npx prisma \\"db\\" push" # expect: prisma-db-push
                """);
        List<Finding> findings = RuleTester.assertMatchesMarkers(rule, s);
        assertEquals(List.of(
                ".github/workflows/ci.yml:11:22 prisma-db-push",
                ".github/workflows/ci.yml:15:11 prisma-db-push",
                ".github/workflows/ci.yml:16:26 prisma-db-push"), RuleTester.locations(findings));
        Finding first = findings.get(0);
        assertEquals(Severity.ERROR, first.severity());
        assertEquals(new dev.migrationguard.workspace.TextRange(11, 22, 11, 29), first.range());
        assertEquals("`prisma db push` in step `Prepare database` of job `test` runs in CI, where it changes the "
                + "database schema without a migration file.", first.message());
    }

    @Test
    void fingerprintsSurviveLinesAndStepsInsertedAbove() {
        String before = "on: push\njobs:\n  t:\n    steps:\n      - run: npx prisma db push\n";
        String after = "on: push\njobs:\n  t:\n    steps:\n      - run: npm ci\n\n      - run: npx prisma db push\n";
        String first = run(InMemorySnapshot.of(".github/workflows/ci.yml", before)).get(0).fingerprint();
        String second = run(InMemorySnapshot.of(".github/workflows/ci.yml", after)).get(0).fingerprint();
        assertEquals(first, second);
    }

    @Test
    void flagsDbPushInPackageJsonScriptAtTheRawColumnPastEscapes() {
        InMemorySnapshot s = InMemorySnapshot.of("package.json", """
                {
                  "name": "api",
                  "scripts": {
                    "db:push": "echo \\"syncing\\" && prisma db push",
                    "unicode": "echo \\u00e9 && npx prisma db push"
                  }
                }
                """);
        List<Finding> findings = run(s);
        assertEquals(List.of("package.json:4:44 prisma-db-push", "package.json:5:43 prisma-db-push"),
                RuleTester.locations(findings));
        assertEquals(List.of("package.json:4 warning", "package.json:5 warning"), severities(findings));
    }

    @Test
    void recognisesEveryWayOfCallingPrisma() {
        InMemorySnapshot s = InMemorySnapshot.of("scripts/sync.sh", """
                #!/bin/sh
                prisma db push # expect: prisma-db-push
                npx prisma db push # expect: prisma-db-push
                npx --yes prisma db push # expect: prisma-db-push
                npx -y prisma@5.22.0 db push # expect: prisma-db-push
                pnpm prisma db push # expect: prisma-db-push
                pnpm dlx prisma db push # expect: prisma-db-push
                pnpm exec prisma db push # expect: prisma-db-push
                pnpm --filter api exec prisma db push # expect: prisma-db-push
                yarn prisma db push # expect: prisma-db-push
                yarn dlx prisma db push # expect: prisma-db-push
                yarn workspace api prisma db push # expect: prisma-db-push
                bunx prisma db push # expect: prisma-db-push
                bun x prisma db push # expect: prisma-db-push
                npm exec prisma -- db push # expect: prisma-db-push
                npm exec -- prisma db push # expect: prisma-db-push
                node_modules/.bin/prisma db push # expect: prisma-db-push
                ./node_modules/.bin/prisma db push # expect: prisma-db-push
                node node_modules/prisma/build/index.js db push # expect: prisma-db-push
                prisma --schema prisma/schema.prisma db push # expect: prisma-db-push
                prisma db push --schema=prisma/schema.prisma --skip-generate # expect: prisma-db-push
                DATABASE_URL=postgres://x npx prisma db push # expect: prisma-db-push
                env -i DATABASE_URL=x npx prisma db push # expect: prisma-db-push
                sudo -u app npx prisma db push # expect: prisma-db-push
                time npx prisma db push # expect: prisma-db-push
                exec npx prisma db push # expect: prisma-db-push
                npx dotenv -e .env.local -- prisma db push # expect: prisma-db-push
                npx cross-env NODE_ENV=dev prisma db push # expect: prisma-db-push
                sh -c "npx prisma db push" # expect: prisma-db-push
                bash -lc 'cd api && npx prisma db push' # expect: prisma-db-push
                out=$(npx prisma db push) # expect: prisma-db-push
                test -n "`npx prisma db push`" # expect: prisma-db-push
                if ! npx prisma db push; then exit 1; fi # expect: prisma-db-push
                npx prisma \\
                  db push # expect: prisma-db-push
                docker compose run --rm -e NODE_ENV=production api npx prisma db push # expect: prisma-db-push
                docker-compose -f compose.prod.yml exec -T api npx prisma db push # expect: prisma-db-push
                docker run --rm -it -v $PWD:/app -w /app node:20 npx prisma db push # expect: prisma-db-push
                docker exec -i api-1 sh -c 'npx prisma db push' # expect: prisma-db-push
                kubectl exec -n prod deploy/api -- npx prisma db push # expect: prisma-db-push
                heroku run -a my-app npx prisma db push # expect: prisma-db-push
                """);
        RuleTester.assertMatchesMarkers(rule, s);
    }

    @Test
    void ignoresDbPushInCommentsEchoStringsAndOtherWords() {
        InMemorySnapshot s = InMemorySnapshot.of(
                "scripts/notes.sh", """
                        #!/bin/sh
                        # npx prisma db push
                        echo "run npx prisma db push to sync"
                        echo npx prisma db push
                        printf '%s\\n' "prisma db push"
                        git commit -m "prisma db push"
                        mydb pushd
                        prisma db pushover
                        prisma db pull
                        prisma migrate deploy
                        prisma db push --help
                        npx prisma db push -h
                        command -v prisma db push
                        cat <<EOF
                        prisma db push
                        EOF
                        npx prisma generate # prisma db push
                        """,
                "README.md", "Run `npx prisma db push` to prototype.\n\n    prisma db push\n",
                ".github/workflows/ci.yml", """
                        name: prisma db push check
                        on: push
                        jobs:
                          build:
                            name: db push
                            runs-on: ubuntu-latest
                            steps:
                              # - run: npx prisma db push
                              - name: npx prisma db push
                                run: npx prisma migrate deploy
                              - run: echo "prisma db push"
                              - run: Write-Host prisma db push
                                shell: pwsh
                        """,
                "Dockerfile", """
                        FROM node:20
                        # RUN npx prisma db push
                        LABEL note="prisma db push"
                        RUN echo prisma db push
                        """);
        assertEquals(List.of(), RuleTester.locations(run(s)));
    }

    @Test
    void isAnErrorInCiAndDeployContextsAndAWarningLocally() {
        InMemorySnapshot s = InMemorySnapshot.of(
                "Dockerfile", "FROM node:20\nRUN npm ci && \\\n    npx prisma db push\n",
                "docker-compose.yml", "services:\n  api:\n    command: sh -c \"npx prisma db push && node dist/main.js\"\n",
                "Procfile", "release: npx prisma db push\nweb: node dist/main.js\n",
                "scripts/deploy.sh", "#!/usr/bin/env bash\nset -euo pipefail\nnpx prisma db push\n",
                "infra/migrate.sh", "npx prisma db push\n",
                "scripts/reset-local.sh", "npx prisma db push\n",
                ".husky/post-merge", "npx prisma db push\n",
                "lefthook.yml", "post-checkout:\n  commands:\n    db:\n      run: npx prisma db push\n",
                "Makefile", "PRISMA = npx prisma\n\ndb:\n\t@$(PRISMA) db push\n\nrelease: db\n\techo done\n",
                "Dockerfile.dev", "FROM node:20\nRUN npx prisma db push\n");
        List<Finding> findings = run(s);
        assertEquals(List.of(
                ".husky/post-merge:1 warning",
                "Dockerfile:3 error",
                "Dockerfile.dev:2 warning",
                "Makefile:4 error",
                "Procfile:1 error",
                "docker-compose.yml:3 error",
                "infra/migrate.sh:1 error",
                "lefthook.yml:4 warning",
                "scripts/deploy.sh:3 error",
                "scripts/reset-local.sh:1 warning"), severities(findings));
        assertEquals(List.of(
                ".husky/post-merge:1:12 prisma-db-push",
                "Dockerfile.dev:2:16 prisma-db-push",
                "Dockerfile:3:16 prisma-db-push",
                "Makefile:4:13 prisma-db-push",
                "Procfile:1:21 prisma-db-push",
                "docker-compose.yml:3:32 prisma-db-push",
                "infra/migrate.sh:1:12 prisma-db-push",
                "lefthook.yml:4:23 prisma-db-push",
                "scripts/deploy.sh:3:12 prisma-db-push",
                "scripts/reset-local.sh:1:12 prisma-db-push"), RuleTester.locations(findings));
    }

    @Test
    void flagsDbPushInAHostingPlatformsBuildCommand() {
        InMemorySnapshot s = InMemorySnapshot.of("vercel.json", """
                {
                  "buildCommand": "prisma db push && next build"
                }
                """);
        List<Finding> findings = run(s);
        assertEquals(List.of("vercel.json:2:27 prisma-db-push"), RuleTester.locations(findings));
        assertEquals("`prisma db push` in the `buildCommand` of vercel.json runs on deploy, where it changes the "
                + "database schema without a migration file.", findings.get(0).message());
    }

    @Test
    void followsPackageScriptChainsAndNamesThemInTheMessage() {
        InMemorySnapshot s = InMemorySnapshot.of("package.json", """
                {
                  "scripts": {
                    "deploy": "npm run db:sync && node dist/server.js",
                    "db:sync": "pnpm db:push",
                    "db:push": "prisma db push"
                  }
                }
                """);
        List<Finding> findings = run(s);
        assertEquals(List.of("package.json:5:24 prisma-db-push"), RuleTester.locations(findings));
        Finding f = findings.get(0);
        assertEquals(Severity.ERROR, f.severity());
        assertEquals("`prisma db push` in script `db:push` (reached from deploy -> db:sync) runs on deploy, where it "
                + "changes the database schema without a migration file.", f.message());
        assertEquals("deploy -> db:sync", f.properties().get("chain"));
    }

    @Test
    void followsEveryPackageManagerAndNpmHooks() {
        InMemorySnapshot s = InMemorySnapshot.of("package.json", """
                {
                  "scripts": {
                    "start": "yarn run app",
                    "app": "bun run sync",
                    "sync": "npm run-script push -- --force",
                    "push": "prisma db push",
                    "prerelease": "prisma db push",
                    "release": "echo release",
                    "postbuild": "run-s db:*",
                    "build": "tsc",
                    "db:a": "prisma db push"
                  }
                }
                """);
        List<Finding> findings = run(s);
        assertEquals(List.of("package.json:6:21 error", "package.json:7:27 error", "package.json:11:21 error"),
                findings.stream().map(f -> f.path() + ":" + f.range().startLine() + ":" + f.range().startColumn()
                        + " " + f.severity().label()).toList());
        assertEquals("start -> app -> sync", findings.get(0).properties().get("chain"));
        assertEquals(null, findings.get(1).properties().get("chain"));
        assertEquals("postbuild", findings.get(2).properties().get("chain"));
    }

    @Test
    void followsConcurrentlyCommandsAndItsNpmShorthand() {
        InMemorySnapshot s = InMemorySnapshot.of("package.json", """
                {
                  "scripts": {
                    "start": "concurrently -n db,api \\"npm:db:push\\" \\"node dist/main.js\\"",
                    "db:push": "prisma db push",
                    "dev": "npx concurrently --kill-others \\"npx prisma db push\\" \\"next dev\\""
                  }
                }
                """);
        List<Finding> findings = run(s);
        assertEquals(List.of("package.json:4:24 prisma-db-push", "package.json:5:57 prisma-db-push"),
                RuleTester.locations(findings));
        assertEquals(List.of("package.json:4 error", "package.json:5 warning"), severities(findings));
        assertEquals("start", findings.get(0).properties().get("chain"));
    }

    @Test
    void followsEnvironmentWrappers() {
        InMemorySnapshot s = InMemorySnapshot.of("scripts/sync.sh", """
                #!/bin/sh
                dotenv-flow -- prisma db push # expect: prisma-db-push
                npx dotenv-flow -p ./config -- npx prisma db push # expect: prisma-db-push
                dotenv-flow-cli -- prisma db push # expect: prisma-db-push
                env-cmd -- prisma db push # expect: prisma-db-push
                env-cmd -f .env.local --silent prisma db push # expect: prisma-db-push
                env-cmd -e development,local npx prisma db push # expect: prisma-db-push
                npx env-cmd -f .env.test -- npx prisma db push # expect: prisma-db-push
                cross-env X=1 prisma db push # expect: prisma-db-push
                cross-env NODE_ENV=test DATABASE_URL=$TEST_URL npx prisma db push # expect: prisma-db-push
                cross-env-shell DATABASE_URL=x "npx prisma db push --skip-generate" # expect: prisma-db-push
                dotenv -e .env.local -c development -- prisma db push # expect: prisma-db-push
                dotenvx run -f .env.staging -- npx prisma db push # expect: prisma-db-push
                env $(grep -v '^#' .env | xargs) npx prisma db push # expect: prisma-db-push
                node --env-file=.env node_modules/.bin/prisma db push # expect: prisma-db-push
                infisical run --env=dev -- npx prisma db push # expect: prisma-db-push
                op run --env-file=.env -- npx prisma db push # expect: prisma-db-push
                doppler run -- npx prisma db push # expect: prisma-db-push
                chamber exec api -- npx prisma db push # expect: prisma-db-push
                direnv exec . npx prisma db push # expect: prisma-db-push
                railway run npx prisma db push # expect: prisma-db-push
                sops exec-env secrets.enc.env 'npx prisma db push' # expect: prisma-db-push
                dotenv-flow -- prisma db pull
                env-cmd -f .env prisma migrate deploy
                """);
        RuleTester.assertMatchesMarkers(rule, s);
    }

    @Test
    void followsAnEnvironmentAliasScriptCalledWithoutRun() {
        InMemorySnapshot s = InMemorySnapshot.of("packages/db/package.json", """
                {
                  "scripts": {
                    "with-env": "dotenv -e ../../.env --",
                    "db:push": "pnpm with-env prisma db push",
                    "db:studio": "pnpm with-env prisma studio",
                    "deploy": "yarn with-env prisma db push --skip-generate"
                  }
                }
                """);
        List<Finding> findings = run(s);
        assertEquals(List.of("packages/db/package.json:4:38 prisma-db-push",
                "packages/db/package.json:6:37 prisma-db-push"), RuleTester.locations(findings));
        assertEquals("`prisma db push` in script `db:push` through script `with-env` changes the database schema "
                + "without a migration file.", findings.get(0).message());
    }

    @Test
    void notesAgentPermissionRulesThatAllowDbPushOrMigrateReset() {
        InMemorySnapshot s = InMemorySnapshot.of(
                ".claude/settings.json", """
                        {
                          "$schema": "https://json.schemastore.org/claude-code-settings.json",
                          "permissions": {
                            "allow": [
                              "Bash(npm run lint)",
                              "Bash(npx prisma generate)",
                              "Bash(npx prisma db push)",
                              "Bash(npx prisma:*)",
                              "Bash(npm run db:push)",
                              "Bash(pnpm prisma migrate reset --force)",
                              "Read(./prisma/**)"
                            ],
                            "deny": ["Bash(npx prisma migrate reset:*)"]
                          }
                        }
                        """,
                ".cursor/cli.json", """
                        {"permissions": {"allow": ["Shell(ls)", "Shell(npx prisma db)"], "deny": []}}
                        """,
                ".gemini/settings.json", """
                        {"tools": {"allowed": ["run_shell_command(git status)", "run_shell_command(npx prisma migrate reset)"]}}
                        """,
                "opencode.json", """
                        {
                          "$schema": "https://opencode.ai/config.json",
                          "permission": {"bash": {"*": "ask", "npx prisma *": "allow", "npx prisma db push": "deny"}}
                        }
                        """,
                ".vscode/settings.json", """
                        {
                          // agent mode may run these without asking
                          "chat.tools.terminal.autoApprove": {"npm test": true, "npx prisma db push": true, "/^rm /": false,},
                        }
                        """,
                "package.json", "{\"scripts\": {\"db:push\": \"prisma db push --skip-generate\", \"lint\": \"eslint .\"}}");
        List<Finding> findings = run(s);
        assertEquals(List.of(
                ".claude/settings.json:7:7 prisma-db-push",
                ".claude/settings.json:8:7 prisma-db-push",
                ".claude/settings.json:9:7 prisma-db-push",
                ".cursor/cli.json:1:41 prisma-db-push",
                ".gemini/settings.json:1:57 prisma-db-push",
                ".vscode/settings.json:3:57 prisma-db-push",
                "package.json:1:33 prisma-db-push"), RuleTester.locations(findings));
        assertEquals(List.of(Severity.NOTE), findings.stream().filter(f -> !f.path().equals("package.json"))
                .map(Finding::severity).distinct().toList());
        Finding wildcard = findings.stream().filter(f -> f.range().startLine() == 8 && f.path().startsWith(".claude"))
                .findFirst().orElseThrow();
        assertEquals(new TextRange(8, 7, 8, 27), wildcard.range());
        assertEquals("`Bash(npx prisma:*)` lets Claude Code run `prisma db push` without "
                + "asking, so a coding agent can change or drop the database schema outside the migration history.",
                wildcard.message());
        assertEquals("`Bash(npm run db:push)` lets Claude Code run `prisma db push` (script "
                + "`db:push` runs it) without asking, so a coding agent can change or drop the database schema outside "
                + "the migration history.", findings.stream().filter(f -> f.range().startLine() == 9
                && f.path().startsWith(".claude")).findFirst().orElseThrow().message());
    }

    @Test
    void staysSilentOnAgentRulesThatAskOrDenyOrNameOtherCommands() {
        InMemorySnapshot s = InMemorySnapshot.of(
                ".claude/settings.json", """
                        {"permissions": {
                          "allow": ["Bash", "Bash(npx prisma:*)", "Bash(npm run:*)", "Bash(npx prisma migrate dev:*)"],
                          "ask": ["Bash(npx prisma db push:*)"]
                        }}
                        """,
                ".claude/settings.local.json", "{\"permissions\": {\"deny\": [\"Bash(npx prisma migrate reset)\"]}}",
                ".cursor/cli.json", "{\"permissions\": {\"allow\": [\"Shell(npx prisma generate)\"]}}",
                "opencode.json", "{\"permission\": {\"bash\": {\"npx prisma db push\": \"ask\"}}}",
                "docs/settings.json", "{\"permissions\": {\"allow\": [\"Bash(npx prisma db push)\"]}}",
                ".vscode/settings.json", "{\"chat.tools.terminal.autoApprove\": {\"npx prisma db push\": false}}",
                ".gemini/settings.json", "not json {");
        assertEquals(List.of(), RuleTester.locations(run(s)));
    }

    @Test
    void argumentsForwardedToAnAliasScriptAreReportedWhereTheyAreWritten() {
        InMemorySnapshot s = InMemorySnapshot.of("package.json", """
                {
                  "scripts": {
                    "prisma": "dotenv -e .env.production -- prisma",
                    "deploy": "npm run prisma -- db push && node dist/main.js",
                    "sync": "yarn prisma db push"
                  }
                }
                """);
        List<Finding> findings = run(s);
        assertEquals(List.of("package.json:4:34 prisma-db-push", "package.json:5:26 prisma-db-push"),
                RuleTester.locations(findings));
        assertEquals("`prisma db push` in script `deploy` through script `prisma` runs on deploy, where it changes "
                + "the database schema without a migration file.", findings.get(0).message());
    }

    @Test
    void scriptFilesTakeTheContextOfWhatRunsThem() {
        InMemorySnapshot s = InMemorySnapshot.of(
                ".github/workflows/ci.yml", """
                        on: push
                        jobs:
                          test:
                            runs-on: ubuntu-latest
                            steps:
                              - run: ./scripts/setup-db.sh
                        """,
                "scripts/setup-db.sh", "#!/bin/sh\nset -e\n. ./scripts/lib.sh\nnpx prisma db push\n",
                "scripts/lib.sh", "npx prisma db push --skip-generate\n",
                "package.json", "{\"scripts\": {\"release\": \"bash tools/sync.sh\"}}",
                "tools/sync.sh", "npx prisma db push\n",
                "tools/loop-a.sh", "./tools/loop-b.sh\nnpx prisma db push\n",
                "tools/loop-b.sh", "./tools/loop-a.sh\n");
        List<Finding> findings = run(s);
        assertEquals(List.of(
                "scripts/lib.sh:1 error",
                "scripts/setup-db.sh:4 error",
                "tools/loop-a.sh:2 warning",
                "tools/sync.sh:1 error"), severities(findings));
        List<String> chains = findings.stream()
                .sorted(java.util.Comparator.comparing(Finding::path))
                .map(f -> f.path() + " <- " + f.properties().get("chain")).toList();
        assertEquals(List.of(
                "scripts/lib.sh <- .github/workflows/ci.yml -> scripts/setup-db.sh",
                "scripts/setup-db.sh <- .github/workflows/ci.yml",
                "tools/loop-a.sh <- null",
                "tools/sync.sh <- package.json script `release`"), chains);
    }

    @Test
    void chainCyclesTerminateAndStayLocal() {
        InMemorySnapshot s = InMemorySnapshot.of("package.json", """
                {"scripts": {"a": "npm run b", "b": "npm run a && prisma db push", "c": "npm run c"}}
                """);
        List<Finding> findings = run(s);
        assertEquals(List.of("package.json:1:58 prisma-db-push"), RuleTester.locations(findings));
        assertEquals(Severity.WARNING, findings.get(0).severity());
    }

    @Test
    void scriptsRunFromAWorkflowTakeTheCiContext() {
        InMemorySnapshot s = InMemorySnapshot.of(
                "package.json", "{\"scripts\": {\"db:push\": \"prisma db push\"}}\n",
                ".github/workflows/test.yml", """
                        on: push
                        jobs:
                          test:
                            runs-on: ubuntu-latest
                            steps:
                              - run: npm run db:push
                        """);
        List<Finding> findings = run(s);
        assertEquals(List.of("package.json:1:33 prisma-db-push"), RuleTester.locations(findings));
        assertEquals(Severity.ERROR, findings.get(0).severity());
        assertEquals("`prisma db push` in script `db:push` (reached from .github/workflows/test.yml) runs in CI, "
                + "where it changes the database schema without a migration file.", findings.get(0).message());
    }
}
