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
}
