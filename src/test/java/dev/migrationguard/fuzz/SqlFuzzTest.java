package dev.migrationguard.fuzz;

import static dev.migrationguard.fuzz.FuzzAssertions.positionsInside;
import static dev.migrationguard.fuzz.FuzzAssertions.withinLinearTime;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.migrationguard.schema.DatabaseProvider;
import dev.migrationguard.schema.SchemaReplay;
import dev.migrationguard.sql.Migration;
import dev.migrationguard.sql.MigrationSet;
import dev.migrationguard.sql.MigrationSets;
import dev.migrationguard.sql.SqlDialect;
import dev.migrationguard.sql.SqlParser;
import dev.migrationguard.sql.SqlScript;
import dev.migrationguard.testing.InMemorySnapshot;
import dev.migrationguard.workspace.SourceFile;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Order;

/** The SQL grammar in every dialect, and a migrations folder holding the input, read without a crash. */
@Order(FuzzAssertions.LAST)
class SqlFuzzTest {
    private static final String MIGRATION = "prisma/migrations/20240101120000_init/migration.sql";

    static {
        FuzzAssertions.warmUp(() -> new SqlFuzzTest().parsesAnyBytesInEveryDialect("""
                CREATE TABLE "a" ("id" INT NOT NULL, PRIMARY KEY ("id"));
                ALTER TABLE a ADD COLUMN b TEXT DEFAULT 'x'; CREATE INDEX i ON a(b); DROP TABLE a;
                """.getBytes(StandardCharsets.UTF_8)));
    }

    @FuzzTest(maxDuration = "10m")
    void parsesAnyBytesInEveryDialect(byte[] input) {
        String text = FuzzAssertions.text(input);
        SourceFile file = new SourceFile("migration.sql", text);
        for (SqlDialect dialect : SqlDialect.values()) {
            SqlScript script = withinLinearTime("SqlParser.parse in " + dialect, text.length(),
                    () -> SqlParser.parse(file, dialect));
            positionsInside(script, text.length(), "SqlParser.parse in " + dialect);
        }

        // The folder has no lock file, so its dialect is guessed from the SQL itself.
        InMemorySnapshot snapshot = new InMemorySnapshot().putBytes(MIGRATION, input);
        withinLinearTime("MigrationSets", text.length(),
                () -> new InMemorySnapshot().putBytes(MIGRATION, input).model(MigrationSets.KEY));
        List<MigrationSet> sets = snapshot.model(MigrationSets.KEY);
        for (MigrationSet set : sets) {
            DatabaseProvider provider = DatabaseProvider.fromPrisma(set.dialect().provider()).orElseThrow();
            for (Migration m : set.migrations()) {
                m.script(snapshot).ifPresent(s -> positionsInside(s, s.file().text().length(), "migration " + m.name()));
            }
            SchemaReplay.Result replayed = withinLinearTime("SchemaReplay in " + provider, text.length(),
                    () -> SchemaReplay.replay(snapshot, set, provider));
            positionsInside(replayed, text.length(), "SchemaReplay in " + provider);
        }
    }
}
