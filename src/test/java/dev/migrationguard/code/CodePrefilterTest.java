package dev.migrationguard.code;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The byte tests that decide whether a script or Java file is decoded at all for a code scan. */
class CodePrefilterTest {

    private static boolean script(String text) {
        return SchemaSyncSettings.mayHoldScriptSetting(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void keepsEveryScriptThatCanHoldASetting() {
        assertTrue(script("new DataSource({ synchronize: true })"));
        assertTrue(script("{ \"synchronize\": true }"));
        assertTrue(script("await sequelize.sync({ force: true })"));
        assertTrue(script("db\n  .sync ({ alter: true })"));
        assertTrue(script("sync"));
        assertTrue(script("é.sync({ force: true })"));
    }

    @Test
    void dropsScriptsWhereSyncIsOnlyPartOfAWord() {
        assertFalse(script("export async function load() { await fetchAsync(); }"));
        assertFalse(script("const isSync = syncer.synced; resync();"));
        assertFalse(script(""));
    }

    @Test
    void keepsJavaFilesNamingASchemaGenerationSetting() {
        assertTrue(SchemaSyncSettings.mayNameSetting("props.put(\"hibernate.hbm2ddl.auto\", x)".getBytes(StandardCharsets.UTF_8)));
        assertTrue(SchemaSyncSettings.mayNameSetting("AvailableSettings.HBM2DDL_AUTO".getBytes(StandardCharsets.UTF_8)));
        assertFalse(SchemaSyncSettings.mayNameSetting("class App { void run() {} }".getBytes(StandardCharsets.UTF_8)));
    }

    private static boolean sqlCall(String text) {
        return JsSqlCalls.mayCallSql(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void keepsEveryScriptThatCanRunSql() {
        assertTrue(sqlCall("await prisma.$executeRawUnsafe(`DROP TABLE x`)"));
        assertTrue(sqlCall("await prisma.$queryRaw`SELECT 1`"));
        assertTrue(sqlCall("await pool.query('ALTER TABLE t ADD c int')"));
        assertTrue(sqlCall("knex?.raw(\"CREATE INDEX i ON t(c)\")"));
        assertTrue(sqlCall("conn.execute(sql)"));
    }

    @Test
    void dropsScriptsThatOnlyNameLongerWords() {
        assertFalse(sqlCall("const { data } = useQuery(key); document.querySelector('a');"));
        assertFalse(sqlCall("canvas.draw(); withdrawal.executeAll(); rawValue = 1;"));
    }

    /**
     * The password prefilter reads eight bytes at a time between anchors: its answer must not depend on where in a
     * word an anchor, a near miss, a NUL or a non-ASCII sequence falls, nor on text before and after it.
     */
    @Test
    void thePasswordPrefiltersAnswerDoesNotDependOnWhereInAWordThingsFall() {
        String filler = "const answer = 42; // plain text, no anchors here at all, just words and numbers 1234567 ";
        java.util.Map<String, Boolean> cases = new java.util.LinkedHashMap<>();
        cases.put("postgres://app:s3cret@db.example.com/app", true);
        cases.put("PASSWORD=hunter2", true);
        cases.put("db_passwd: hunter2", true);
        cases.put("Pwd=abc;", true);
        cases.put("http://example.com/a", false);
        cases.put("passport: none", false);
        cases.put("map: {}", false);
        cases.put("caf\u00e9 cr\u00e8me \u4e2d\u6587", false);
        cases.put("\u0000", true);
        for (java.util.Map.Entry<String, Boolean> c : cases.entrySet()) {
            for (int before = 0; before <= 17; before++) {
                for (int after = 0; after <= 9; after++) {
                    String text = filler.substring(0, before) + " " + c.getKey() + " " + filler.substring(0, after);
                    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                    org.junit.jupiter.api.Assertions.assertEquals(c.getValue(), ConnectionUrls.mayHoldPassword(bytes),
                            "[" + text + "]");
                }
            }
        }
        // A malformed sequence (a lone continuation byte) anywhere in a word: decoded, so its notice is kept.
        for (int at = 0; at < 24; at++) {
            byte[] bytes = filler.substring(0, 24).getBytes(StandardCharsets.US_ASCII);
            bytes[at] = (byte) 0x9F;
            assertTrue(ConnectionUrls.mayHoldPassword(bytes), "malformed byte at " + at);
        }
    }

    private static boolean schemaChange(String text) {
        return JsSqlCalls.maySpellSchemaChange(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void keepsEveryScriptThatCanSpellASchemaChange() {
        assertTrue(schemaChange("await pool.query('drop table users')"));
        assertTrue(schemaChange("await prisma.$executeRaw`Create Index i ON t(c)`"));
        assertTrue(schemaChange("db.query(\"ALTER TABLE t ADD c int\")"));
        assertTrue(schemaChange("sql.raw('TRUNCATE t')"));
        assertTrue(schemaChange("conn.execute(\"EXEC sp_rename 'a', 'b'\")"));
        // The tokenizer keeps the letter after an escape it does not know: CREATE with every letter escaped.
        assertTrue(schemaChange("pool.query('\\C\\R\\E\\A\\T\\E TABLE t (id int)')"));
    }

    @Test
    void dropsScriptsThatCallSqlOnlyToReadAndWriteRows() {
        assertFalse(schemaChange("await pool.query('SELECT * FROM users WHERE id = $1', [id])"));
        assertFalse(schemaChange("await prisma.$queryRaw`UPDATE t SET c = 1`; const s = 'a\\nb\\t\\r\\\\x';"));
    }

    @Test
    void theSchemaChangeModelKeepsWhatTheRuleReportsAndSkipsTheRest() {
        dev.migrationguard.testing.InMemorySnapshot s = new dev.migrationguard.testing.InMemorySnapshot()
                .put("src/ddl.ts", "await pool.query('ALTER TABLE t ADD c int');\n")
                .put("src/escaped.ts", "await pool.query('\\A\\L\\T\\E\\R TABLE t ADD c int');\n")
                .put("src/rows.ts", "await pool.query('SELECT 1');\n");
        List<String> found = s.model(JsSqlCalls.MAY_CHANGE_SCHEMA).stream()
                .map(c -> c.file().path() + " " + c.sql()).toList();
        org.junit.jupiter.api.Assertions.assertEquals(
                List.of("src/ddl.ts ALTER TABLE t ADD c int", "src/escaped.ts ALTER TABLE t ADD c int"), found);
    }

    @Test
    void findsTheSameCallsAsBeforeInAFileTheByteTestKeeps() {
        dev.migrationguard.workspace.SourceFile file = new dev.migrationguard.workspace.SourceFile("src/db.ts",
                "export async function up() { await pool.query('DROP TABLE users'); }\n");
        assertTrue(sqlCall(file.text()));
        org.junit.jupiter.api.Assertions.assertEquals(1, JsSqlCalls.find(file).size());
    }
}
