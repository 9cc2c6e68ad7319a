package dev.migrationguard.code;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
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

    @Test
    void findsTheSameCallsAsBeforeInAFileTheByteTestKeeps() {
        dev.migrationguard.workspace.SourceFile file = new dev.migrationguard.workspace.SourceFile("src/db.ts",
                "export async function up() { await pool.query('DROP TABLE users'); }\n");
        assertTrue(sqlCall(file.text()));
        org.junit.jupiter.api.Assertions.assertEquals(1, JsSqlCalls.find(file).size());
    }
}
