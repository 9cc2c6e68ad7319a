package dev.migrationguard.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SqlTypesTest {

    private static String pg(String type) {
        return SqlTypes.normaliseType(type, DatabaseProvider.POSTGRESQL);
    }

    @Test
    void postgresSynonymsShareOneForm() {
        assertEquals("integer", pg("INT4"));
        assertEquals("integer", pg("SERIAL"));
        assertEquals("bigint", pg("BIGSERIAL"));
        assertEquals("double precision", pg("FLOAT8"));
        assertEquals("varchar(255)", pg("CHARACTER VARYING ( 255 )"));
        assertEquals("timestamp(3)", pg("TIMESTAMP(3) WITHOUT TIME ZONE"));
        assertEquals("timestamptz(6)", pg("timestamp with time zone"));
        assertEquals("timestamptz(6)", pg("TIMESTAMPTZ"));
        assertEquals("decimal(10,2)", pg("NUMERIC(10, 2)"));
        assertEquals("text[]", pg("TEXT[]"));
        assertEquals("Role[]", pg("\"Role\"[]"));
        assertEquals("Role", pg("\"public\".\"Role\""));
    }

    @Test
    void mysqlDropsIntegerDisplayWidthsButKeepsBooleanTinyint() {
        assertEquals("int", SqlTypes.normaliseType("INT(11)", DatabaseProvider.MYSQL));
        assertEquals("tinyint(1)", SqlTypes.normaliseType("BOOLEAN", DatabaseProvider.MYSQL));
        assertEquals("tinyint(1)", SqlTypes.normaliseType("TINYINT(1)", DatabaseProvider.MYSQL));
        assertEquals("int unsigned", SqlTypes.normaliseType("INTEGER UNSIGNED", DatabaseProvider.MYSQL));
        assertEquals("datetime(3)", SqlTypes.normaliseType("DATETIME(3)", DatabaseProvider.MYSQL));
    }

    @Test
    void sqlServerAndCockroachDefaults() {
        assertEquals("float(53)", SqlTypes.normaliseType("FLOAT", DatabaseProvider.SQLSERVER));
        assertEquals("nvarchar(max)", SqlTypes.normaliseType("NVARCHAR(MAX)", DatabaseProvider.SQLSERVER));
        assertEquals("string", SqlTypes.normaliseType("TEXT", DatabaseProvider.COCKROACHDB));
        assertEquals("int8", SqlTypes.normaliseType("INT", DatabaseProvider.COCKROACHDB));
    }

    @Test
    void defaultsDropCastsAndCaseOutsideStrings() {
        assertEquals("'USER'", SqlTypes.normaliseDefault("'USER'::\"Role\""));
        assertEquals("array['USER']", SqlTypes.normaliseDefault("ARRAY['USER']::\"Role\"[]"));
        assertEquals("array[]", SqlTypes.normaliseDefault("ARRAY[]::TEXT[]"));
        assertEquals("now()", SqlTypes.normaliseDefault("CURRENT_TIMESTAMP"));
        assertEquals("now()", SqlTypes.normaliseDefault("CURRENT_TIMESTAMP(3)"));
        assertEquals("autoincrement()", SqlTypes.normaliseDefault("nextval('\"User_id_seq\"'::regclass)"));
        assertEquals("'Etc/UTC'", SqlTypes.normaliseDefault("'Etc/UTC'::text"));
        assertEquals("gen_random_uuid()", SqlTypes.normaliseDefault("(gen_random_uuid())"));
        assertEquals("'{}'", SqlTypes.normaliseDefault("'{}'::jsonb"));
        assertEquals("false", SqlTypes.normaliseDefault("FALSE"));
        assertEquals("'A b'", SqlTypes.normaliseDefault("'A b'"));
    }
}
