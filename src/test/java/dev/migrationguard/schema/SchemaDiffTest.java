package dev.migrationguard.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrationguard.schema.Difference.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The differ on two mapped schemas: {@code expected} stands for schema.prisma, {@code actual} for the migrations. */
class SchemaDiffTest {

    private static List<String> diff(String expected, String actual) {
        return SchemaDiff.compare(PrismaSchemaMapperTest.map(DatabaseProvider.POSTGRESQL, expected),
                        PrismaSchemaMapperTest.map(DatabaseProvider.POSTGRESQL, actual)).stream()
                .map(d -> d.kind() + ": " + d.message()).toList();
    }

    private static final String USER = """
            enum Role {
              ADMIN
              USER
            }
            model User {
              id    Int     @id @default(autoincrement())
              email String  @unique
              name  String?
              role  Role    @default(USER)
              posts Post[]
            }
            model Post {
              id       Int  @id
              authorId Int
              author   User @relation(fields: [authorId], references: [id])
              @@index([authorId])
            }
            """;

    @Test
    void identicalSchemasHaveNoDifference() {
        assertEquals(List.of(), diff(USER, USER));
    }

    @Test
    void reportsMissingTableWithTheCommandToRun() {
        assertEquals(List.of("TABLE_MISSING: model QuestProgress has no migration creating table \"QuestProgress\"; "
                        + "run `prisma migrate dev --name add_quest_progress`"),
                diff(USER + "model QuestProgress {\n  id Int @id\n}\n", USER));
    }

    @Test
    void reportsExtraTable() {
        assertEquals(List.of("TABLE_EXTRA: table \"Old\" is created by the migrations but no model in the schema "
                + "maps to it"), diff(USER, USER + "model Old {\n  id Int @id\n}\n"));
    }

    @Test
    void reportsColumnDifferences() {
        String changed = USER.replace("name  String?", "name  String @db.VarChar(50)")
                .replace("role  Role    @default(USER)", "role  Role")
                .replace("email String  @unique", "email String  @unique\n  extra Int?");
        assertEquals(List.of(
                "COLUMN_MISSING: field User.extra has no migration creating column \"extra\" in table \"User\"; "
                        + "run `prisma migrate dev --name add_user_extra`",
                "COLUMN_TYPE: field User.name maps to type varchar(50) but the migrations give column \"name\" "
                        + "type text",
                "COLUMN_NULLABILITY: field User.name is required but the migrations make column \"name\" nullable",
                "COLUMN_DEFAULT: field User.role has no default but the migrations give column \"role\" default "
                        + "'USER'"),
                diff(changed, USER));
    }

    @Test
    void reportsEnumAndEnumValueDifferences() {
        List<String> out = diff(USER.replace("  USER\n", "  USER\n  GUEST\n") + "enum Status {\n  ON\n}\n", USER);
        assertEquals(List.of(
                "ENUM_VALUE_MISSING: enum value Role.GUEST has no migration adding 'GUEST' to type \"Role\"; "
                        + "run `prisma migrate dev --name add_role_guest`",
                "ENUM_MISSING: enum Status has no migration creating type \"Status\"; "
                        + "run `prisma migrate dev --name add_status`"), out);
    }

    @Test
    void reportsIndexAndForeignKeyDifferences() {
        String without = USER.replace("  @@index([authorId])\n", "")
                .replace("author   User @relation(fields: [authorId], references: [id])",
                        "author   User @relation(fields: [authorId], references: [id], onDelete: Cascade)");
        assertEquals(List.of(
                "INDEX_EXTRA: index \"Post_authorId_idx\" on \"Post\"(authorId) is created by the migrations but "
                        + "not declared in the schema",
                "FOREIGN_KEY_DIFFERENT: foreign key \"Post_authorId_fkey\" \"Post\"(authorId) -> \"User\"(id) differs "
                        + "in the migrations: ON DELETE RESTRICT instead of CASCADE"),
                diff(without, USER));
    }

    @Test
    void reportsIndexAccessMethodDifference() {
        assertEquals(List.of("INDEX_TYPE: index \"Post_authorId_idx\" on \"Post\"(authorId) uses HASH in the schema "
                        + "but the default B-tree in the migrations"),
                diff(USER.replace("@@index([authorId])", "@@index([authorId], type: Hash)"), USER));
        assertEquals(List.of(), diff(USER.replace("@@index([authorId])", "@@index([authorId], type: BTree)"), USER));
    }

    @Test
    void joinTableUniqueIndexEqualsJoinTablePrimaryKey() {
        SchemaModel mapped = PrismaSchemaMapperTest.map(DatabaseProvider.POSTGRESQL, """
                model A {
                  id Int @id
                  bs B[]
                }
                model B {
                  id Int @id
                  as A[]
                }
                """);
        SchemaModel.Table join = mapped.table("", "_AToB").orElseThrow();
        List<SchemaModel.Index> olderIndexes = new java.util.ArrayList<>(join.indexes());
        olderIndexes.add(new SchemaModel.Index("_AToB_AB_unique", List.of("A", "B"), true, null));
        SchemaModel.Table older = new SchemaModel.Table("", "_AToB", join.columns(), null, olderIndexes,
                join.foreignKeys(), null);
        List<SchemaModel.Table> tables = new java.util.ArrayList<>(mapped.tables());
        tables.set(tables.indexOf(join), older);
        List<Difference> differences = SchemaDiff.compare(mapped, new SchemaModel(mapped.provider(), tables,
                mapped.enums()));
        assertEquals(List.of(), differences.stream().map(Difference::kind).filter(k -> k != Kind.PRIMARY_KEY)
                .toList());
        assertEquals(List.of(), differences);
    }

    @Test
    void snakeCasesModelNames() {
        assertEquals("quest_progress", SchemaDiff.snake("QuestProgress"));
        assertEquals("api_token", SchemaDiff.snake("APIToken"));
        assertEquals("quest", SchemaDiff.snake("Quest"));
    }
}
