package dev.migrationguard.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsTokenizerTest {

    private static List<String> kinds(String src) {
        return assertTimeoutPreemptively(Duration.ofSeconds(5), () -> JsTokenizer.tokenize(src)).stream()
                .map(t -> t.kind().name().charAt(0) + ":" + t.text()).toList();
    }

    @Test
    void dropsCommentsAndDecodesStrings() {
        assertEquals(List.of("I:a", "P:=", "S:it's\n", "P:;"), kinds("a = 'it\\'s\\n'; // DROP TABLE x\n/* CREATE */"));
    }

    @Test
    void templateLiteralKeepsPlaceholdersAndTokenizesItsExpressions() {
        assertEquals(List.of("I:sql", "T:DROP TABLE mg_param WHERE a = 'mg_param'", "I:name", "I:f", "P:(", "P:{", "P:}", "P:)"),
                kinds("sql`DROP TABLE ${name} WHERE a = '${f({})}'`"));
    }

    @Test
    void tellsRegularExpressionsFromDivision() {
        assertEquals(List.of("I:x", "P:=", "I:a", "P:/", "I:b", "P:/", "I:c"), kinds("x = a / b / c"));
        assertEquals(List.of("I:x", "P:=", "R:/drop table/i", "P:.", "I:test", "P:(", "I:s", "P:)"),
                kinds("x = /drop table/i.test(s)"));
    }

    @Test
    void unterminatedLiteralsEndAtTheEndOfTheFile() {
        assertEquals(List.of("I:a", "T:never closed ${"), kinds("a `never closed \\${"));
        assertEquals(List.of("S:open"), kinds("\"open"));
        assertEquals(List.of("T:x mg_param"), kinds("`x ${"));
    }

    @Test
    void findsSynchronizeInObjectLiteral() {
        assertEquals(List.of("P:{", "I:synchronize", "P::", "I:true", "P:,", "P:}"), kinds("{ synchronize: true, }"));
    }

    @Test
    void nestedTemplatesKeepEachTemplateBeforeItsExpressions() {
        assertEquals(List.of("T:a mg_param", "T:b mg_param", "I:c", "P:;"), kinds("`a ${`b ${c}`}`;"));
    }

    @Test
    void templatesNestedPastTheLimitAreReadAsTextWithoutOverflowingTheStack() {
        // Found by CodeFuzzTest: nested templates recursed once per level (50,000 levels overflow the stack) and
        // copied every level's tokens up to the enclosing one (quadratic: a second for 15,000 characters).
        int depth = 50_000;
        List<JsToken> tokens = JsTokenizer.tokenize("`${".repeat(depth) + "x" + "}`".repeat(depth));
        String text = "`${".repeat(depth) + "x" + "}`".repeat(depth);
        assertEquals(JsToken.Kind.TEMPLATE, tokens.get(0).kind());
        assertEquals(0, tokens.get(0).start());
        assertEquals(text.length(), tokens.stream().mapToInt(JsToken::end).max().orElseThrow());
    }
}
