package dev.migrationguard.scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationguard.testing.InMemorySnapshot;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommandSitesTest {

    /** {@code path:line:col CONTEXT origin | command} for each site. */
    private static List<String> sites(InMemorySnapshot s) {
        return s.model(CommandSites.KEY).stream()
                .map(site -> site.path() + ":" + site.file().line(site.start()) + ":" + site.file().column(site.start())
                        + " " + site.context() + " " + site.where() + " | " + site.command())
                .toList();
    }

    @Test
    void recognisesScriptFilesByPath() {
        assertEquals(Optional.of(ScriptKind.WORKFLOW), CommandSites.kindOf(".github/workflows/ci.yaml"));
        assertEquals(Optional.of(ScriptKind.WORKFLOW), CommandSites.kindOf(".github/actions/setup/action.yml"));
        assertEquals(Optional.empty(), CommandSites.kindOf(".github/dependabot.yml"));
        assertEquals(Optional.of(ScriptKind.DOCKERFILE), CommandSites.kindOf("docker/api.Dockerfile"));
        assertEquals(Optional.of(ScriptKind.DOCKERFILE), CommandSites.kindOf("Dockerfile.prod"));
        assertEquals(Optional.of(ScriptKind.COMPOSE), CommandSites.kindOf("docker-compose.prod.yml"));
        assertEquals(Optional.of(ScriptKind.COMPOSE), CommandSites.kindOf("compose.yaml"));
        assertEquals(Optional.of(ScriptKind.HUSKY), CommandSites.kindOf(".husky/pre-commit"));
        assertEquals(Optional.empty(), CommandSites.kindOf(".husky/_/husky.sh".replace(".sh", "")));
        assertEquals(Optional.of(ScriptKind.LEFTHOOK), CommandSites.kindOf("lefthook.yml"));
        assertEquals(Optional.of(ScriptKind.MAKEFILE), CommandSites.kindOf("build/rules.mk"));
        assertEquals(Optional.of(ScriptKind.PROCFILE), CommandSites.kindOf("Procfile"));
        assertEquals(Optional.of(ScriptKind.SHELL), CommandSites.kindOf("scripts/a.bash"));
        assertEquals(Optional.empty(), CommandSites.kindOf("README.md"));
    }

    @Test
    void readsShellFilesByShebangOnly() {
        InMemorySnapshot s = InMemorySnapshot.of(
                "bin/migrate", "#!/usr/bin/env bash\nnpx prisma migrate deploy\n",
                "bin/tool", "#!/usr/bin/env python3\nprint('prisma db push')\n",
                "LICENSE", "prisma db push\n");
        assertEquals(List.of("bin/migrate:2:1 LOCAL this shell script | npx prisma migrate deploy"), sites(s));
    }

    @Test
    void dockerfileJoinsContinuationsAndReadsExecFormAndHereDocs() {
        InMemorySnapshot s = InMemorySnapshot.of("Dockerfile", """
                FROM node:20 AS build
                RUN --mount=type=cache,target=/root/.npm npm ci \\
                    # a comment inside the instruction

                    && npx prisma generate
                CMD ["node", "dist/main.js"]
                RUN <<EOF
                npx prisma migrate deploy
                EOF
                RUN cat <<EOF > /app/.env
                npx prisma db push
                EOF
                ENTRYPOINT exec node server.js
                ONBUILD RUN npm test
                """);
        assertEquals(List.of(
                "Dockerfile:2:42 DEPLOY the RUN instruction | npm ci",
                "Dockerfile:5:8 DEPLOY the RUN instruction | npx prisma generate",
                "Dockerfile:6:6 DEPLOY the CMD instruction | node dist/main.js",
                "Dockerfile:8:1 DEPLOY the RUN instruction | npx prisma migrate deploy",
                "Dockerfile:10:5 DEPLOY the RUN instruction | cat",
                "Dockerfile:13:12 DEPLOY the ENTRYPOINT instruction | exec node server.js",
                "Dockerfile:14:13 DEPLOY the RUN instruction | npm test"), sites(s));
    }

    @Test
    void makefileExpandsVariablesAndFollowsPrerequisites() {
        InMemorySnapshot s = InMemorySnapshot.of("Makefile", """
                PRISMA := npx prisma
                SCHEMA ?= prisma/schema.prisma

                .PHONY: deploy db
                deploy: db
                \t@echo "deployed $$HOME"

                db:
                \t-$(PRISMA) migrate deploy --schema $(SCHEMA)
                \t+$(MAKE) seed
                seed: ; node seed.js
                """);
        assertEquals(List.of(
                "Makefile:6:3 DEPLOY the recipe of target `deploy` | echo deployed $HOME",
                "Makefile:9:3 DEPLOY the recipe of target `db` (reached from deploy) | npx prisma migrate deploy --schema prisma/schema.prisma",
                "Makefile:10:3 DEPLOY the recipe of target `db` (reached from deploy) | ${MAKE} seed",
                "Makefile:11:9 DEPLOY the recipe of target `seed` (reached from deploy -> db) | node seed.js"), sites(s));
    }

    @Test
    void makeTargetsRunFromCiTakeTheCiContext() {
        InMemorySnapshot s = InMemorySnapshot.of(
                "api/Makefile", "db:\n\tnpx prisma db push\n",
                ".github/workflows/ci.yml", "jobs:\n  t:\n    steps:\n      - run: make -C api db\n");
        assertEquals(List.of(
                ".github/workflows/ci.yml:4:14 CI step 1 of job `t` | make -C api db",
                "api/Makefile:2:2 CI the recipe of target `db` (reached from .github/workflows/ci.yml) | npx prisma db push"),
                sites(s));
    }

    @Test
    void composeProcfileHuskyAndLefthook() {
        InMemorySnapshot s = InMemorySnapshot.of(
                "docker-compose.yml", """
                        services:
                          api:
                            entrypoint: ["./docker-entrypoint.sh"]
                            command: >
                              sh -c "npx prisma migrate deploy
                              && node dist/main.js"
                          db:
                            image: postgres:16
                        """,
                "docker-compose.dev.yml", "services:\n  api:\n    command: npm run dev\n",
                "Procfile", "# processes\nrelease: npx prisma migrate deploy\nweb: node dist/main.js\n",
                ".husky/pre-commit", "npx lint-staged\n",
                "lefthook.yml", "pre-push:\n  jobs:\n    - name: types\n      run: npx tsc --noEmit\n");
        assertEquals(List.of(
                ".husky/pre-commit:1:1 LOCAL husky hook `pre-commit` | npx lint-staged",
                "Procfile:2:10 DEPLOY process `release` | npx prisma migrate deploy",
                "Procfile:3:6 DEPLOY process `web` | node dist/main.js",
                "docker-compose.dev.yml:3:14 LOCAL the `command` of service `api` | npm run dev",
                "docker-compose.yml:3:18 DEPLOY the `entrypoint` of service `api` | ./docker-entrypoint.sh",
                "docker-compose.yml:5:7 DEPLOY the `command` of service `api` | sh -c npx prisma migrate deploy && node dist/main.js",
                "docker-compose.yml:5:14 DEPLOY the `command` of service `api` | npx prisma migrate deploy",
                "docker-compose.yml:6:10 DEPLOY the `command` of service `api` | node dist/main.js",
                "lefthook.yml:4:12 LOCAL the lefthook command `pre-push.jobs[0]` | npx tsc --noEmit"), sites(s));
    }

    @Test
    void aNestedPackageOwnsTheScriptsItsFolderRuns() {
        InMemorySnapshot s = InMemorySnapshot.of(
                "package.json", "{\"scripts\": {\"db:push\": \"prisma db push\"}}",
                "apps/api/package.json", "{\"scripts\": {\"db:push\": \"prisma db push\"}}",
                "apps/api/deploy/release.sh", "npm run db:push\n");
        List<String> sites = sites(s);
        assertTrue(sites.contains("apps/api/package.json:1:26 DEPLOY script `db:push` (reached from apps/api/deploy/release.sh) | prisma db push"), sites.toString());
        assertTrue(sites.contains("package.json:1:26 LOCAL script `db:push` | prisma db push"), sites.toString());
    }

    @Test
    void aWorkflowStepsWorkingDirectoryChoosesThePackage() {
        InMemorySnapshot s = InMemorySnapshot.of(
                "package.json", "{\"scripts\": {\"db:push\": \"prisma db push\"}}",
                "api/package.json", "{\"scripts\": {\"db:push\": \"prisma db push\"}}",
                ".github/workflows/ci.yml", """
                        jobs:
                          api:
                            runs-on: ubuntu-latest
                            defaults:
                              run:
                                working-directory: ./api
                            steps:
                              - run: npm run db:push
                        """);
        List<String> sites = sites(s);
        assertTrue(sites.contains("api/package.json:1:26 CI script `db:push` (reached from .github/workflows/ci.yml) | prisma db push"), sites.toString());
        assertTrue(sites.contains("package.json:1:26 LOCAL script `db:push` | prisma db push"), sites.toString());
        assertEquals("api/", s.model(CommandSites.KEY).get(0).directory());
    }

    @Test
    void badFilesBecomeProblemsWithLocations() {
        InMemorySnapshot s = InMemorySnapshot.of(
                "package.json", "{\"scripts\": {\"a\": \"echo 'oops\"}, }",
                ".github/workflows/ci.yml", "jobs:\n  x: [\n",
                "scripts/a.sh", "echo $(\n");
        CommandSites.Model model = s.model(CommandSites.MODEL);
        List<String> problems = model.problems().stream()
                .map(p -> p.file().path() + ":" + p.file().line(p.start()) + " " + p.message().split(":")[0])
                .sorted().toList();
        assertEquals(List.of(
                ".github/workflows/ci.yml:3 not valid YAML",
                "package.json:1 package.json is not valid JSON",
                "package.json:1 unterminated single quote",
                "scripts/a.sh:1 unterminated command substitution '$('"), problems);
    }

    @Test
    void otherCiConfigsAreCi() {
        InMemorySnapshot s = InMemorySnapshot.of(
                ".circleci/config.yml", """
                        version: 2.1
                        jobs:
                          build:
                            steps:
                              - checkout
                              - run: npm ci
                              - run:
                                  name: Migrate
                                  command: npx prisma migrate deploy
                        """,
                "bitbucket-pipelines.yml", """
                        pipelines:
                          default:
                            - step:
                                script:
                                  - npm ci
                                  - npx prisma migrate deploy
                        """,
                ".gitlab-ci.yml", "migrate:\n  script: npx prisma migrate deploy\n",
                "azure-pipelines.yml", "steps:\n  - bash: npx prisma migrate deploy\n    displayName: migrate\n");
        assertEquals(List.of(
                ".circleci/config.yml:6:14 CI the `run` of `jobs.build.steps[1]` | npm ci",
                ".circleci/config.yml:9:20 CI the `command` of `jobs.build.steps[2].run` | npx prisma migrate deploy",
                ".gitlab-ci.yml:2:11 CI the `script` of `migrate` | npx prisma migrate deploy",
                "azure-pipelines.yml:2:11 CI the `bash` of `steps[0]` | npx prisma migrate deploy",
                "bitbucket-pipelines.yml:5:13 CI the `script` of `pipelines.default[0].step` | npm ci",
                "bitbucket-pipelines.yml:6:13 CI the `script` of `pipelines.default[0].step` | npx prisma migrate deploy"),
                sites(s));
    }

    @Test
    void jenkinsfileShStepsAreCi() {
        InMemorySnapshot s = InMemorySnapshot.of("Jenkinsfile", """
                pipeline {
                  stages {
                    stage('db') {
                      steps {
                        sh 'npm ci && rm -rf dist/*'
                        // sh 'npx prisma db push'
                        /*
                        sh 'npx prisma db push'
                        */
                        sh "npx prisma migrate deploy --schema \\"${SCHEMA}\\""
                        sh(script: '''
                          npx prisma generate
                        ''', returnStdout: true)
                      }
                    }
                  }
                }
                """);
        assertEquals(List.of(
                "Jenkinsfile:5:13 CI an `sh` step | npm ci",
                "Jenkinsfile:5:23 CI an `sh` step | rm -rf dist/*",
                "Jenkinsfile:10:13 CI an `sh` step | npx prisma migrate deploy --schema ${SCHEMA}",
                "Jenkinsfile:12:11 CI an `sh` step | npx prisma generate"), sites(s));
    }

    @Test
    void kubernetesContainersAreDeploysAndTemplatesAreSkipped() {
        InMemorySnapshot s = InMemorySnapshot.of(
                "k8s/migrate-job.yaml", """
                        apiVersion: batch/v1
                        kind: Job
                        metadata:
                          name: migrate
                        spec:
                          template:
                            spec:
                              containers:
                                - name: migrate
                                  image: ghcr.io/acme/api:1.2.3
                                  command: ["npx", "prisma"]
                                  args:
                                    - db
                                    - push
                        ---
                        apiVersion: v1
                        kind: Pod
                        metadata:
                          name: web
                        spec:
                          containers:
                            - name: web
                              image: ghcr.io/acme/api:1.2.3
                              command: ["sh", "-c", "node dist/main.js"]
                        """,
                "charts/api/templates/job.yaml", """
                        kind: Job
                        spec:
                          containers:
                            - name: {{ .Values.name }}
                              image: {{ .Values.image }}
                              command: [{{ .Values.cmd }}]
                        """,
                "config/settings.yml", "image: x\ncommand: npx prisma db push\n");
        assertEquals(List.of(
                "k8s/migrate-job.yaml:11:21 DEPLOY container `migrate` | npx prisma db push",
                "k8s/migrate-job.yaml:24:17 DEPLOY container `web` | sh -c node dist/main.js",
                "k8s/migrate-job.yaml:24:30 DEPLOY container `web` | node dist/main.js"), sites(s));
        assertEquals(List.of(), s.model(CommandSites.MODEL).problems());
    }

    @Test
    void hostingPlatformCommandsAreDeploys() {
        InMemorySnapshot s = InMemorySnapshot.of(
                "vercel.json", "{\n  \"buildCommand\": \"prisma db push && next build\",\n  \"framework\": \"nextjs\"\n}\n",
                "app.json", "{\"scripts\": {\"postdeploy\": \"npx prisma migrate deploy\"}}",
                "render.yaml", "services:\n  - type: web\n    name: api\n    buildCommand: npm ci && npx prisma generate\n"
                        + "    preDeployCommand: npx prisma migrate deploy\n",
                "fly.toml", "app = 'x'\n[deploy]\n  release_command = \"npx prisma migrate deploy\"\n[processes]\n  app = 'node dist/main.js'\n",
                "netlify.toml", "[build]\n  command = \"prisma generate && next build\"\n[dev]\n  command = \"next dev\"\n");
        assertEquals(List.of(
                "app.json:1:29 DEPLOY the `postdeploy` of app.json | npx prisma migrate deploy",
                "fly.toml:3:22 DEPLOY the `deploy.release_command` of fly.toml | npx prisma migrate deploy",
                "fly.toml:5:10 DEPLOY the `processes.app` of fly.toml | node dist/main.js",
                "netlify.toml:2:14 DEPLOY the `build.command` of netlify.toml | prisma generate",
                "netlify.toml:2:33 DEPLOY the `build.command` of netlify.toml | next build",
                "netlify.toml:4:14 LOCAL the `dev.command` of netlify.toml | next dev",
                "render.yaml:4:19 DEPLOY the `buildCommand` of service `api` | npm ci",
                "render.yaml:4:29 DEPLOY the `buildCommand` of service `api` | npx prisma generate",
                "render.yaml:5:23 DEPLOY the `preDeployCommand` of service `api` | npx prisma migrate deploy",
                "vercel.json:2:20 DEPLOY the `buildCommand` of vercel.json | prisma db push",
                "vercel.json:2:38 DEPLOY the `buildCommand` of vercel.json | next build"), sites(s));
    }

    @Test
    void workflowStepsReadDefaultsShell() {
        InMemorySnapshot s = InMemorySnapshot.of(".github/workflows/w.yml", """
                defaults:
                  run:
                    shell: pwsh
                jobs:
                  a:
                    runs-on: windows-latest
                    steps:
                      - run: npx prisma migrate deploy
                      - run: npx prisma generate
                        shell: bash
                """);
        assertEquals(List.of(".github/workflows/w.yml:9:14 CI step 2 of job `a` | npx prisma generate"), sites(s));
    }
}
