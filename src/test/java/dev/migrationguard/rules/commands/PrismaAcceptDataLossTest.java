package dev.migrationguard.rules.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrationguard.rules.Finding;
import dev.migrationguard.rules.Severity;
import dev.migrationguard.testing.InMemorySnapshot;
import dev.migrationguard.testing.RuleTester;
import dev.migrationguard.workspace.TextRange;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrismaAcceptDataLossTest {
    private final PrismaAcceptDataLoss rule = new PrismaAcceptDataLoss();

    @Test
    void flagsTheFlagItselfInAPackageScript() {
        InMemorySnapshot s = InMemorySnapshot.of("package.json", """
                {
                  "scripts": {
                    "db:push": "prisma db push --accept-data-loss"
                  }
                }
                """);
        List<Finding> findings = RuleTester.run(rule, s);
        assertEquals(List.of("package.json:3:32 prisma-accept-data-loss"), RuleTester.locations(findings));
        Finding f = findings.get(0);
        assertEquals(new TextRange(3, 32, 3, 50), f.range());
        assertEquals(Severity.ERROR, f.severity());
        assertEquals("`--accept-data-loss` in script `db:push` lets `prisma db push` drop columns and tables, with "
                + "their data, without asking.", f.message());
    }

    @Test
    void flagsForceResetAndAcceptDataLossEverywhereEvenLocally() {
        InMemorySnapshot s = InMemorySnapshot.of(
                "scripts/dev-reset.sh", """
                        npx prisma db push --force-reset # expect: prisma-accept-data-loss
                        npx prisma db push --skip-generate --accept-data-loss # expect: prisma-accept-data-loss
                        pnpm prisma --schema x db push --accept-data-loss=true # expect: prisma-accept-data-loss
                        """,
                ".github/workflows/ci.yml", """
                        on: push
                        jobs:
                          e2e:
                            runs-on: ubuntu-latest
                            steps:
                              - run: |
                                  npx prisma db push \\
                                    --accept-data-loss # expect: prisma-accept-data-loss
                        """,
                "Dockerfile", "FROM node\n# expect-next-line: prisma-accept-data-loss\nCMD [\"npx\", \"prisma\", \"db\", \"push\", \"--force-reset\"]\n");
        List<Finding> findings = RuleTester.assertMatchesMarkers(rule, s);
        assertEquals(List.of(
                ".github/workflows/ci.yml:8:13 prisma-accept-data-loss",
                "Dockerfile:3:37 prisma-accept-data-loss",
                "scripts/dev-reset.sh:1:20 prisma-accept-data-loss",
                "scripts/dev-reset.sh:2:36 prisma-accept-data-loss",
                "scripts/dev-reset.sh:3:32 prisma-accept-data-loss"), RuleTester.locations(findings));
        assertEquals(List.of(Severity.ERROR), findings.stream().map(Finding::severity).distinct().toList());
    }

    @Test
    void ignoresTheFlagsOutsidePrismaAndInText() {
        InMemorySnapshot s = InMemorySnapshot.of(
                "scripts/notes.sh", """
                        # npx prisma db push --accept-data-loss
                        echo "never use --accept-data-loss"
                        some-tool --accept-data-loss
                        git push --force-reset
                        npx prisma db push --help --accept-data-loss
                        npx prisma migrate reset --force
                        """,
                "README.md", "Do not run `prisma db push --accept-data-loss` in CI.\n");
        assertEquals(List.of(), RuleTester.locations(RuleTester.run(rule, s)));
    }
}
