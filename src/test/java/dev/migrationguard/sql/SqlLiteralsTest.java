package dev.migrationguard.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SqlLiteralsTest {

    /** The name of the token {@code token}, read where it stands in {@code source}. */
    private static String nameIn(String source, String token, boolean fold) {
        int start = source.indexOf(token);
        return SqlLiterals.identifierName(source, start, start + token.length(), fold);
    }

    @Test
    void readsAQuotedNameInsideTheSourceWithoutItsQuotes() {
        String source = "ALTER TABLE \"User\" ADD \"a\"\"b\"\"\"\"c\" INT, [x]]y] `q``r`";
        assertEquals("User", nameIn(source, "\"User\"", true));
        assertEquals("a\"b\"\"c", nameIn(source, "\"a\"\"b\"\"\"\"c\"", true));
        assertEquals("x]y", nameIn(source, "[x]]y]", true));
        assertEquals("q`r", nameIn(source, "`q``r`", true));
        assertTrue(SqlLiterals.isQuotedIdentifier(source, 12, 18));
    }

    @Test
    void foldsAnUnquotedNameOnlyWhenAsked() {
        String source = "ALTER TABLE Users";
        assertEquals("users", SqlLiterals.identifierName(source, 12, 17, true));
        assertEquals("Users", SqlLiterals.identifierName(source, 12, 17, false));
        assertFalse(SqlLiterals.isQuotedIdentifier(source, 12, 17));
    }

    @Test
    void readsAWholeStringAsTheOneArgumentFormDoes() {
        assertEquals("a\"b", SqlLiterals.identifierName("\"a\"\"b\"", false));
        assertEquals("a\"\"", SqlLiterals.identifierName("\"a\"\"\"\"\"", false));
        assertEquals("fullName", SqlLiterals.identifierName("fullName", false));
        assertEquals("a", SqlLiterals.identifierName("\"ab", false));
        assertEquals("\"", SqlLiterals.identifierName("\"", true));
    }

    @Test
    void singleSpacedCollapsesWhitespaceRunsAsTheRegexDid() {
        for (String text : new String[] {"", " ", "a", "a b", "ON  DELETE\tCASCADE", "\n SET\r\nNULL \u000B\f",
                "double   precision", "a b  c", "with\ttime zone", "x\u00A0y", "  lead", "trail  "}) {
            assertEquals(text.replaceAll("\\s+", " "), StatementBuilder.singleSpaced(text), "for [" + text + "]");
        }
    }
}
