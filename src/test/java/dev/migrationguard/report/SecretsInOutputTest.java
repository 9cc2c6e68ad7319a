package dev.migrationguard.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationguard.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A password found by one rule never appears in any output, also where another rule's finding quotes the same line,
 * in a message, in a notice, or on standard error.
 */
class SecretsInOutputTest {
    private static final String PASSWORD = "Tr0ub4dor3x";
    private static final List<String> FORMATS = List.of("text", "json", "sarif", "github");

    @TempDir
    Path dir;

    private void write(String path, String text) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void passwordOnALineAnotherRuleQuotesIsMaskedInEveryFormat() throws IOException {
        write("scripts/deploy.sh", "#!/bin/sh\nDATABASE_URL=\"postgresql://app:" + PASSWORD + "@db/app\" npx prisma db push\n");
        for (String format : FORMATS) {
            CliRun run = CliRun.of(dir, "lint", "--format", format);
            assertTrue(run.out().contains("prisma-db-push"), format + ": " + run.out());
            assertTrue(run.out().contains("database-url-credentials"), format + ": " + run.out());
            assertFalse(run.out().contains(PASSWORD), format + ": " + run.out());
            assertFalse(run.err().contains(PASSWORD), format + ": " + run.err());
        }
    }

    @Test
    void textOutputMasksEveryExcerptOfALineWithSeveralFindingsAndKeepsCaretsAligned() throws IOException {
        write("scripts/deploy.sh", "DATABASE_URL=\"postgresql://app:" + PASSWORD + "@db/app\" npx prisma db push --accept-data-loss\n");
        String text = CliRun.of(dir, "lint").out();
        String shown = "  1 | DATABASE_URL=\"postgresql://app:****@db/app\" npx prisma db push --accept-data-loss\n";
        // Three findings quote the line (credentials, db push, accept-data-loss): each excerpt is masked.
        assertEquals(3, text.split(java.util.regex.Pattern.quote(shown), -1).length - 1, text);
        assertFalse(text.contains(PASSWORD), text);
        // The caret under `db push` sits under it in the masked line.
        int line = text.indexOf(shown + "    |", text.indexOf("prisma-db-push"));
        String caretLine = text.substring(line + shown.length(), text.indexOf('\n', line + shown.length()));
        int caret = caretLine.indexOf('^') - "    | ".length();
        assertEquals("db push", shown.substring("  1 | ".length()).substring(caret, caret + 7), text);
    }

    @Test
    void theSamePasswordElsewhereInTheFileIsMaskedInAnyExcerpt() throws IOException {
        // Line 1 holds the URL the credentials rule finds; line 2 repeats the password where no pattern sees it.
        write("scripts/deploy.sh", "export DATABASE_URL=postgresql://app:" + PASSWORD + "@db/app\n"
                + "PW=" + PASSWORD + " npx prisma db push\n");
        for (String format : FORMATS) {
            CliRun run = CliRun.of(dir, "lint", "--format", format);
            assertTrue(run.out().contains("prisma-db-push"), format + ": " + run.out());
            assertFalse(run.out().contains(PASSWORD), format + ": " + run.out());
        }
    }

    @Test
    void configErrorEchoingAConnectionUrlIsMaskedOnStandardErrorAndInTheReport() throws IOException {
        write(".migration-guard.yml", "rules:\n  prisma-db-push: \"postgres://u:" + PASSWORD + "@db/app\"\n");
        for (String format : FORMATS) {
            CliRun run = CliRun.of(dir, "lint", "--format", format);
            assertEquals(2, run.exitCode(), run.err());
            assertTrue(run.err().contains(".migration-guard.yml"), run.err());
            assertFalse(run.err().contains(PASSWORD), format + ": " + run.err());
            assertFalse(run.out().contains(PASSWORD), format + ": " + run.out());
        }
    }

    @Test
    void passwordsWrittenOutsideUrlsAreMaskedInEveryFormatAndInEveryExcerptOfTheirLine() throws IOException {
        write("scripts/deploy.sh", "#!/bin/sh\n"
                + "PGPASSWORD=" + PASSWORD + " psql -h db.prod.example.com app && npx prisma db push --accept-data-loss\n"
                + "az postgres flexible-server create --admin-password " + PASSWORD + "x && npx prisma db push\n");
        write("scripts/deploy.ps1", "$DB_HOST = \"db.prod.example.com\"\n$DB_PASSWORD = \"" + PASSWORD + "y\"\n"
                + "npx prisma db push --accept-data-loss\n");
        write("appsettings.json", "{\"ConnectionStrings\": {\"Default\": \"Server=db.prod.example.com;Database=app;"
                + "User Id=app;Password=" + PASSWORD + "z;\"}}\n");
        for (String format : FORMATS) {
            CliRun run = CliRun.of(dir, "lint", "--format", format);
            assertTrue(run.out().contains("prisma-db-push"), format + ": " + run.out());
            long credentials = run.out().split("database-url-credentials", -1).length - 1;
            assertTrue(credentials >= 4, format + ": " + run.out());
            assertFalse(run.out().contains(PASSWORD), format + ": " + run.out());
            assertFalse(run.err().contains(PASSWORD), format + ": " + run.err());
        }
    }

    @Test
    void everyPasswordFormIsMaskedInTextWithNoFindingToGoOn() {
        assertEquals("PGPASSWORD=**** psql", Redaction.patterns("PGPASSWORD=" + PASSWORD + " psql"));
        assertEquals("$DB_PASSWORD = \"****\"", Redaction.patterns("$DB_PASSWORD = \"" + PASSWORD + "\""));
        assertEquals("$env:PGPASSWORD='****'", Redaction.patterns("$env:PGPASSWORD='" + PASSWORD + "'"));
        assertEquals("az sql server create --admin-password **** -g x",
                Redaction.patterns("az sql server create --admin-password " + PASSWORD + " -g x"));
        assertEquals("Server=h;Password=****;Database=d", Redaction.patterns("Server=h;Password=" + PASSWORD + ";Database=d"));
        assertEquals("spring.datasource.password: ****", Redaction.patterns("spring.datasource.password: " + PASSWORD));
        assertEquals("jdbc:mysql://h/db?user=u&password=****", Redaction.patterns("jdbc:mysql://h/db?user=u&password=" + PASSWORD));
        assertEquals("no secret here: a password reset link", Redaction.patterns("no secret here: a password reset link"));
    }

    @Test
    void configErrorEchoingAPasswordVariableIsMaskedOnStandardError() throws IOException {
        write(".migration-guard.yml", "rules:\n  prisma-db-push: \"PGPASSWORD=" + PASSWORD + "\"\n");
        for (String format : FORMATS) {
            CliRun run = CliRun.of(dir, "lint", "--format", format);
            assertEquals(2, run.exitCode(), run.err());
            assertFalse(run.err().contains(PASSWORD), format + ": " + run.err());
            assertFalse(run.out().contains(PASSWORD), format + ": " + run.out());
        }
    }

    @Test
    void aMessageHoldingAnAlreadyMaskedUrlWithAPlaceholderDoesNotBreakMasking() {
        assertEquals("postgresql://${POSTGRES_USER}:****@db/x and postgresql://${POSTGRES_USER}:****@db/y",
                Redaction.patterns("postgresql://${POSTGRES_USER}:****@db/x and postgresql://${POSTGRES_USER}:pw@db/y"));
        assertEquals("jdbc:postgresql://h/db?user=$1&password=****",
                Redaction.patterns("jdbc:postgresql://h/db?user=$1&password=\\$2"));
    }


    @Test
    void maskedLineMovesColumnsPastEachMask() {
        Redaction.MaskedLine line = Redaction.MaskedLine.of("a=SECRET1 b=SECRET2 c",
                List.of(new int[] {12, 19}, new int[] {2, 9}, new int[] {4, 6}));
        assertEquals("a=**** b=**** c", line.text());
        assertEquals(1, line.column(1));
        assertEquals(8, line.column(11));
        assertEquals(15, line.column(21));
    }
}
