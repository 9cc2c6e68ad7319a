package dev.migrationguard.fuzz;

import static dev.migrationguard.fuzz.FuzzAssertions.positionsInside;
import static dev.migrationguard.fuzz.FuzzAssertions.withinLinearTime;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.migrationguard.code.ConnectionUrls;
import dev.migrationguard.code.EmbeddedSql;
import dev.migrationguard.code.JavaSources;
import dev.migrationguard.code.JavaSqlCalls;
import dev.migrationguard.code.JsSqlCalls;
import dev.migrationguard.code.JsToken;
import dev.migrationguard.code.JsTokenizer;
import dev.migrationguard.testing.InMemorySnapshot;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Order;

/**
 * Application code: the JS/TS tokenizer and raw-SQL call finder, and Java parsing with its SQL call finder, on a
 * repository whose TypeScript and Java files both hold the input; plus the connection-URL scan every file gets.
 */
@Order(FuzzAssertions.LAST)
class CodeFuzzTest {

    static {
        FuzzAssertions.warmUp(() -> new CodeFuzzTest().readsAnyJsTsOrJavaSource("""
                import { PrismaClient } from "@prisma/client";
                const prisma = new PrismaClient();
                await prisma.$executeRawUnsafe(`ALTER TABLE "User" ADD COLUMN x TEXT`);
                class A { void f(java.sql.Statement s) throws Exception { s.execute("DROP TABLE t"); } }
                """.getBytes(StandardCharsets.UTF_8)));
    }

    @FuzzTest(maxDuration = "10m")
    void readsAnyJsTsOrJavaSource(byte[] input) {
        String text = FuzzAssertions.text(input);
        List<JsToken> tokens = withinLinearTime("JsTokenizer.tokenize", text.length(), () -> JsTokenizer.tokenize(text));
        positionsInside(tokens, text.length(), "JsTokenizer.tokenize");

        // Each model on a fresh snapshot, so a re-measured run parses again instead of reading a cached model.
        positionsInside(withinLinearTime("JsSqlCalls", text.length(), () -> repository(input).model(JsSqlCalls.MAY_CHANGE_SCHEMA)),
                text.length(), "JsSqlCalls");
        // Every call, also in a file the schema-change prefilter would pass over; and that prefilter passes over no
        // file whose calls' SQL, as decoded, holds a word of a schema change.
        List<EmbeddedSql> calls = withinLinearTime("JsSqlCalls.find", text.length(),
                () -> JsSqlCalls.find(new dev.migrationguard.workspace.SourceFile("src/fuzz.ts", text)));
        positionsInside(calls, text.length(), "JsSqlCalls.find");
        if (!JsSqlCalls.maySpellSchemaChange(text.getBytes(StandardCharsets.UTF_8))) {
            for (EmbeddedSql call : calls) {
                String sql = call.sql().toLowerCase(java.util.Locale.ROOT);
                for (String word : List.of("create", "alter", "drop", "truncate", "rename")) {
                    if (sql.contains(word)) {
                        throw new AssertionError("the prefilter passed over a file whose SQL holds " + word + ": " + sql);
                    }
                }
            }
        }
        InMemorySnapshot java = withinLinearTime("JavaSources and JavaSqlCalls", text.length(), () -> {
            InMemorySnapshot s = repository(input);
            s.model(JavaSqlCalls.MODEL);
            return s;
        });
        positionsInside(java.model(JavaSources.MODEL), text.length(), "JavaSources");
        positionsInside(java.model(JavaSqlCalls.MODEL), text.length(), "JavaSqlCalls");
        positionsInside(withinLinearTime("ConnectionUrls", 2 * text.length(),
                () -> repository(input).model(ConnectionUrls.MODEL)), text.length(), "ConnectionUrls");
    }

    /**
     * The credentials scan on any text: linear (a {@code jdbc:a:/} run once took 48 s on 160 KB), every span inside the
     * text, and the byte prefilter never rejecting a file the text scan finds something in.
     */
    @FuzzTest(maxDuration = "10m")
    void scansAnyTextForPasswords(byte[] input) {
        String text = FuzzAssertions.text(input);
        dev.migrationguard.workspace.SourceFile file = new dev.migrationguard.workspace.SourceFile("deploy.ps1", text);
        List<dev.migrationguard.code.ConnectionUrl> found = withinLinearTime("ConnectionUrls.find", text.length(),
                () -> ConnectionUrls.find(file));
        positionsInside(found, text.length(), "ConnectionUrls.find");
        List<int[]> spans = withinLinearTime("ConnectionUrls.secretSpans", text.length(),
                () -> ConnectionUrls.secretSpans(text));
        for (int[] span : spans) {
            if (span[0] < 0 || span[1] > text.length() || span[1] <= span[0]) {
                throw new AssertionError("secret span " + span[0] + ".." + span[1] + " outside 0.." + text.length());
            }
        }
        boolean may = withinLinearTime("ConnectionUrls.mayHoldPassword", input.length,
                () -> ConnectionUrls.mayHoldPassword(input));
        if (!may && !found.isEmpty()) {
            throw new AssertionError("the byte prefilter rejects a text with a password at " + found.get(0).start());
        }
        if (!may && !dev.migrationguard.workspace.TextDecoder.plainUtf8(input)) {
            throw new AssertionError("the byte prefilter rejects bytes that are not plain UTF-8 (their notice is lost)");
        }
    }

    /** A repository whose TypeScript file and Java file both hold the input. */
    private static InMemorySnapshot repository(byte[] input) {
        return new InMemorySnapshot().putBytes("src/db.ts", input).putBytes("src/main/java/app/Db.java", input);
    }
}
