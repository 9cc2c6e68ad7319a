package dev.migrationguard.rules.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrationguard.rules.Finding;
import dev.migrationguard.rules.Severity;
import dev.migrationguard.testing.InMemorySnapshot;
import dev.migrationguard.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaDriftTest {
    static final String SCHEMA = "prisma/schema.prisma";
    static final String LOCK = "prisma/migrations/migration_lock.toml";
    static final String INIT = "prisma/migrations/20240101000000_init/migration.sql";

    static final String BASE_SCHEMA = """
            datasource db {
              provider = "postgresql"
              url      = env("DATABASE_URL")
            }

            enum Role {
              USER
              ADMIN
            }

            model User {
              id    Int    @id @default(autoincrement())
              email String @unique
              role  Role   @default(USER)
            }
            """;

    static final String INIT_SQL = """
            -- CreateEnum
            CREATE TYPE "Role" AS ENUM ('USER', 'ADMIN');

            -- CreateTable
            CREATE TABLE "User" (
                "id" SERIAL NOT NULL,
                "email" TEXT NOT NULL,
                "role" "Role" NOT NULL DEFAULT 'USER',

                CONSTRAINT "User_pkey" PRIMARY KEY ("id")
            );

            -- CreateIndex
            CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
            """;

    /** The incident: three models and an enum created with `db push`, no migration. */
    static final String INCIDENT_MODELS = """

            enum QuestStatus { // expect: schema-drift
              ACTIVE
              DONE
            }

            model Quest { // expect: schema-drift
              id       Int             @id @default(autoincrement())
              title    String
              progress QuestProgress[]
            }

            model Badge { // expect: schema-drift
              id   Int    @id @default(autoincrement())
              name String @unique
            }

            model QuestProgress { // expect: schema-drift
              id      Int         @id @default(autoincrement())
              questId Int
              status  QuestStatus @default(ACTIVE)
              quest   Quest       @relation(fields: [questId], references: [id])
            }
            """;

    static InMemorySnapshot project(String schema, String... migrations) {
        InMemorySnapshot snapshot = InMemorySnapshot.of(SCHEMA, schema, LOCK, "provider = \"postgresql\"\n",
                INIT, INIT_SQL);
        for (int i = 0; i < migrations.length; i += 2) {
            snapshot.put(migrations[i], migrations[i + 1]);
        }
        return snapshot;
    }

    private static List<Finding> run(InMemorySnapshot snapshot) {
        return RuleTester.run(new SchemaDrift(), snapshot);
    }

    @Test
    void flagsEachModelAndEnumAddedWithoutMigrationAtItsName() {
        InMemorySnapshot snapshot = project(BASE_SCHEMA + INCIDENT_MODELS);
        List<Finding> findings = RuleTester.assertMatchesMarkers(new SchemaDrift(), snapshot);
        assertEquals(List.of(
                "prisma/schema.prisma:17:6 schema-drift",
                "prisma/schema.prisma:22:7 schema-drift",
                "prisma/schema.prisma:28:7 schema-drift",
                "prisma/schema.prisma:33:7 schema-drift"), RuleTester.locations(findings));
        assertEquals("model Quest has no migration creating table \"Quest\"; "
                        + "run `prisma migrate dev --name add_quest`",
                findings.stream().filter(f -> f.range().startLine() == 22).findFirst().orElseThrow().message());
        assertEquals("enum QuestStatus has no migration creating type \"QuestStatus\"; "
                        + "run `prisma migrate dev --name add_quest_status`",
                findings.stream().filter(f -> f.range().startLine() == 17).findFirst().orElseThrow().message());
        assertEquals(List.of(Severity.ERROR), findings.stream().map(Finding::severity).distinct().toList());
    }

    @Test
    void aMigrationCreatingOneTableClearsExactlyThatFinding() {
        InMemorySnapshot snapshot = project(BASE_SCHEMA + INCIDENT_MODELS,
                "prisma/migrations/20240201000000_add_badge/migration.sql", """
                        -- CreateTable
                        CREATE TABLE "Badge" (
                            "id" SERIAL NOT NULL,
                            "name" TEXT NOT NULL,

                            CONSTRAINT "Badge_pkey" PRIMARY KEY ("id")
                        );

                        -- CreateIndex
                        CREATE UNIQUE INDEX "Badge_name_key" ON "Badge"("name");
                        """);
        assertEquals(List.of(
                "prisma/schema.prisma:17:6 schema-drift",
                "prisma/schema.prisma:22:7 schema-drift",
                "prisma/schema.prisma:33:7 schema-drift"), RuleTester.locations(run(snapshot)));
    }

    @Test
    void ignoresSchemaThatMatchesItsMigrations() {
        assertEquals(List.of(), run(project(BASE_SCHEMA)));
    }

    @Test
    void ignoresClientSideDefaultsAndRelationFields() {
        String schema = BASE_SCHEMA.replace("  role  Role   @default(USER)\n",
                "  role  Role   @default(USER)\n  posts Post[]\n") + """
                model Post {
                  id       String @id @default(cuid())
                  authorId Int
                  author   User   @relation(fields: [authorId], references: [id])
                }
                """;
        assertEquals(List.of(), run(project(schema, "prisma/migrations/20240102000000_post/migration.sql", """
                CREATE TABLE "Post" (
                    "id" TEXT NOT NULL,
                    "authorId" INTEGER NOT NULL,
                    CONSTRAINT "Post_pkey" PRIMARY KEY ("id")
                );
                ALTER TABLE "Post" ADD CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
                """)));
    }

    @Test
    void flagsFieldAddedWithoutMigrationAtTheField() {
        String schema = BASE_SCHEMA.replace("  role  Role   @default(USER)\n",
                "  role  Role   @default(USER)\n  bio   String? // expect: schema-drift\n");
        List<Finding> findings = RuleTester.assertMatchesMarkers(new SchemaDrift(), project(schema));
        assertEquals(List.of("prisma/schema.prisma:15:3 schema-drift"), RuleTester.locations(findings));
        assertEquals("field User.bio has no migration creating column \"bio\" in table \"User\"; "
                + "run `prisma migrate dev --name add_user_bio`", findings.get(0).message());
    }

    @Test
    void flagsEnumValueAddedWithoutMigration() {
        String schema = BASE_SCHEMA.replace("  ADMIN\n", "  ADMIN\n  GUEST // expect: schema-drift\n");
        RuleTester.assertMatchesMarkers(new SchemaDrift(), project(schema));
    }

    @Test
    void flagsTypeNullabilityAndDefaultChangesAtTheField() {
        String schema = BASE_SCHEMA.replace("  email String @unique\n",
                "  email String? @unique @db.VarChar(100) // expect: schema-drift\n")
                .replace("  role  Role   @default(USER)\n", "  role  Role // expect: schema-drift\n");
        List<Finding> findings = RuleTester.run(new SchemaDrift(), project(schema));
        assertEquals(List.of(
                "prisma/schema.prisma:13:3 schema-drift",
                "prisma/schema.prisma:13:3 schema-drift",
                "prisma/schema.prisma:14:3 schema-drift"), RuleTester.locations(findings));
    }

    @Test
    void flagsTableOnlyTheMigrationsCreateAtItsCreateStatement() {
        InMemorySnapshot snapshot = project(BASE_SCHEMA, "prisma/migrations/20240103000000_legacy/migration.sql", """
                CREATE TABLE "Legacy" ( -- expect: schema-drift
                    "id" INTEGER NOT NULL
                );
                """);
        List<Finding> findings = RuleTester.assertMatchesMarkers(new SchemaDrift(), snapshot);
        assertEquals(List.of("prisma/migrations/20240103000000_legacy/migration.sql:1:14 schema-drift"),
                RuleTester.locations(findings));
        assertEquals("table \"Legacy\" is created by migration 20240103000000_legacy but no model in the schema maps "
                + "to it", findings.get(0).message());
    }

    @Test
    void flagsIndexDeclaredWithoutMigration() {
        String schema = BASE_SCHEMA.replace("  role  Role   @default(USER)\n",
                "  role  Role   @default(USER)\n  @@index([role]) // expect: schema-drift\n");
        RuleTester.assertMatchesMarkers(new SchemaDrift(), project(schema));
    }

    @Test
    void warnsInsteadWhenAnUnreadableStatementMightExplainTheDifference() {
        String schema = BASE_SCHEMA.replace("  role  Role   @default(USER)\n",
                "  role  Role   @default(USER)\n  bio   String?\n");
        List<Finding> findings = run(project(schema, "prisma/migrations/20240104000000_bio/migration.sql", """
                DO $$ BEGIN
                  EXECUTE format('ALTER TABLE %I ADD COLUMN "bio" TEXT', 'User');
                END $$;
                """));
        assertEquals(List.of("prisma/schema.prisma:15:3 schema-drift"), RuleTester.locations(findings));
        assertEquals(Severity.WARNING, findings.get(0).severity());
        assertEquals("field User.bio has no migration creating column \"bio\" in table \"User\"; run `prisma migrate "
                + "dev --name add_user_bio`; the EXECUTE statement at prisma/migrations/20240104000000_bio/migration.sql:2 "
                + "might explain it, as the replay cannot read it", findings.get(0).message());
    }

    @Test
    void keepsErrorWhenTheUnreadableStatementNamesAnotherTable() {
        String schema = BASE_SCHEMA.replace("  role  Role   @default(USER)\n",
                "  role  Role   @default(USER)\n  bio   String?\n");
        List<Finding> findings = run(project(schema, "prisma/migrations/20240104000000_fn/migration.sql", """
                CREATE OR REPLACE FUNCTION touch() RETURNS trigger AS $$ BEGIN RETURN NEW; END $$ LANGUAGE plpgsql;
                """));
        assertEquals(Severity.ERROR, findings.get(0).severity());
    }

    @Test
    void keepsErrorWhenTheUnreadableStatementOnlyNamesTheTable() {
        // A trigger on "User" names the table but touches no column: it cannot explain a missing column.
        String schema = BASE_SCHEMA.replace("  role  Role   @default(USER)\n",
                "  role  Role   @default(USER)\n  bio   String?\n");
        List<Finding> findings = run(project(schema, "prisma/migrations/20240104000000_trigger/migration.sql", """
                CREATE TRIGGER "user_touch" BEFORE UPDATE ON "User" FOR EACH ROW EXECUTE FUNCTION touch();
                """));
        assertEquals(List.of("prisma/schema.prisma:15:3 schema-drift"), RuleTester.locations(findings));
        assertEquals(Severity.ERROR, findings.get(0).severity());
        assertEquals("field User.bio has no migration creating column \"bio\" in table \"User\"; run `prisma migrate "
                + "dev --name add_user_bio`", findings.get(0).message());
    }

    @Test
    void flagsModelInTheFileOfAMultiFileSchemaThatDeclaresIt() {
        InMemorySnapshot snapshot = InMemorySnapshot.of(
                "prisma/schema/schema.prisma", BASE_SCHEMA,
                "prisma/schema/quest.prisma", "model Quest { // expect: schema-drift\n  id Int @id\n}\n",
                "prisma/schema/migrations/migration_lock.toml", "provider = \"postgresql\"\n",
                "prisma/schema/migrations/20240101000000_init/migration.sql", INIT_SQL);
        List<Finding> findings = RuleTester.assertMatchesMarkers(new SchemaDrift(), snapshot);
        assertEquals(List.of("prisma/schema/quest.prisma:1:7 schema-drift"), RuleTester.locations(findings));
    }

    @Test
    void ignoresSchemaWithoutAnyMigrationsFolder() {
        assertEquals(List.of(), run(InMemorySnapshot.of(SCHEMA, BASE_SCHEMA + INCIDENT_MODELS)));
    }

    @Test
    void ignoresSchemaThatDoesNotParse() {
        assertEquals(List.of(), run(project(BASE_SCHEMA + "model Broken {\n  id Int @id\n")));
    }

    @Test
    void acceptsOldJoinTableUniqueIndexForImplicitManyToMany() {
        String schema = BASE_SCHEMA.replace("  role  Role   @default(USER)\n",
                "  role  Role   @default(USER)\n  groups Group[]\n") + """
                model Group {
                  id    Int    @id
                  users User[]
                }
                """;
        assertEquals(List.of(), run(project(schema, "prisma/migrations/20240105000000_groups/migration.sql", """
                CREATE TABLE "Group" ("id" INTEGER NOT NULL, CONSTRAINT "Group_pkey" PRIMARY KEY ("id"));
                CREATE TABLE "_GroupToUser" ("A" INTEGER NOT NULL, "B" INTEGER NOT NULL);
                CREATE UNIQUE INDEX "_GroupToUser_AB_unique" ON "_GroupToUser"("A", "B");
                CREATE INDEX "_GroupToUser_B_index" ON "_GroupToUser"("B");
                ALTER TABLE "_GroupToUser" ADD CONSTRAINT "_GroupToUser_A_fkey" FOREIGN KEY ("A") REFERENCES "Group"("id") ON DELETE CASCADE ON UPDATE CASCADE;
                ALTER TABLE "_GroupToUser" ADD CONSTRAINT "_GroupToUser_B_fkey" FOREIGN KEY ("B") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
                """)));
    }

    private static final String GROUPS_SCHEMA_EDIT = "  role  Role   @default(USER)\n  groups Group[]\n";
    private static final String GROUP_MODEL = """
            model Group {
              id    Int    @id
              users User[]
            }
            """;
    private static final String OLD_JOIN_TABLE = """
            CREATE TABLE "Group" ("id" INTEGER NOT NULL, CONSTRAINT "Group_pkey" PRIMARY KEY ("id"));
            CREATE TABLE "_GroupToUser" ("A" INTEGER NOT NULL, "B" INTEGER NOT NULL);
            CREATE UNIQUE INDEX "_GroupToUser_AB_unique" ON "_GroupToUser"("A", "B");
            CREATE INDEX "_GroupToUser_B_index" ON "_GroupToUser"("B");
            ALTER TABLE "_GroupToUser" ADD CONSTRAINT "_GroupToUser_A_fkey" FOREIGN KEY ("A") REFERENCES "Group"("id") ON DELETE CASCADE ON UPDATE CASCADE;
            ALTER TABLE "_GroupToUser" ADD CONSTRAINT "_GroupToUser_B_fkey" FOREIGN KEY ("B") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
            """;

    private static InMemorySnapshot withPackageJson(InMemorySnapshot snapshot, String prismaVersion) {
        snapshot.put("package.json", "{\"name\": \"app\", \"devDependencies\": {\"prisma\": \"" + prismaVersion
                + "\"}}\n");
        return snapshot;
    }

    @Test
    void oldJoinTableUniqueIndexIsRightBeforePrismaSix() {
        String schema = BASE_SCHEMA.replace("  role  Role   @default(USER)\n", GROUPS_SCHEMA_EDIT) + GROUP_MODEL;
        assertEquals(List.of(), run(withPackageJson(project(schema,
                "prisma/migrations/20240105000000_groups/migration.sql", OLD_JOIN_TABLE), "^5.22.0")));
    }

    @Test
    void oldJoinTableUniqueIndexIsDriftFromPrismaSixOn() {
        // Prisma 6 keys the table with a primary key "_GroupToUser_AB_pkey"; its diff adds it and drops the index.
        String schema = BASE_SCHEMA.replace("  role  Role   @default(USER)\n", GROUPS_SCHEMA_EDIT) + GROUP_MODEL;
        List<Finding> findings = run(withPackageJson(project(schema,
                "prisma/migrations/20240105000000_groups/migration.sql", OLD_JOIN_TABLE), "6.19.3"));
        assertEquals(List.of("index _GroupToUser_AB_unique", "primary key _GroupToUser"),
                findings.stream().map(f -> f.properties().get("subject")).sorted().toList());
    }

    @Test
    void newJoinTablePrimaryKeyIsDriftBeforePrismaSix() {
        String schema = BASE_SCHEMA.replace("  role  Role   @default(USER)\n", GROUPS_SCHEMA_EDIT) + GROUP_MODEL;
        String sql = OLD_JOIN_TABLE.replace("CREATE UNIQUE INDEX \"_GroupToUser_AB_unique\" ON \"_GroupToUser\"(\"A\", \"B\");",
                "ALTER TABLE \"_GroupToUser\" ADD CONSTRAINT \"_GroupToUser_AB_pkey\" PRIMARY KEY (\"A\", \"B\");");
        List<Finding> findings = run(withPackageJson(project(schema,
                "prisma/migrations/20240105000000_groups/migration.sql", sql), "~5.0.0"));
        assertEquals(List.of("index _GroupToUser_AB_unique", "primary key _GroupToUser"),
                findings.stream().map(f -> f.properties().get("subject")).sorted().toList());
    }

    @Test
    void aTableNoMigrationCreatesGetsTheBaseliningStepsForADatabaseThatAlreadyHasIt() {
        Finding quest = run(project(BASE_SCHEMA + INCIDENT_MODELS)).stream()
                .filter(f -> f.range().startLine() == 22).findFirst().orElseThrow();
        String folder = "prisma/migrations/<YYYYMMDDHHMMSS>_baseline_quest";
        assertEquals("Where no database has it yet: run `prisma migrate dev --name add_quest`. Where a database already"
                + " has it (made by `prisma db push`), baseline instead of creating it again: `mkdir " + folder
                + " && prisma migrate diff --from-migrations prisma/migrations --to-schema prisma/schema.prisma --script > "
                + folder + "/migration.sql`, review and commit that migration, then run `prisma migrate resolve --applied"
                + " <YYYYMMDDHHMMSS>_baseline_quest` against each database that already has it; the others get it from"
                + " `prisma migrate deploy`.", quest.fix());
    }
}
