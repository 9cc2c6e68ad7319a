package dev.migrationguard.rules.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationguard.rules.Finding;
import dev.migrationguard.rules.RuleOptions;
import dev.migrationguard.rules.Severity;
import dev.migrationguard.testing.InMemorySnapshot;
import dev.migrationguard.testing.RuleTester;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseUrlCredentialsTest {
    private final DatabaseUrlCredentials rule = new DatabaseUrlCredentials();

    @Test
    void flagsPasswordInCommittedEnvFileAtThePassword() {
        List<Finding> f = RuleTester.run(rule, InMemorySnapshot.of(".env.production",
                "NODE_ENV=production\nDATABASE_URL=\"postgresql://app:Tr0ub4dor@db.prod.example.com:5432/app\"\n"));
        assertEquals(List.of(".env.production:2:32 database-url-credentials"), RuleTester.locations(f));
        assertEquals(Severity.ERROR, f.get(0).severity());
        assertEquals("database URL with an inline password: postgresql://app:****@db.prod.example.com:5432/app",
                f.get(0).message());
        assertFalse(f.get(0).message().contains("Tr0ub4dor"));
        assertEquals(1, f.get(0).redactions().size());
    }

    @Test
    void flagsUrlsInEveryKindOfFileByMarker() {
        InMemorySnapshot s = InMemorySnapshot.of(
                "src/main/resources/application.properties",
                "# expect-next-line: database-url-credentials\n"
                        + "spring.datasource.url=jdbc:postgresql://db.internal.example.com:5432/app?user=app&password=s3cr3tValue\n",
                "docker-compose.yml",
                "services:\n  api:\n    environment:\n      # expect-next-line: database-url-credentials\n"
                        + "      DATABASE_URL: mysql://root:hunter22@mysql.example.org/app\n",
                "prisma/schema.prisma",
                "datasource db {\n  provider = \"sqlserver\"\n  // expect-next-line: database-url-credentials\n"
                        + "  url = \"sqlserver://sql.example.com:1433;database=app;user=sa;password=Pa55w0rd!;encrypt=true\"\n}\n",
                "scripts/backup.sh",
                "pg_dump 'postgres://backup:Xy9-2kLm@10.0.4.12/app' > dump.sql # expect: database-url-credentials\n");
        RuleTester.assertMatchesMarkers(rule, s);
    }

    @Test
    void ignoresPlaceholdersAndTemplates() {
        InMemorySnapshot s = InMemorySnapshot.of(".env.example", String.join("\n",
                "DATABASE_URL=postgresql://app:<password>@db.example.com/app",
                "DATABASE_URL=postgresql://app:${DB_PASSWORD}@db.example.com/app",
                "DATABASE_URL=postgresql://app:$DB_PASSWORD@db.example.com/app",
                "DATABASE_URL=postgresql://app:{{ db_password }}@db.example.com/app",
                "DATABASE_URL=postgresql://app:password@db.example.com/app",
                "DATABASE_URL=postgresql://app:****@db.example.com/app",
                "DATABASE_URL=postgresql://app:changeme@db.example.com/app",
                "DATABASE_URL=\"postgresql://app@db.example.com/app\"",
                "DATABASE_URL=env(\"DATABASE_URL\")",
                "DATABASE_URL=sqlserver://db.example.com;user=sa;password=..;encrypt=true",
                ""));
        assertEquals(List.of(), RuleTester.run(rule, s));
    }

    @Test
    void ignoresDefaultPasswordsOnLocalHostsButWarnsAboutOthers() {
        InMemorySnapshot s = InMemorySnapshot.of("docker-compose.yml", String.join("\n",
                "      DATABASE_URL: postgresql://postgres:postgres@localhost:5432/app",
                "      DATABASE_URL: postgresql://postgres:postgres@db:5432/app",
                "      DATABASE_URL: mysql://root:root@127.0.0.1:3306/app",
                "      DATABASE_URL: postgresql://johndoe:randompassword@localhost:5432/mydb",
                "      DATABASE_URL: postgresql://app:Qw8-local-9z@localhost:5432/app",
                ""));
        List<Finding> f = RuleTester.run(rule, s);
        assertEquals(List.of("docker-compose.yml:5:38 database-url-credentials"), RuleTester.locations(f));
        assertEquals(Severity.WARNING, f.get(0).severity());
    }

    @Test
    void ignoresUrlsWithoutPasswordsAndOtherSchemes() {
        InMemorySnapshot s = InMemorySnapshot.of("README.md", String.join("\n",
                "See https://user:token@github.com/org/repo for the mirror.",
                "Connect with `postgresql://localhost:5432/app`.",
                "ftp://anonymous:guest@ftp.example.com",
                ""));
        assertEquals(List.of(), RuleTester.run(rule, s));
    }

    @Test
    void allowedPasswordsFromConfigAreSilent() {
        InMemorySnapshot s = InMemorySnapshot.of("README.md", "Try postgresql://demo:demo-2024@demo.example.com/app\n");
        assertTrue(RuleTester.run(rule, s, new RuleOptions(Map.of("allow-passwords", List.of("demo-2024")))).isEmpty());
        assertEquals(1, RuleTester.run(rule, s).size());
    }

    @Test
    void ignoresLockFiles() {
        InMemorySnapshot s = InMemorySnapshot.of("package-lock.json",
                "\"resolved\": \"postgresql://u:Realpw-123@registry.example.com/x\"\n");
        assertEquals(List.of(), RuleTester.run(rule, s));
    }

    @Test
    void flagsALiteralDatasourceUrlWithoutPasswordAsAWarningOnce() {
        InMemorySnapshot s = InMemorySnapshot.of(
                "prisma/schema.prisma", """
                        datasource db {
                          provider  = "postgresql"
                          url       = "postgresql://app@db.internal.example.com:5432/app"
                          directUrl = env("DIRECT_URL")
                        }
                        """,
                "apps/worker/prisma/schema.prisma", """
                        datasource db {
                          provider = "postgresql"
                          url      = "postgresql://app:Zx81-prod-pw@db.internal.example.com/app"
                        }
                        """,
                "apps/dev/prisma/schema.prisma", "datasource db {\n  provider = \"sqlite\"\n  url = \"file:./dev.db\"\n}\n");
        List<Finding> f = RuleTester.run(rule, s);
        assertEquals(List.of("apps/worker/prisma/schema.prisma:3:32 database-url-credentials",
                "prisma/schema.prisma:3:15 database-url-credentials"), RuleTester.locations(f));
        Finding literal = f.stream().filter(x -> x.path().equals("prisma/schema.prisma")).findFirst().orElseThrow();
        assertEquals(Severity.WARNING, literal.severity());
        assertEquals("datasource db has a literal url instead of env(\"DATABASE_URL\"): every environment uses the same "
                + "database", literal.message());
    }
}
