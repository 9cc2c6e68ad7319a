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
        assertEquals("database URL with an inline password: postgresql://app:****@db.prod.example.com:5432/app (the "
                + "password: 9 characters, mixed-case letters and digits; not a placeholder)", f.get(0).message());
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

    @Test
    void flagsPasswordsWrittenOutsideUrlsInScriptsConfigAndDocs() {
        InMemorySnapshot s = InMemorySnapshot.of(
                "scripts/restore.sh", String.join("\n",
                        "#!/bin/sh",
                        "# expect-next-line: database-url-credentials",
                        "PGPASSWORD=Kq7-dump-2291 pg_restore -h db.prod.example.com -U app dump.sql",
                        "# expect-next-line: database-url-credentials",
                        "export PGPASSWORD='v9Lm_x2Qw'",
                        ""),
                "scripts/deploy.ps1", String.join("\n",
                        "$DB_HOST = \"sql.prod.example.com\"",
                        "# expect-next-line: database-url-credentials",
                        "$DB_PASSWORD = \"Wq3!zr8Ya\"",
                        "# expect-next-line: database-url-credentials",
                        "$env:PGPASSWORD = 'T7r-9mK2q'",
                        "# expect-next-line: database-url-credentials",
                        "Invoke-Sqlcmd -ServerInstance sql.prod.example.com -Username sa -Password \"N8vq-31Lz\"",
                        ""),
                "infra/create-db.sh",
                "az postgres flexible-server create --name app-db --admin-user app --admin-password Hx84-qmZ2 # expect: database-url-credentials\n",
                "src/Api/appsettings.json", String.join("\n",
                        "{",
                        "  \"ConnectionStrings\": {",
                        "    \"Default\": \"Server=tcp:app.database.windows.net,1433;Database=app;User ID=app;Password=R4nd0m-Pw9;Encrypt=True;\", \"//expect\": \"expect: database-url-credentials\"",
                        "  }",
                        "}",
                        ""),
                "src/main/resources/application.properties", String.join("\n",
                        "spring.datasource.url=jdbc:postgresql://db.internal.example.com:5432/app",
                        "spring.datasource.username=app",
                        "# expect-next-line: database-url-credentials",
                        "spring.datasource.password=Gx2pL9-wq",
                        "# expect-next-line: database-url-credentials",
                        "other.url=jdbc:mysql://mysql.example.com:3306/app?user=app&password=Pz81wqQ",
                        ""),
                "docs/setup.md", String.join("\n",
                        "Restore the backup:",
                        "```sh",
                        "# expect-next-line: database-url-credentials",
                        "PGPASSWORD=Yu73-kPw2 psql -h 10.0.4.12 -U admin app",
                        "```",
                        ""));
        RuleTester.assertMatchesMarkers(rule, s);
    }

    @Test
    void passwordsOutsideUrlsAreJudgedByTheirHost() {
        List<Finding> f = RuleTester.run(rule, InMemorySnapshot.of("scripts/dev.sh", String.join("\n",
                "PGPASSWORD=postgres psql -h localhost -U postgres app",
                "PGPASSWORD=Kq7-local-29 psql -h localhost app",
                "PGPASSWORD=Kq7-remote-29 psql -h db.example.com app",
                "")));
        assertEquals(List.of("scripts/dev.sh:2:12 database-url-credentials", "scripts/dev.sh:3:12 database-url-credentials"),
                RuleTester.locations(f));
        assertEquals(Severity.WARNING, f.get(0).severity());
        assertEquals(Severity.ERROR, f.get(1).severity());
        assertEquals("database password in PGPASSWORD: PGPASSWORD=**** (the password: 13 characters, mixed-case letters, "
                + "digits and symbols; not a placeholder)", f.get(1).message());
        assertEquals(1, f.get(1).redactions().size());
    }

    @Test
    void documentationPlaceholdersStaySilentInEveryForm() {
        InMemorySnapshot s = InMemorySnapshot.of(
                "README.md", String.join("\n",
                        "DATABASE_URL=postgresql://app:SECURE_PASSWORD@db.example.com/app",
                        "DATABASE_URL=postgresql://app:your-secure-password@db.example.com/app",
                        "DATABASE_URL=postgresql://postgres:mysecretpassword@db.example.com/app",
                        "DATABASE_URL=postgresql://app:YOUR_DB_PASSWORD_HERE@db.example.com/app",
                        "PGPASSWORD=changeme psql -h db.example.com",
                        "PGPASSWORD=<password> psql -h db.example.com",
                        "PGPASSWORD=${PGPASSWORD} psql -h db.example.com",
                        "PGPASSWORD=\"$DB_PASSWORD\" psql -h db.example.com",
                        "az postgres flexible-server create --admin-password <your-password>",
                        "az sql server create --admin-password '{{ admin_password }}'",
                        "Server=db.example.com;Database=app;User Id=app;Password=your_password;",
                        ""),
                "deploy.ps1", String.join("\n",
                        "$DB_HOST = \"db.example.com\"",
                        "$DB_PASSWORD = $env:DB_PASSWORD",
                        "$DB_PASSWORD = \"SECURE_PASSWORD\"",
                        ""));
        assertEquals(List.of(), RuleTester.run(rule, s));
    }

    @Test
    void nearMissesOfPasswordVariablesAreNotPasswords() {
        InMemorySnapshot s = InMemorySnapshot.of(
                ".env", String.join("\n",
                        "# no database host anywhere near: a password of something else",
                        "ADMIN_PASSWORD=Xr81-panel-q",
                        "DB_PASSWORD_FILE=/run/secrets/db_password",
                        ""),
                "src/auth.ts", String.join("\n",
                        "const DB_HOST = \"db.example.com\";",
                        "const user = { password: hashedPassword, passwordResetToken: \"Abc123xyz\" };",
                        "const dbPassword = process.env.DB_PASSWORD;",
                        "if (password == \"Abc123xyz\") {}",
                        "const schema = z.object({ password: z.string().min(8) });",
                        ""),
                "docker-compose.yml", String.join("\n",
                        "services:",
                        "  db:",
                        "    environment:",
                        "      POSTGRES_USER: app",
                        "      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}",
                        ""),
                "scripts/login.sh", String.join("\n",
                        "docker login --password Xr81-registry-q registry.example.com",
                        "mysql --password app_db",
                        "cd \"$PWD\"",
                        ""),
                "prisma/migrations/1_init/migration.sql", "ALTER TABLE \"User\" ADD COLUMN \"password\" TEXT;\n");
        assertEquals(List.of(), RuleTester.run(rule, s));
    }

    @Test
    void placeholderWordsAreToldFromPasswords() {
        for (String placeholder : List.of("SECURE_PASSWORD", "your-secure-password", "changeme", "<password>", "${VAR}",
                "mysecretpassword", "supersecret", "YOUR_PASSWORD_HERE", "dbpass", "xxxx", "****")) {
            assertTrue(DatabaseUrlCredentials.isPlaceholder(placeholder), placeholder);
        }
        for (String password : List.of("Tr0ub4dor", "hunter22", "Pa55w0rd!", "postgres", "secret123", "passport",
                "superman", "Kq7-dump-2291")) {
            assertFalse(DatabaseUrlCredentials.isPlaceholder(password), password);
        }
    }
}
