package dev.migrationguard.code;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The byte test that decides whether a script or Java file is decoded at all for schema-sync settings. */
class SchemaSyncSettingsPrefilterTest {

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
}
