package dev.migrationguard.scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The parser's record of how each command is joined to the next: operator, group depth, tested. */
class ShellCommandFlowTest {

    /** Each command as {@code words operator depth [tested]}. */
    private static List<String> flows(String script) {
        return ShellParser.parse(MappedText.identity(script, 0, script.length())).commands().stream()
                .map(c -> c + " " + c.flow().operator().replace("\n", "NL") + " " + c.flow().depth()
                        + (c.flow().tested() ? " tested" : ""))
                .toList();
    }

    @Test
    void recordsTheOperatorAfterEachCommand() {
        assertEquals(List.of("a && 0", "b || 0", "c ; 0", "d | 0", "e & 0", "f NL 0", "g  0"),
                flows("a && b || c; d | e & f\ng"));
    }

    @Test
    void countsBraceAndSubshellGroups() {
        assertEquals(List.of("x || 0", "echo failed ; 1", "exit 1 ; 1", "y || 0", "sleep 5 && 1", "y ) 1", "z  0"),
                flows("x || { echo failed; exit 1; }\ny || (sleep 5 && y)\nz"));
    }

    @Test
    void marksConditionsAsTested() {
        assertEquals(List.of("migrate ; 0 tested", "echo ok ; 0", "check NL 0 tested", "run ; 0"),
                flows("if ! migrate; then echo ok; fi\nwhile check\ndo run; done"));
    }

    @Test
    void commandsInsideSubstitutionsEndAtTheParenthesis() {
        assertEquals(List.of("echo $(date) || 0", "date ) 0", "true  0"), flows("echo $(date) || true"));
    }
}
