package dev.migrationguard.fuzz;

import static dev.migrationguard.fuzz.FuzzAssertions.positionsInside;
import static dev.migrationguard.fuzz.FuzzAssertions.withinLinearTime;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.migrationguard.prisma.PrismaParser;
import dev.migrationguard.prisma.PrismaSchema;
import dev.migrationguard.schema.DatabaseProvider;
import dev.migrationguard.schema.Difference;
import dev.migrationguard.schema.DriftReports;
import dev.migrationguard.schema.PrismaSchemaMapper;
import dev.migrationguard.schema.SchemaDiff;
import dev.migrationguard.schema.SchemaModel;
import dev.migrationguard.schema.SchemaReplay;
import dev.migrationguard.sql.SqlDialect;
import dev.migrationguard.sql.SqlParser;
import dev.migrationguard.sql.SqlScript;
import dev.migrationguard.testing.InMemorySnapshot;
import dev.migrationguard.workspace.SourceFile;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Order;

/**
 * The Prisma schema grammar, then what the drift check does with a schema that parses: map it for every provider,
 * compare it with a replayed migration, and the whole drift model of a project holding it.
 */
@Order(FuzzAssertions.LAST)
class PrismaFuzzTest {
    private static final String INIT_SQL = """
            CREATE TYPE "Role" AS ENUM ('USER', 'ADMIN');
            CREATE TABLE "User" (
                "id" SERIAL NOT NULL,
                "email" TEXT NOT NULL,
                "name" TEXT,
                "role" "Role" NOT NULL DEFAULT 'USER',
                "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
                CONSTRAINT "User_pkey" PRIMARY KEY ("id")
            );
            CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
            """;
    private static final SqlScript INIT = SqlParser.parse(new SourceFile("init.sql", INIT_SQL), SqlDialect.POSTGRESQL);

    static {
        FuzzAssertions.warmUp(() -> new PrismaFuzzTest().parsesAnySchemaAndComparesWhatParses("""
                datasource db { provider = "postgresql"  url = env("DATABASE_URL") }
                model User { id Int @id @default(autoincrement())  email String @unique  posts Post[] }
                model Post { id Int @id  author User @relation(fields: [authorId], references: [id])  authorId Int }
                enum Role { USER ADMIN }
                """.getBytes(StandardCharsets.UTF_8)));
    }

    @FuzzTest(maxDuration = "10m")
    void parsesAnySchemaAndComparesWhatParses(byte[] input) {
        String text = FuzzAssertions.text(input);
        SourceFile file = new SourceFile("prisma/schema.prisma", text);
        PrismaSchema schema = withinLinearTime("PrismaParser.parse", text.length(), () -> PrismaParser.parse(file));
        positionsInside(schema, text.length(), "PrismaParser.parse");

        if (schema.problems().isEmpty()) {
            // The drift check maps only schemas without syntax errors; so does this target.
            for (DatabaseProvider provider : DatabaseProvider.values()) {
                SchemaModel mapped = withinLinearTime("PrismaSchemaMapper.map for " + provider, text.length(),
                        () -> PrismaSchemaMapper.map(schema, provider));
                positionsInside(mapped, text.length(), "PrismaSchemaMapper.map for " + provider);
                SchemaReplay.Result replayed = SchemaReplay.replay(provider, List.of("20240101000000_init"),
                        List.of(INIT));
                List<Difference> differences = withinLinearTime("SchemaDiff.compare for " + provider,
                        text.length(), () -> SchemaDiff.compare(mapped, replayed.model()));
                positionsInside(differences, text.length(), "SchemaDiff.compare for " + provider);
            }
        }

        List<DriftReports.Report> reports = withinLinearTime("DriftReports", text.length(),
                () -> project(input).model(DriftReports.KEY));
        positionsInside(reports, text.length(), "DriftReports");
    }

    /** A project whose schema is the input, with one migration. */
    private static InMemorySnapshot project(byte[] schema) {
        return new InMemorySnapshot()
                .putBytes("prisma/schema.prisma", schema)
                .put("prisma/migrations/migration_lock.toml", "provider = \"postgresql\"\n")
                .put("prisma/migrations/20240101000000_init/migration.sql", INIT_SQL);
    }
}
