package dev.migrationguard.git;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LineChangesTest {

    @Test
    void pointsAtTheFirstChangedLine() {
        assertEquals(2, LineChanges.firstChangedLine("a\nb\nc\n", "a\nB\nc\n"));
    }

    @Test
    void skipsAddedBlankLinesAndAGainedFinalNewline() {
        assertEquals(4, LineChanges.firstChangedLine("a\nb", "a\nb\n\nCREATE INDEX i ON t(x);\n"));
    }

    @Test
    void pointsAfterADeletion() {
        assertEquals(2, LineChanges.firstChangedLine("a\nb\nc\n", "a\nc\n"));
    }

    @Test
    void sameLinesAreNoChange() {
        assertEquals(0, LineChanges.firstChangedLine("a\nb\n", "a\nb\n"));
    }

    @Test
    void whitespaceOnlyEditsStillPointSomewhere() {
        assertEquals(2, LineChanges.firstChangedLine("a\nb\n", "a\n\nb\n"));
    }

    @Test
    void mapsAnOldLineToWhereItIsNow() {
        assertEquals(4, LineChanges.mapLine("a\nb\nc\n", "x\ny\na\nb\nc\n", 2));
        assertEquals(2, LineChanges.mapLine("a\nb\nc\n", "a\nc\n", 2), "a removed line maps to what follows it");
    }
}
