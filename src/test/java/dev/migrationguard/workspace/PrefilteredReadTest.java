package dev.migrationguard.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationguard.code.ConnectionUrls;
import dev.migrationguard.testing.InMemorySnapshot;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@link Snapshot#readIf}: a scan for literals decodes only the files whose bytes may hold them, and loses no notice. */
class PrefilteredReadTest {

    @Test
    void aFileTheByteTestRejectsIsNotDecodedAndAnotherReaderStillGetsIt() {
        InMemorySnapshot s = InMemorySnapshot.of("docs/a.md", "See https://example.com for the docs.\n",
                "docs/b.md", "PGPASSWORD=Kq7-dump-2291 psql -h db.example.com\n");
        AtomicInteger asked = new AtomicInteger();
        assertEquals(Optional.empty(), s.readIf("docs/a.md", b -> asked.incrementAndGet() < 0 || ConnectionUrls.mayHoldPassword(b)));
        assertEquals(1, asked.get());
        assertTrue(s.readIf("docs/b.md", ConnectionUrls::mayHoldPassword).isPresent());
        // Not cached as absent: a rule that reads the whole file gets it.
        assertEquals("See https://example.com for the docs.\n", s.read("docs/a.md").orElseThrow().text());
        // And once decoded, the byte test is not run again.
        assertTrue(s.readIf("docs/a.md", b -> {
            throw new AssertionError("tested again");
        }).isPresent());
    }

    @Test
    void aFileSeveralScansPassOverIsLoadedOnceAndStillReadWhole() {
        InMemorySnapshot s = InMemorySnapshot.of("src/app.ts", "export async function load() { return 1; }\n");
        assertEquals(Optional.empty(), s.readIf("src/app.ts", ConnectionUrls::mayHoldPassword));
        assertEquals(Optional.empty(), s.readIf("src/app.ts", b -> false));
        assertEquals("export async function load() { return 1; }\n", s.read("src/app.ts").orElseThrow().text());
        assertEquals(1, s.loads("src/app.ts"));
    }

    @Test
    void theCodeScansKeepTheNoticeOfAMalformedScriptTheyHaveNothingToLookForIn() {
        byte[] latin1 = {'c', 'o', 'n', 's', 't', ' ', 'x', ' ', '=', ' ', '"', 'c', 'a', 'f', (byte) 0xE9, '"', ';', '\n'};
        for (ModelKey<?> scan : List.of(dev.migrationguard.code.SchemaSyncSettings.MODEL,
                dev.migrationguard.code.JsSqlCalls.MAY_CHANGE_SCHEMA)) {
            InMemorySnapshot s = new InMemorySnapshot().putBytes("src/app.ts", latin1);
            s.model(scan);
            assertEquals(List.of("src/app.ts: not valid UTF-8: invalid bytes were read as U+FFFD"),
                    s.notices().stream().map(n -> n.path() + ": " + n.message()).toList(), scan.toString());
        }
    }

    @Test
    void malformedBinaryAndUtf16FilesAreDecodedSoTheirNoticesAreKept() {
        InMemorySnapshot s = new InMemorySnapshot()
                .putBytes("latin1.md", new byte[] {'c', 'a', 'f', (byte) 0xE9, '\n'})
                .putBytes("blob.dat", new byte[] {'a', 0, 'b'})
                .putBytes("utf16.txt", "\uFEFFPGPASSWORD=Kq7-dump-2291 psql -h db.example.com".getBytes(StandardCharsets.UTF_16LE));
        s.readIf("latin1.md", ConnectionUrls::mayHoldPassword);
        s.readIf("blob.dat", ConnectionUrls::mayHoldPassword);
        SourceFile utf16 = s.readIf("utf16.txt", ConnectionUrls::mayHoldPassword).orElseThrow();
        assertEquals(1, ConnectionUrls.find(utf16).size());
        List<String> notices = s.notices().stream().map(n -> n.path() + ": " + n.message()).toList();
        assertTrue(notices.contains("latin1.md: not valid UTF-8: invalid bytes were read as U+FFFD"), notices.toString());
        assertTrue(notices.contains("blob.dat: skipped: binary file"), notices.toString());
    }

    @Test
    void plainUtf8AgreesWithTheDecoder() {
        for (byte[] bytes : List.of(new byte[] {(byte) 0xC0, (byte) 0x80}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, new byte[] {(byte) 0xE2, (byte) 0x82},
                "caf\u00e9 \u20ac \uD83D\uDE00".getBytes(StandardCharsets.UTF_8), new byte[] {'a', 0})) {
            TextDecoder.Result r = TextDecoder.decode(bytes);
            boolean plain = r instanceof TextDecoder.Text t && !t.malformed();
            assertEquals(plain, TextDecoder.plainUtf8(bytes), java.util.Arrays.toString(bytes));
        }
    }
}
