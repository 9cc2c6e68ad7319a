package dev.migrationguard.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationguard.testing.Corpus;
import dev.migrationguard.workspace.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A parse read back from {@link SqlScriptCodec} equals the parse itself, for every SQL file the project has (the real
 * corpus, the samples, the test resources) in every dialect, and for statements written here so that every kind of
 * statement and action is among them; bytes that are not such an entry are refused, never read as another script.
 */
class SqlScriptCodecTest {
    private static final Path PROJECT = Path.of(System.getProperty("user.dir"));

    /** One statement of each kind the real files may lack. */
    private static final List<String> CRAFTED = List.of("""
            CREATE TEMPORARY TABLE IF NOT EXISTS s."T" (
              id SERIAL PRIMARY KEY,
              "name" VARCHAR(20) COLLATE "C" NOT NULL DEFAULT 'x' CHECK (length("name") > 0) UNIQUE,
              total NUMERIC(10, 2)[] GENERATED ALWAYS AS (1) STORED,
              owner INT REFERENCES u(id) ON DELETE CASCADE ON UPDATE SET NULL,
              CONSTRAINT t_pk PRIMARY KEY (id),
              CONSTRAINT t_fk FOREIGN KEY (owner) REFERENCES s.u (id) ON DELETE SET NULL,
              CONSTRAINT t_ck CHECK (total IS NOT NULL),
              EXCLUDE USING gist (id WITH =)
            );
            ALTER TABLE IF EXISTS "T" ADD COLUMN IF NOT EXISTS c INT NOT NULL DEFAULT 0, DROP COLUMN IF EXISTS d CASCADE,
              RENAME COLUMN a TO b;
            ALTER TABLE "T" ALTER COLUMN c TYPE BIGINT USING c::bigint, ALTER COLUMN c SET NOT NULL,
              ALTER COLUMN c DROP NOT NULL, ALTER COLUMN c SET DEFAULT 1, ALTER COLUMN c DROP DEFAULT;
            ALTER TABLE "T" ADD CONSTRAINT t_u UNIQUE USING INDEX t_idx, DROP CONSTRAINT IF EXISTS t_ck,
              VALIDATE CONSTRAINT t_fk, RENAME CONSTRAINT t_fk TO t_fk2;
            ALTER TABLE "T" ADD CONSTRAINT t_fk3 FOREIGN KEY (owner) REFERENCES u(id) NOT VALID;
            ALTER TABLE "T" RENAME TO "U";
            ALTER TABLE "U" OWNER TO someone;
            DROP TABLE IF EXISTS a, b CASCADE;
            CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "i" ON "U" USING gin ((lower(name)), c DESC) INCLUDE (d)
              WHERE c > 0;
            CREATE INDEX ON "U" (c);
            DROP INDEX CONCURRENTLY IF EXISTS "i", "j";
            CREATE TYPE "E" AS ENUM ('a', 'b');
            CREATE TYPE "P" AS (x INT);
            ALTER TYPE "E" ADD VALUE IF NOT EXISTS 'c' BEFORE 'a';
            ALTER TYPE "E" RENAME VALUE 'a' TO 'z';
            ALTER TYPE "E" RENAME TO "F";
            ALTER TYPE "F" OWNER TO someone;
            DROP TYPE IF EXISTS "F", "P" CASCADE;
            CREATE SCHEMA IF NOT EXISTS s;
            CREATE SCHEMA AUTHORIZATION someone;
            DROP SCHEMA IF EXISTS s CASCADE;
            CREATE EXTENSION IF NOT EXISTS pgcrypto;
            DROP EXTENSION IF EXISTS pgcrypto;
            CREATE SEQUENCE IF NOT EXISTS q;
            ALTER SEQUENCE q RESTART;
            DROP SEQUENCE IF EXISTS q;
            CREATE OR REPLACE VIEW v AS SELECT 1;
            CREATE MATERIALIZED VIEW m AS SELECT 2;
            DROP MATERIALIZED VIEW IF EXISTS m;
            DROP VIEW v;
            TRUNCATE a, b CASCADE;
            COMMENT ON COLUMN "U".c IS 'note';
            COMMENT ON TABLE "U" IS NULL;
            DO $$ BEGIN IF true THEN ALTER TABLE "U" ADD COLUMN e INT; END IF; EXECUTE 'DROP TABLE x'; END $$;
            INSERT INTO "U" VALUES (1);
            SELECT nothing FROM;
            """, """
            RENAME TABLE a TO b, c TO d;
            ALTER TABLE t MODIFY COLUMN c INT NOT NULL AUTO_INCREMENT, DROP INDEX i, DROP FOREIGN KEY f;
            CREATE TABLE m (id INT AUTO_INCREMENT, KEY k (id)) ENGINE = InnoDB;
            """);

    @Test
    void everyParseReadsBackEqual() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path root : List.of(PROJECT.resolve("samples"), PROJECT.resolve("src/test/resources"), Corpus.ROOT)) {
            if (Files.isDirectory(root)) {
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.filter(p -> p.toString().endsWith(".sql") && Files.isRegularFile(p)).sorted().forEach(files::add);
                }
            }
        }
        assertTrue(files.size() > 1000, "the corpus and samples hold over 1,000 SQL files; found " + files.size());
        Set<String> kinds = new TreeSet<>();
        int scripts = 0;
        for (SqlDialect dialect : SqlDialect.values()) {
            for (Path path : files) {
                roundTrip(new SourceFile(PROJECT.relativize(path).toString(), Files.readString(path)), dialect, kinds);
                scripts++;
            }
            for (int i = 0; i < CRAFTED.size(); i++) {
                roundTrip(new SourceFile("crafted-" + i + ".sql", CRAFTED.get(i)), dialect, kinds);
                scripts++;
            }
        }
        Set<String> expected = new TreeSet<>();
        for (Class<?> sealed : List.of(SqlStatement.class, AlterTableAction.class, AlterTypeAction.class)) {
            Arrays.stream(sealed.getPermittedSubclasses()).map(Class::getName).forEach(expected::add);
        }
        assertEquals(expected, kinds, "every kind of statement and action is written and read back (" + scripts
                + " scripts)");
    }

    private static void roundTrip(SourceFile file, SqlDialect dialect, Set<String> kinds) throws IOException {
        SqlScript parsed = SqlParser.parse(file, dialect);
        SqlScript read = SqlScriptCodec.decode(SqlScriptCodec.encode(parsed), file, dialect);
        assertEquals(parsed.statements(), read.statements(), file.path() + " in " + dialect);
        assertEquals(parsed.problems(), read.problems(), file.path() + " in " + dialect);
        assertSame(file, read.file());
        assertSame(dialect, read.dialect());
        for (SqlStatement s : read.statements()) {
            kinds.add(s.getClass().getName());
            if (s instanceof SqlStatement.AlterTable alter) {
                alter.actions().forEach(a -> kinds.add(a.getClass().getName()));
            } else if (s instanceof SqlStatement.AlterType alter && alter.action() != null) {
                kinds.add(alter.action().getClass().getName());
            } else if (s instanceof SqlStatement.DoBlock block) {
                // The block's statements are the script's next ones, the same objects, as the parser makes them.
                int at = read.statements().indexOf(block);
                for (int k = 0; k < block.statements().size(); k++) {
                    assertSame(block.statements().get(k), read.statements().get(at + 1 + k), file.path());
                }
            }
        }
    }

    @Test
    void bytesOfAnotherFileDialectOrLayoutAreRefused() throws IOException {
        SourceFile file = new SourceFile("a.sql", "CREATE TABLE \"A\" (\"id\" INTEGER NOT NULL);\nDROP TABLE \"B\";\n");
        byte[] bytes = SqlScriptCodec.encode(SqlParser.parse(file, SqlDialect.POSTGRESQL));
        assertEquals(2, SqlScriptCodec.decode(bytes, file, SqlDialect.POSTGRESQL).statements().size());
        // Another dialect, a text of another length, a truncated or extended entry, another layout's number.
        assertThrows(IOException.class, () -> SqlScriptCodec.decode(bytes, file, SqlDialect.MYSQL));
        assertThrows(IOException.class, () -> SqlScriptCodec.decode(bytes, new SourceFile("a.sql", "x"),
                SqlDialect.POSTGRESQL));
        for (int cut = 0; cut < bytes.length; cut++) {
            byte[] truncated = Arrays.copyOf(bytes, cut);
            assertThrows(IOException.class, () -> SqlScriptCodec.decode(truncated, file, SqlDialect.POSTGRESQL),
                    "cut at " + cut);
        }
        assertThrows(IOException.class, () -> SqlScriptCodec.decode(Arrays.copyOf(bytes, bytes.length + 1), file,
                SqlDialect.POSTGRESQL));
        byte[] otherLayout = bytes.clone();
        otherLayout[7]++;
        assertThrows(IOException.class, () -> SqlScriptCodec.decode(otherLayout, file, SqlDialect.POSTGRESQL));
        assertThrows(IOException.class, () -> SqlScriptCodec.decode("not an entry".getBytes(StandardCharsets.UTF_8),
                file, SqlDialect.POSTGRESQL));
    }
}
