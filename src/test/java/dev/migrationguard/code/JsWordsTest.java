package dev.migrationguard.code;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The byte tests read eight bytes at a time up to a word's first byte: wherever a word falls in a file, in whatever
 * case and beside whatever characters, they answer as the tests on decoded text do.
 */
class JsWordsTest {
    private static final String FILLER = "let a = 1; /* filler with no words of interest */ const é = 'ü'; b += a * 2; ";

    @Test
    void theByteTestsAnswerAsTheTextTestsWhereverAWordFalls() {
        List<String> words = List.of("query", "raw", "execute", "$queryRaw", "sync");
        List<String> around = List.of("", " ", "x", "_", "$", ".", "é", "\n");
        List<String> planted = List.of("query", "Query", "QUERY", "raw", "draw", "rawValue", "execute", "executeAll",
                "$queryRaw", "$queryRawUnsafe", "sync", "isSync", "", "synchronize");
        int checked = 0;
        for (String plant : planted) {
            for (String left : around) {
                for (String right : around) {
                    for (int before = 0; before <= 17; before++) {
                        String text = FILLER.substring(0, before) + left + plant + right + FILLER.substring(0, 9);
                        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                        for (String word : words) {
                            assertEquals(JsWords.hasWord(text, word), JsWords.hasWord(bytes, word), word + " in [" + text + "]");
                            assertEquals(text.contains(word), JsWords.contains(bytes, word), word + " in [" + text + "]");
                        }
                        for (String lower : List.of("create", "alter", "query")) {
                            assertEquals(text.toLowerCase(Locale.ROOT).contains(lower),
                                    JsWords.containsIgnoringCase(bytes, lower), lower + " in [" + text + "]");
                        }
                        checked++;
                    }
                }
            }
        }
        assertEquals(14 * 8 * 8 * 18, checked);
    }
}
