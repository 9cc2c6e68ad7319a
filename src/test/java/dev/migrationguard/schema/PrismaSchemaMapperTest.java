package dev.migrationguard.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationguard.prisma.PrismaParser;
import dev.migrationguard.prisma.PrismaSchema;
import dev.migrationguard.schema.SchemaModel.Column;
import dev.migrationguard.schema.SchemaModel.ForeignKey;
import dev.migrationguard.schema.SchemaModel.Index;
import dev.migrationguard.schema.SchemaModel.Table;
import dev.migrationguard.workspace.SourceFile;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PrismaSchemaMapperTest {

    private static final String SCALARS = """
            model Scalars {
              id   Int      @id
              s    String
              b    Boolean
              i    Int
              bi   BigInt
              f    Float
              d    Decimal
              dt   DateTime
              j    Json
              by   Bytes
              opt  String?
            }
            """;

    /** Prisma's documented default column type of each scalar, per provider. */
    private static final Map<DatabaseProvider, List<String>> DEFAULT_TYPES = Map.of(
            DatabaseProvider.POSTGRESQL, List.of("text", "boolean", "integer", "bigint", "double precision",
                    "decimal(65,30)", "timestamp(3)", "jsonb", "bytea"),
            DatabaseProvider.COCKROACHDB, List.of("string", "bool", "int4", "int8", "float8", "decimal(65,30)",
                    "timestamp(3)", "jsonb", "bytes"),
            DatabaseProvider.MYSQL, List.of("varchar(191)", "tinyint(1)", "int", "bigint", "double", "decimal(65,30)",
                    "datetime(3)", "json", "longblob"),
            DatabaseProvider.SQLITE, List.of("text", "boolean", "integer", "bigint", "real", "decimal", "datetime",
                    "jsonb", "blob"),
            DatabaseProvider.SQLSERVER, List.of("nvarchar(1000)", "bit", "int", "bigint", "float(53)",
                    "decimal(32,16)", "datetime2(7)", "nvarchar(1000)", "varbinary(max)"));

    static SchemaModel map(DatabaseProvider provider, String body) {
        return map(provider, "", body);
    }

    static SchemaModel map(DatabaseProvider provider, String datasourceExtra, String body) {
        String text = "datasource db {\n  provider = \"" + provider.prismaName() + "\"\n" + datasourceExtra + "}\n"
                + body;
        PrismaSchema schema = PrismaParser.parse(new SourceFile("prisma/schema.prisma", text));
        assertEquals(List.of(), schema.problems());
        return PrismaSchemaMapper.map(schema).orElseThrow();
    }

    private static Table table(SchemaModel model, String name) {
        return model.table("", name).orElseThrow(() -> new AssertionError("no table " + name + " in " + model));
    }

    private static Column column(SchemaModel model, String table, String column) {
        return table(model, table).column(column).orElseThrow();
    }

    @ParameterizedTest
    @EnumSource(DatabaseProvider.class)
    void mapsScalarsToTheProvidersDefaultTypes(DatabaseProvider provider) {
        SchemaModel model = map(provider, SCALARS);
        List<String> types = table(model, "Scalars").columns().stream().skip(1).limit(9).map(Column::type).toList();
        assertEquals(DEFAULT_TYPES.get(provider), types);
        assertTrue(column(model, "Scalars", "opt").nullable());
        assertFalse(column(model, "Scalars", "s").nullable());
    }

    @ParameterizedTest
    @EnumSource(DatabaseProvider.class)
    void namesKeysAndIndexesLikePrisma(DatabaseProvider provider) {
        SchemaModel model = map(provider, """
                model User {
                  id    Int    @id @default(autoincrement())
                  email String @unique
                  posts Post[]
                }
                model Post {
                  id       Int  @id @default(autoincrement())
                  authorId Int
                  author   User @relation(fields: [authorId], references: [id])
                  @@index([authorId])
                }
                """);
        Table post = table(model, "Post");
        boolean namedPrimaryKeys = provider != DatabaseProvider.MYSQL && provider != DatabaseProvider.SQLITE;
        assertEquals(namedPrimaryKeys ? "Post_pkey" : null, post.primaryKey().name());
        assertEquals(List.of(new Index("Post_authorId_idx", List.of("authorId"), false, post.indexes().get(0).origin())),
                post.indexes());
        assertEquals("User_email_key", table(model, "User").indexes().get(0).name());
        assertTrue(table(model, "User").indexes().get(0).unique());
        ForeignKey fk = post.foreignKeys().get(0);
        assertEquals("Post_authorId_fkey", fk.name());
        assertEquals("User", fk.referencedTable());
        assertEquals(List.of("id"), fk.referencedColumns());
        assertEquals(provider == DatabaseProvider.SQLSERVER ? "NO ACTION" : "RESTRICT", fk.onDelete());
        assertEquals("CASCADE", fk.onUpdate());
        assertEquals("autoincrement()", column(model, "Post", "id").defaultValue());
        assertEquals(List.of("id", "authorId"), post.columns().stream().map(Column::name).toList());
    }

    @Test
    void optionalRelationsSetNullAndExplicitActionsWin() {
        SchemaModel model = map(DatabaseProvider.POSTGRESQL, """
                model User {
                  id Int @id
                  a  Post[] @relation("a")
                  b  Post[] @relation("b")
                }
                model Post {
                  id       Int   @id
                  aId      Int?
                  bId      Int
                  a        User? @relation("a", fields: [aId], references: [id])
                  b        User  @relation("b", fields: [bId], references: [id], onDelete: Cascade, onUpdate: NoAction, map: "post_b")
                }
                """);
        List<ForeignKey> keys = table(model, "Post").foreignKeys();
        assertEquals("SET NULL", keys.get(0).onDelete());
        assertEquals("CASCADE", keys.get(1).onDelete());
        assertEquals("NO ACTION", keys.get(1).onUpdate());
        assertEquals("post_b", keys.get(1).name());
    }

    @Test
    void relationModePrismaCreatesNoForeignKeys() {
        SchemaModel model = map(DatabaseProvider.MYSQL, "  relationMode = \"prisma\"\n", """
                model User {
                  id    Int    @id
                  posts Post[]
                }
                model Post {
                  id       Int  @id
                  authorId Int
                  author   User @relation(fields: [authorId], references: [id])
                  @@index([authorId])
                }
                """);
        assertEquals(List.of(), table(model, "Post").foreignKeys());
        assertEquals(1, table(model, "Post").indexes().size());
    }

    @Test
    void relationFieldsAreNotColumns() {
        SchemaModel model = map(DatabaseProvider.POSTGRESQL, """
                model User {
                  id      Int      @id
                  profile Profile?
                }
                model Profile {
                  id     Int  @id
                  userId Int  @unique
                  user   User @relation(fields: [userId], references: [id])
                }
                """);
        assertEquals(List.of("id"), table(model, "User").columns().stream().map(Column::name).toList());
        assertEquals(List.of("id", "userId"), table(model, "Profile").columns().stream().map(Column::name).toList());
    }

    @ParameterizedTest
    @EnumSource(DatabaseProvider.class)
    void createsImplicitManyToManyJoinTables(DatabaseProvider provider) {
        SchemaModel model = map(provider, """
                model Post {
                  id    Int        @id
                  tags  Category[]
                }
                model Category {
                  id    String @id
                  posts Post[]
                }
                """);
        Table join = table(model, "_CategoryToPost");
        assertEquals(List.of("A", "B"), join.columns().stream().map(Column::name).toList());
        assertEquals(DEFAULT_TYPES.get(provider).get(0), join.columns().get(0).type());
        assertEquals(DEFAULT_TYPES.get(provider).get(2), join.columns().get(1).type());
        boolean postgres = provider == DatabaseProvider.POSTGRESQL || provider == DatabaseProvider.COCKROACHDB;
        if (postgres) {
            assertEquals("_CategoryToPost_AB_pkey", join.primaryKey().name());
        } else {
            assertEquals("_CategoryToPost_AB_unique", join.indexes().get(0).name());
        }
        assertEquals("_CategoryToPost_B_index", join.indexes().get(postgres ? 0 : 1).name());
        assertEquals(List.of("_CategoryToPost_A_fkey", "_CategoryToPost_B_fkey"),
                join.foreignKeys().stream().map(ForeignKey::name).toList());
        assertEquals("Category", join.foreignKeys().get(0).referencedTable());
        assertEquals("CASCADE", join.foreignKeys().get(0).onDelete());
    }

    @Test
    void namedManyToManyRelationUsesTheRelationName() {
        SchemaModel model = map(DatabaseProvider.POSTGRESQL, """
                model User {
                  id        Int    @id
                  followers User[] @relation("follows")
                  following User[] @relation("follows")
                }
                """);
        assertTrue(model.table("", "_follows").isPresent());
        assertEquals(2, model.tables().size());
    }

    @Test
    void mapsEnumsToTypesOnPostgresAndInlineOnMysql() {
        String body = """
                enum Role {
                  ADMIN
                  USER   @map("user")
                  @@map("role")
                }
                model User {
                  id    Int    @id
                  role  Role   @default(USER)
                  roles Role[] @default([ADMIN])
                }
                """;
        SchemaModel postgres = map(DatabaseProvider.POSTGRESQL, body);
        assertEquals(List.of("ADMIN", "user"), postgres.enumType("", "role").orElseThrow().values());
        assertEquals("role", column(postgres, "User", "role").type());
        assertEquals("'user'", column(postgres, "User", "role").defaultValue());
        assertEquals("role[]", column(postgres, "User", "roles").type());
        assertTrue(column(postgres, "User", "roles").nullable());
        assertEquals("array['ADMIN']", column(postgres, "User", "roles").defaultValue());
        SchemaModel mysql = map(DatabaseProvider.MYSQL, body.replace("  roles Role[] @default([ADMIN])\n", ""));
        assertEquals(List.of(), mysql.enums());
        assertEquals("enum('ADMIN','user')", column(mysql, "User", "role").type());
        assertEquals("text", column(map(DatabaseProvider.SQLITE, body.replace("  roles Role[] @default([ADMIN])\n",
                "")), "User", "role").type());
    }

    @ParameterizedTest
    @EnumSource(DatabaseProvider.class)
    void mapsEnumsAsEachProviderStoresThem(DatabaseProvider provider) {
        SchemaModel model = map(provider, """
                enum Level {
                  LOW
                  HIGH
                }
                model Task {
                  id    Int   @id
                  level Level @default(LOW)
                }
                """);
        String expectedType = switch (provider) {
            case POSTGRESQL, COCKROACHDB -> "Level";
            case MYSQL -> "enum('LOW','HIGH')";
            case SQLITE -> "text";
            case SQLSERVER -> "nvarchar(1000)";
        };
        assertEquals(expectedType, column(model, "Task", "level").type());
        assertEquals("'LOW'", column(model, "Task", "level").defaultValue());
        assertEquals(provider.namedEnums() ? List.of("Level") : List.of(),
                model.enums().stream().map(SchemaModel.EnumType::name).toList());
    }

    @ParameterizedTest
    @EnumSource(DatabaseProvider.class)
    void relationModePrismaKeepsIndexesButNoForeignKeys(DatabaseProvider provider) {
        SchemaModel model = map(provider, "  relationMode = \"prisma\"\n", """
                model User {
                  id    Int    @id
                  posts Post[]
                  tags  Tag[]
                }
                model Tag {
                  id    Int    @id
                  users User[]
                }
                model Post {
                  id       Int  @id
                  authorId Int
                  author   User @relation(fields: [authorId], references: [id])
                  @@index([authorId])
                }
                """);
        assertEquals(List.of(), model.tables().stream().flatMap(t -> t.foreignKeys().stream()).toList());
        assertEquals(List.of("Post_authorId_idx"), table(model, "Post").indexes().stream().map(Index::name).toList());
        assertTrue(table(model, "_TagToUser").indexes().stream().anyMatch(i -> i.name().equals("_TagToUser_B_index")));
    }

    @ParameterizedTest
    @EnumSource(DatabaseProvider.class)
    void mapsDatabaseDefaultsForEachProvider(DatabaseProvider provider) {
        SchemaModel model = map(provider, """
                model T {
                  id      Int      @id
                  flag    Boolean  @default(true)
                  created DateTime @default(now())
                  name    String   @default("n")
                  score   Float    @default(1.5)
                }
                """);
        assertEquals(java.util.Arrays.asList(null, provider == DatabaseProvider.SQLSERVER ? "1" : "true", "now()",
                "'n'", "1.5"), table(model, "T").columns().stream().map(Column::defaultValue).toList());
    }

    @Test
    void nativeTypeAttributesOverrideTheDefaultType() {
        SchemaModel postgres = map(DatabaseProvider.POSTGRESQL, """
                model T {
                  id  String   @id @db.Uuid
                  a   String   @db.VarChar(255)
                  b   DateTime @db.Timestamptz(6)
                  c   DateTime @db.Timestamp
                  d   Float    @db.DoublePrecision
                  e   Decimal  @db.Decimal(10, 2)
                  f   String[] @db.Uuid
                  g   Unsupported("tsvector")?
                }
                """);
        assertEquals(List.of("uuid", "varchar(255)", "timestamptz(6)", "timestamp(6)", "double precision",
                "decimal(10,2)", "uuid[]", "tsvector"),
                table(postgres, "T").columns().stream().map(Column::type).toList());
        SchemaModel mysql = map(DatabaseProvider.MYSQL, """
                model T {
                  id Int     @id @db.UnsignedInt
                  a  String  @db.Text
                  b  Boolean @db.TinyInt(1)
                }
                """);
        assertEquals(List.of("int unsigned", "text", "tinyint(1)"),
                table(mysql, "T").columns().stream().map(Column::type).toList());
        SchemaModel sqlserver = map(DatabaseProvider.SQLSERVER, """
                model T {
                  id Int    @id
                  a  String @db.NVarChar(Max)
                }
                """);
        assertEquals("nvarchar(max)", column(sqlserver, "T", "a").type());
        SchemaModel cockroach = map(DatabaseProvider.COCKROACHDB, """
                model T {
                  id Int    @id @db.Int8
                  a  String @db.String(40)
                  b  Json   @db.JsonB
                }
                """);
        assertEquals(List.of("int8", "string(40)", "jsonb"),
                table(cockroach, "T").columns().stream().map(Column::type).toList());
        SchemaModel sqlite = map(DatabaseProvider.SQLITE, """
                model T {
                  id Int    @id
                  a  Bytes
                }
                """);
        assertEquals("blob", column(sqlite, "T", "a").type());
    }

    @Test
    void mapsDefaultsToDatabaseDefaultsAndSkipsClientSideOnes() {
        SchemaModel model = map(DatabaseProvider.POSTGRESQL, """
                model T {
                  id      String   @id @default(cuid())
                  u       String   @default(uuid())
                  g       String   @default(dbgenerated("gen_random_uuid()")) @db.Uuid
                  created DateTime @default(now())
                  updated DateTime @updatedAt
                  name    String   @default("it's")
                  n       Int      @default(-1)
                  flag    Boolean  @default(false)
                  tags    String[] @default([])
                }
                """);
        Table t = table(model, "T");
        assertEquals(java.util.Arrays.asList(null, null, "gen_random_uuid()", "now()", null, "'it''s'", "-1", "false",
                "array[]"), t.columns().stream().map(Column::defaultValue).toList());
        assertEquals("0", column(map(DatabaseProvider.SQLSERVER, """
                model T {
                  id   Int     @id
                  flag Boolean @default(false)
                }
                """), "T", "flag").defaultValue());
    }

    @Test
    void honoursMapAndSchemaAttributes() {
        SchemaModel model = map(DatabaseProvider.POSTGRESQL, "  schemas = [\"auth\", \"public\"]\n", """
                model User {
                  id        Int    @id(map: "users_pk") @map("user_id")
                  firstName String @map("first_name")
                  @@unique([firstName], map: "users_first_name_uq")
                  @@map("users")
                  @@schema("auth")
                }
                model Log {
                  id Int @id
                  @@schema("public")
                }
                """);
        Table users = model.table("auth", "users").orElseThrow();
        assertEquals(List.of("user_id", "first_name"), users.columns().stream().map(Column::name).toList());
        assertEquals("users_pk", users.primaryKey().name());
        assertEquals("users_first_name_uq", users.indexes().get(0).name());
        assertTrue(model.table("", "Log").isPresent());
        assertEquals(List.of("", "auth"), model.schemas());
    }

    @Test
    void compositeIdsAndIndexOptions() {
        SchemaModel model = map(DatabaseProvider.POSTGRESQL, """
                model Member {
                  teamId Int
                  userId Int
                  email  String
                  @@id([teamId, userId])
                  @@index([email(ops: raw("gin_trgm_ops"))], map: "Member_email_trgm_idx", type: Gin)
                  @@index([teamId, email(sort: Desc)])
                }
                """);
        Table t = table(model, "Member");
        assertEquals(List.of("teamId", "userId"), t.primaryKey().columns());
        assertEquals("Member_pkey", t.primaryKey().name());
        assertEquals(List.of("Member_email_trgm_idx", "Member_teamId_email_idx"),
                t.indexes().stream().map(Index::name).toList());
    }

    @Test
    void viewsAndCompositeTypesCreateNoTable() {
        SchemaModel model = map(DatabaseProvider.POSTGRESQL, """
                view Stats {
                  id Int @unique
                }
                model User {
                  id Int @id
                }
                """);
        assertEquals(List.of("User"), model.tables().stream().map(Table::name).toList());
    }

    @Test
    void ignoredModelsAndFieldsStillExistInTheDatabase() {
        // @ignore hides them from Prisma Client only; Prisma Migrate still manages the table and column.
        SchemaModel model = map(DatabaseProvider.POSTGRESQL, """
                model Legacy {
                  id  Int @id
                  old Int @ignore
                  @@ignore
                }
                """);
        assertEquals(List.of("id", "old"), table(model, "Legacy").columns().stream().map(Column::name).toList());
    }

    @Test
    void truncatesLongDefaultNamesToTheIdentifierLimit() {
        SchemaModel model = map(DatabaseProvider.POSTGRESQL, """
                model AVeryLongModelNameThatKeepsGoingOnAndOn {
                  id                                  Int @id
                  anotherRatherLongColumnNameForTheTest Int @unique
                }
                """);
        String name = table(model, "AVeryLongModelNameThatKeepsGoingOnAndOn").indexes().get(0).name();
        assertEquals(63, name.length());
        assertTrue(name.endsWith("_key"));
    }

    @Test
    void mongoSchemasHaveNoRelationalModel() {
        PrismaSchema schema = PrismaParser.parse(new SourceFile("schema.prisma",
                "datasource db {\n  provider = \"mongodb\"\n}\n"));
        assertEquals(Optional.empty(), PrismaSchemaMapper.map(schema));
    }
}
