package dev.migrationguard.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationguard.testing.Corpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The checksum as Prisma's schema engine computes and compares it. The two recorded values below were written to
 * {@code _prisma_migrations} by Prisma's own engine (the wasm schema engine of ../shared/oracle, applyMigrations)
 * when it applied umami's 07_add_tag as committed (LF) and with every line ending turned into CRLF; its
 * diagnoseMigrationHistory then called the LF file unedited against the CRLF row, and edited once a line was added.
 */
class MigrationChecksumTest {
    private static final String RECORDED_LF = "c38c9605d759b3b00f94076c929b6081d7dbd01a25d2955909fc8d1a6e3276b4";
    private static final String RECORDED_CRLF = "df3a4e00bbf65c971d1117e3fd6eae64411ed47977c3ed19bd1f66aa628c15c0";

    private static String addTag() throws IOException {
        Corpus.require();
        return Files.readString(Corpus.ROOT.resolve("umami/prisma/migrations/07_add_tag/migration.sql"));
    }

    @Test
    void computesWhatPrismaRecordsForACommittedMigration() throws IOException {
        assertEquals(RECORDED_LF, MigrationChecksum.of(addTag()));
        assertEquals(RECORDED_CRLF, MigrationChecksum.of(addTag().replace("\n", "\r\n")));
    }

    @Test
    void zeroPadsEveryByte() {
        // Prisma's own unit test: format_checksum_does_not_strip_zeros.
        assertEquals("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824", MigrationChecksum.of("hello"));
    }

    @Test
    void matchesWhateverTheLineEndingsBecameOnCheckout() throws IOException {
        String lf = addTag();
        assertTrue(MigrationChecksum.matches(lf, RECORDED_CRLF));
        assertTrue(MigrationChecksum.matches(lf.replace("\n", "\r\n"), RECORDED_LF));
        assertTrue(MigrationChecksum.matches(lf, RECORDED_LF));
    }

    @Test
    void anEditIsNoMatch() throws IOException {
        assertFalse(MigrationChecksum.matches(addTag() + "-- edited\n", RECORDED_LF));
        assertFalse(MigrationChecksum.matches(addTag() + "-- edited\n", RECORDED_CRLF));
        // Prisma's script_matches_checksum_negative: a trailing newline is an edit.
        assertFalse(MigrationChecksum.matches("abc\n", MigrationChecksum.of("abc")));
        assertFalse(MigrationChecksum.matches("abc", null));
    }

    @Test
    void lineEndingsInsideMixedFilesFollowPrismasThreeVariants() {
        // Prisma's script_matches_checksum_is_line_ending_agnostic: a lone CR stays as it is.
        String unix = "ab\ncd\nef\ngh\rab\n";
        String windows = "ab\r\ncd\r\nef\r\ngh\rab\r\n";
        assertTrue(MigrationChecksum.matches(unix, MigrationChecksum.of(windows)));
        assertTrue(MigrationChecksum.matches(windows, MigrationChecksum.of(unix)));
    }

    @Test
    void readsChecksumsThatOldEnginesWroteWithoutLeadingZeros() {
        byte[] digest = java.util.HexFormat.of().parseHex(MigrationChecksum.of("hello"));
        StringBuilder old = new StringBuilder();
        for (byte b : digest) {
            old.append(Integer.toHexString(b & 0xff));
        }
        assertTrue(old.length() < 64);
        assertTrue(MigrationChecksum.matches("hello", old.toString()));
    }

    @Test
    void countsAByteOrderMarkAsPrismaDoes(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        // Prisma reads the mark as part of the script; this project's text has it stripped.
        String withMark = MigrationChecksum.of("\uFEFFCREATE TABLE \"a\" (\"id\" INT);\n");
        byte[] bytes = ("\uFEFFCREATE TABLE \"a\" (\"id\" INT);\n").getBytes(StandardCharsets.UTF_8);
        Files.write(dir.resolve("m.sql"), bytes);
        String decoded = ((dev.migrationguard.workspace.TextDecoder.Text) dev.migrationguard.workspace.TextDecoder
                .decode(Files.readAllBytes(dir.resolve("m.sql")))).text();
        assertTrue(MigrationChecksum.matches(decoded, withMark));
    }
}
