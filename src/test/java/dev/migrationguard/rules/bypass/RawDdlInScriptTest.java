package dev.migrationguard.rules.bypass;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrationguard.rules.Finding;
import dev.migrationguard.rules.Severity;
import dev.migrationguard.testing.InMemorySnapshot;
import dev.migrationguard.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

class RawDdlInScriptTest {
    private final RawDdlInScript rule = new RawDdlInScript();

    @Test
    void flagsInlineHereDocFileAndPrismaExecuteInShellScripts() {
        InMemorySnapshot s = InMemorySnapshot.of(
                "scripts/patch.sh", """
                        #!/usr/bin/env bash
                        set -euo pipefail
                        psql "$DATABASE_URL" -c 'ALTER TABLE "Quest" ADD COLUMN "reward" INTEGER' # expect: raw-ddl-in-script
                        psql "$DATABASE_URL" <<SQL
                        CREATE INDEX "Quest_reward_idx" ON "Quest"("reward"); -- expect: raw-ddl-in-script
                        SQL
                        psql "$DATABASE_URL" -f sql/add_badge.sql # expect: raw-ddl-in-script
                        mysql -u root -e "DROP TABLE legacy" app # expect: raw-ddl-in-script
                        sqlite3 dev.db "CREATE TABLE t (id INTEGER)" # expect: raw-ddl-in-script
                        sqlcmd -S db -Q "TRUNCATE TABLE sessions" # expect: raw-ddl-in-script
                        npx prisma db execute --stdin <<'EOF'
                        DROP TYPE "Mood"; -- expect: raw-ddl-in-script
                        EOF
                        """,
                "scripts/sql/add_badge.sql", "CREATE TABLE \"Badge\" (\"id\" TEXT);\n");
        List<Finding> f = RuleTester.assertMatchesMarkers(rule, s);
        f.forEach(x -> assertEquals(Severity.WARNING, x.severity()));
        assertEquals("scripts/patch.sh:3:26 raw-ddl-in-script", RuleTester.locations(List.of(f.get(0))).get(0));
    }

    @Test
    void isAnErrorInWorkflowsAndDockerfilesAtTheExactLine() {
        InMemorySnapshot s = InMemorySnapshot.of(
                ".github/workflows/deploy.yml", """
                        name: deploy
                        on: push
                        jobs:
                          deploy:
                            runs-on: ubuntu-latest
                            steps:
                              - name: Patch schema
                                run: |
                                  echo "patching"
                                  psql "$DATABASE_URL" -c "DROP INDEX IF EXISTS quest_title"
                        """,
                "Dockerfile", "FROM node:20\nCMD psql \"$DATABASE_URL\" -c \"TRUNCATE TABLE cache\" && node server.js\n");
        List<Finding> f = RuleTester.run(rule, s);
        assertEquals(List.of(".github/workflows/deploy.yml:10:36 raw-ddl-in-script", "Dockerfile:2:30 raw-ddl-in-script"),
                RuleTester.locations(f));
        f.forEach(x -> assertEquals(Severity.ERROR, x.severity()));
    }

    @Test
    void ignoresQueriesEchoesCommentsAndNonSqlTools() {
        InMemorySnapshot s = InMemorySnapshot.of("scripts/report.sh", """
                #!/bin/sh
                psql "$DATABASE_URL" -c "SELECT count(*) FROM \\"Quest\\""
                psql "$DATABASE_URL" -c "INSERT INTO audit VALUES (now())"
                echo 'psql -c "DROP TABLE users"'
                # psql -c "DROP TABLE users"
                grep -c "CREATE TABLE" schema.sql
                psql "$DATABASE_URL" -f sql/report.sql
                npx prisma db execute --file sql/report.sql
                """, "scripts/sql/report.sql", "SELECT * FROM \"Quest\";\n");
        assertEquals(List.of(), RuleTester.run(rule, s));
    }

    @Test
    void readsJavaScriptWrittenInlineInACiStep() {
        InMemorySnapshot s = InMemorySnapshot.of(".github/workflows/deploy.yml", """
                on: push
                jobs:
                  deploy:
                    runs-on: ubuntu-latest
                    steps:
                      - name: Add column
                        run: >-
                          node -e "const { Client } = require('pg'); const client = new Client();
                          client.connect().then(() => client.query('ALTER TABLE \\"Quest\\" ADD COLUMN \\"reward\\" INTEGER'))"
                      - name: Create tables
                        run: |
                          node <<'EOF'
                          const { Client } = require('pg');
                          const tables = [
                            { name: 'Quest', sql: 'CREATE TABLE IF NOT EXISTS "Quest" ("id" SERIAL PRIMARY KEY)' }, // expect: raw-ddl-in-script
                            { name: 'Badge', sql: 'CREATE TABLE IF NOT EXISTS "Badge" ("id" SERIAL PRIMARY KEY)' }, // expect: raw-ddl-in-script
                          ];
                          (async () => {
                            const client = new Client({ connectionString: process.env.DATABASE_URL });
                            await client.connect();
                            for (const t of tables) await client.query(t.sql);
                          })();
                          EOF
                      - name: Index
                        run: |
                          psql "$DATABASE_URL" <<SQL
                          CREATE INDEX "Quest_name_idx" ON "Quest"("name"); -- expect: raw-ddl-in-script
                          SQL
                """);
        List<Finding> f = RuleTester.run(rule, s);
        assertEquals(List.of(".github/workflows/deploy.yml:15:35 raw-ddl-in-script",
                ".github/workflows/deploy.yml:16:35 raw-ddl-in-script",
                ".github/workflows/deploy.yml:27:11 raw-ddl-in-script",
                ".github/workflows/deploy.yml:9:52 raw-ddl-in-script"), RuleTester.locations(f));
        f.forEach(x -> assertEquals(Severity.ERROR, x.severity()));
        assertEquals("the node script written inline in step `Create tables` of job `deploy` runs CREATE TABLE IF NOT "
                + "EXISTS \"Quest\" through client.query (in a loop over `tables`) in a CI context: a schema change "
                + "outside the migration history", f.stream().filter(x -> x.range().startLine() == 15).findFirst()
                .orElseThrow().message());
    }

    @Test
    void readsInlineJavaScriptInPackageScriptsAndStaysSilentOnQueries() {
        InMemorySnapshot s = InMemorySnapshot.of(
                "package.json", """
                        {
                          "scripts": {
                            "db:patch": "node -e \\"const pool = new (require('pg').Pool)(); pool.query('DROP TABLE legacy')\\"",
                            "db:count": "node -e \\"const pool = new (require('pg').Pool)(); pool.query('SELECT count(*) FROM users')\\"",
                            "start": "node dist/server.js",
                            "seed": "node --eval \\"const statements = ['INSERT INTO t VALUES (1)']; for (const s of statements) pool.query(s)\\""
                          }
                        }
                        """);
        List<Finding> f = RuleTester.run(rule, s);
        assertEquals(List.of("package.json:3:80 raw-ddl-in-script"), RuleTester.locations(f));
        assertEquals(Severity.WARNING, f.get(0).severity());
    }
}
