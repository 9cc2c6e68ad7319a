package dev.migrationguard.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SourceFileTest {

    @Test
    void mapsOffsetsToLinesAndColumnsForLfCrlfAndCr() {
        SourceFile file = new SourceFile("a.sql", "ab\ncd\r\nef\rgh");
        assertEquals(4, file.lineCount());
        assertEquals(new TextRange(1, 1, 1, 3), file.range(0, 2));
        assertEquals(new TextRange(2, 1, 2, 3), file.range(3, 5));
        assertEquals(new TextRange(3, 1, 3, 2), file.range(7, 8));
        assertEquals(new TextRange(4, 2, 4, 3), file.range(11, 12));
        assertEquals("cd", file.lineText(2));
        assertEquals("ef", file.lineText(3));
        assertEquals(3, file.offset(2, 1));
    }

    @Test
    void offsetAtEndOfTextBelongsToLastLine() {
        SourceFile file = new SourceFile("a", "x\n");
        assertEquals(2, file.line(2));
        assertEquals(1, file.column(2));
    }

    @Test
    void countsColumnsInUtf16CodeUnits() {
        SourceFile file = new SourceFile("a", "é😀x");
        assertEquals(4, file.column(3));
    }

    @Test
    void decodesUtf8WithoutBomAsText() {
        TextDecoder.Text t = assertInstanceOf(TextDecoder.Text.class, TextDecoder.decode("héllo".getBytes(StandardCharsets.UTF_8)));
        assertEquals("héllo", t.text());
    }

    @Test
    void stripsUtf8ByteOrderMarkSoColumnsStayRight() {
        byte[] bytes = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a', 'b'};
        assertEquals("ab", ((TextDecoder.Text) TextDecoder.decode(bytes)).text());
    }

    @Test
    void decodesUtf16WithByteOrderMarks() {
        byte[] le = {(byte) 0xFF, (byte) 0xFE, 'h', 0, 'i', 0};
        byte[] be = {(byte) 0xFE, (byte) 0xFF, 0, 'h', 0, 'i'};
        assertEquals("hi", ((TextDecoder.Text) TextDecoder.decode(le)).text());
        assertEquals("hi", ((TextDecoder.Text) TextDecoder.decode(be)).text());
    }

    @Test
    void callsFilesWithNulBytesBinary() {
        assertInstanceOf(TextDecoder.Binary.class, TextDecoder.decode(new byte[] {'P', 'K', 3, 4, 0, 0}));
    }

    @Test
    void marksInvalidUtf8AsMalformedButKeepsTheText() {
        TextDecoder.Text t = (TextDecoder.Text) TextDecoder.decode(new byte[] {'a', (byte) 0xC3, 'b'});
        assertTrue(t.malformed());
        assertEquals("a\uFFFDb", t.text());
    }

    @Test
    void aDerivedValueIsComputedOncePerFileAndKey() {
        SourceFile file = new SourceFile("schema.prisma", "model A {\n  id Int @id\n}\n");
        java.util.concurrent.atomic.AtomicInteger computed = new java.util.concurrent.atomic.AtomicInteger();
        String first = file.derived("lines", f -> f.lineCount() + " lines #" + computed.incrementAndGet());
        String again = file.derived("lines", f -> f.lineCount() + " lines #" + computed.incrementAndGet());
        String other = file.derived("other", f -> "other #" + computed.incrementAndGet());
        org.junit.jupiter.api.Assertions.assertEquals("4 lines #1", first);
        org.junit.jupiter.api.Assertions.assertSame(first, again);
        org.junit.jupiter.api.Assertions.assertEquals("other #2", other);
        org.junit.jupiter.api.Assertions.assertNotEquals(first,
                new SourceFile("schema.prisma", file.text()).derived("lines", f -> "a new file #" + computed.incrementAndGet()));
    }
}
