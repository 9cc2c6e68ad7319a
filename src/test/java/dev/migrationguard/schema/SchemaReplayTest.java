package dev.migrationguard.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationguard.schema.SchemaModel.Column;
import dev.migrationguard.schema.SchemaModel.ForeignKey;
import dev.migrationguard.schema.SchemaModel.Index;
import dev.migrationguard.schema.SchemaModel.Table;
import dev.migrationguard.sql.SqlDialect;
import dev.migrationguard.sql.SqlParser;
import dev.migrationguard.sql.SqlScript;
import dev.migrationguard.workspace.SourceFile;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaReplayTest {

    private static SchemaReplay.Result replay(DatabaseProvider provider, String... migrations) {
        SqlDialect dialect = SqlDialect.valueOf(provider.name());
        List<String> names = new ArrayList<>();
        List<SqlScript> scripts = new ArrayList<>();
        for (int i = 0; i < migrations.length; i++) {
            String name = String.format("2024010100000%d_m%d", i, i);
            names.add(name);
            scripts.add(SqlParser.parse(new SourceFile("prisma/migrations/" + name + "/migration.sql", migrations[i]),
                    dialect));
        }
        return SchemaReplay.replay(provider, names, scripts);
    }

    private static Table table(SchemaReplay.Result result, String name) {
        return result.model().table("", name).orElseThrow(() -> new AssertionError("no table " + name));
    }

    private static List<String> columns(Table t) {
        return t.columns().stream().map(c -> c.name() + " " + c.type() + (c.nullable() ? "" : " not null")
                + (c.defaultValue() == null ? "" : " default " + c.defaultValue())).toList();
    }

    @Test
    void replaysPostgresCreateAlterAndDrop() {
        SchemaReplay.Result r = replay(DatabaseProvider.POSTGRESQL, """
                -- CreateEnum
                CREATE TYPE "Role" AS ENUM ('USER', 'ADMIN');

                -- CreateTable
                CREATE TABLE "User" (
                    "id" SERIAL NOT NULL,
                    "email" TEXT NOT NULL,
                    "role" "Role" NOT NULL DEFAULT 'USER',
                    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
                    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
                );
                CREATE TABLE "Post" (
                    "id" TEXT NOT NULL,
                    "authorId" INTEGER NOT NULL,
                    "old" TEXT,
                    CONSTRAINT "Post_pkey" PRIMARY KEY ("id")
                );
                CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
                ALTER TABLE "Post" ADD CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
                """, """
                ALTER TYPE "Role" ADD VALUE 'GUEST';
                ALTER TABLE "Post" DROP COLUMN "old",
                ADD COLUMN "title" VARCHAR(255);
                ALTER TABLE "User" ALTER COLUMN "email" DROP NOT NULL;
                ALTER TABLE "User" RENAME COLUMN "createdAt" TO "created_at";
                CREATE INDEX "Post_authorId_idx" ON "Post"("authorId");
                CREATE INDEX "Post_title_idx" ON "Post" USING GIN ("title" gin_trgm_ops);
                """);
        assertEquals("gin", table(r, "Post").indexes().get(1).method());
        assertEquals(List.of("id integer not null default autoincrement()", "email text",
                        "role Role not null default 'USER'", "created_at timestamp(3) not null default now()"),
                columns(table(r, "User")));
        assertEquals(List.of("id text not null", "authorId integer not null", "title varchar(255)"),
                columns(table(r, "Post")));
        assertEquals(List.of("USER", "ADMIN", "GUEST"), r.model().enumType("", "Role").orElseThrow().values());
        assertEquals("User_pkey", table(r, "User").primaryKey().name());
        ForeignKey fk = table(r, "Post").foreignKeys().get(0);
        assertEquals(List.of("Post_authorId_fkey", "User", "RESTRICT", "CASCADE"),
                List.of(fk.name(), fk.referencedTable(), fk.onDelete(), fk.onUpdate()));
        assertEquals(List.of("Post_authorId_idx", "Post_title_idx"),
                table(r, "Post").indexes().stream().map(Index::name).toList());
        assertEquals(List.of(), r.unmodelled());
        assertEquals(1.0, r.confidence());
    }

    @Test
    void renamesTablesIndexesAndEnumsAndFollowsForeignKeys() {
        SchemaReplay.Result r = replay(DatabaseProvider.POSTGRESQL, """
                CREATE TYPE "Kind" AS ENUM ('A');
                CREATE TABLE "Team" ("id" INTEGER NOT NULL, "kind" "Kind" NOT NULL, CONSTRAINT "Team_pkey" PRIMARY KEY ("id"));
                CREATE TABLE "Member" ("teamId" INTEGER NOT NULL);
                ALTER TABLE "Member" ADD CONSTRAINT "Member_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;
                CREATE INDEX "Member_teamId_idx" ON "Member"("teamId");
                """, """
                ALTER TABLE "Team" RENAME TO "Group";
                ALTER TABLE "Group" RENAME CONSTRAINT "Team_pkey" TO "Group_pkey";
                ALTER INDEX "Member_teamId_idx" RENAME TO "Member_group_idx";
                ALTER TYPE "Kind" RENAME TO "GroupKind";
                ALTER TYPE "GroupKind" RENAME VALUE 'A' TO 'B';
                """);
        assertFalse(r.model().table("", "Team").isPresent());
        assertEquals("Group_pkey", table(r, "Group").primaryKey().name());
        assertEquals("Group", table(r, "Member").foreignKeys().get(0).referencedTable());
        assertEquals(List.of("Member_group_idx"), table(r, "Member").indexes().stream().map(Index::name).toList());
        assertEquals(List.of(), r.unmodelled());
        assertEquals(List.of("kind GroupKind not null"), columns(table(r, "Group")).subList(1, 2));
        assertEquals(List.of("B"), r.model().enumType("", "GroupKind").orElseThrow().values());
    }

    @Test
    void dropsIndexesAndTablesAndTypes() {
        SchemaReplay.Result r = replay(DatabaseProvider.POSTGRESQL, """
                CREATE TYPE "Old" AS ENUM ('A');
                CREATE TABLE "T" ("id" INTEGER NOT NULL, "x" INTEGER);
                CREATE TABLE "Gone" ("id" INTEGER NOT NULL);
                CREATE INDEX "T_x_idx" ON "T"("x");
                DROP INDEX "T_x_idx";
                DROP TABLE "Gone";
                DROP TYPE "Old";
                """);
        assertEquals(List.of("T"), r.model().tables().stream().map(Table::name).toList());
        assertEquals(List.of(), table(r, "T").indexes());
        assertEquals(List.of(), r.model().enums());
    }

    @Test
    void keepsUnmodelledStatementsWithoutFailing() {
        SchemaReplay.Result r = replay(DatabaseProvider.POSTGRESQL, """
                CREATE TABLE "T" ("id" INTEGER NOT NULL);
                INSERT INTO "T" VALUES (1);
                DO $$ BEGIN EXECUTE 'ALTER TABLE "T" ADD COLUMN "x" ' || 'INTEGER'; END $$;
                CREATE OR REPLACE FUNCTION f() RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql;
                ALTER TABLE "Missing" ADD COLUMN "y" INTEGER;
                """);
        // The DO block is read, but the statement its EXECUTE computes is not known.
        assertEquals(List.of("EXECUTE", "CREATE FUNCTION", "ALTER TABLE of a table the migrations never created"),
                r.unmodelled().stream().map(UnmodelledStatement::description).toList());
        assertTrue(r.unmodelled().get(0).mentions("T"));
        assertFalse(r.unmodelled().get(1).mentions("T"));
        assertEquals(0.5, r.confidence(), 1e-9);
    }

    @Test
    void replaysMysqlInlineIndexesEnumsAndAutoIncrement() {
        SchemaReplay.Result r = replay(DatabaseProvider.MYSQL, """
                CREATE TABLE `User` (
                    `id` INTEGER NOT NULL AUTO_INCREMENT,
                    `email` VARCHAR(191) NOT NULL,
                    `role` ENUM('USER', 'ADMIN') NOT NULL DEFAULT 'USER',
                    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

                    UNIQUE INDEX `User_email_key`(`email`),
                    INDEX `User_role_idx`(`role`),
                    PRIMARY KEY (`id`)
                ) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
                """, """
                ALTER TABLE `User` MODIFY `email` VARCHAR(255) NULL;
                """);
        Table user = table(r, "User");
        assertEquals(List.of("id int not null default autoincrement()", "email varchar(255)",
                "role enum('USER','ADMIN') not null default 'USER'", "createdAt datetime(3) not null default now()"),
                columns(user));
        assertEquals(null, user.primaryKey().name());
        assertEquals(List.of("User_email_key true", "User_role_idx false"),
                user.indexes().stream().map(i -> i.name() + " " + i.unique()).toList());
    }

    @Test
    void replaysSqliteTableRedefinition() {
        SchemaReplay.Result r = replay(DatabaseProvider.SQLITE, """
                CREATE TABLE "User" (
                    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
                    "name" TEXT
                );
                """, """
                PRAGMA defer_foreign_keys=ON;
                PRAGMA foreign_keys=OFF;
                CREATE TABLE "new_User" (
                    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
                    "name" TEXT NOT NULL
                );
                INSERT INTO "new_User" ("id", "name") SELECT "id", "name" FROM "User";
                DROP TABLE "User";
                ALTER TABLE "new_User" RENAME TO "User";
                CREATE UNIQUE INDEX "User_name_key" ON "User"("name");
                PRAGMA foreign_keys=ON;
                PRAGMA defer_foreign_keys=OFF;
                """);
        assertEquals(List.of("User"), r.model().tables().stream().map(Table::name).toList());
        assertEquals(List.of("id integer not null default autoincrement()", "name text not null"),
                columns(table(r, "User")));
        assertEquals(List.of(), r.unmodelled());
    }

    @Test
    void replaysSqlServerConstraintsAndDefaults() {
        SchemaReplay.Result r = replay(DatabaseProvider.SQLSERVER, """
                BEGIN TRY

                BEGIN TRAN;

                CREATE TABLE [dbo].[User] (
                    [id] INT NOT NULL IDENTITY(1,1),
                    [email] NVARCHAR(1000) NOT NULL,
                    [active] BIT NOT NULL CONSTRAINT [User_active_df] DEFAULT 0,
                    CONSTRAINT [User_pkey] PRIMARY KEY CLUSTERED ([id]),
                    CONSTRAINT [User_email_key] UNIQUE NONCLUSTERED ([email])
                );

                COMMIT TRAN;

                END TRY
                BEGIN CATCH

                IF @@TRANCOUNT > 0
                BEGIN
                    ROLLBACK TRAN;
                END;
                THROW

                END CATCH
                """);
        Table user = table(r, "User");
        assertEquals(List.of("id int not null default autoincrement()", "email nvarchar(1000) not null",
                "active bit not null default 0"), columns(user));
        SchemaReplay.Result dropped = replay(DatabaseProvider.SQLSERVER, """
                CREATE TABLE [dbo].[User] (
                    [id] INT NOT NULL,
                    [active] BIT NOT NULL CONSTRAINT [User_active_df] DEFAULT 0
                );
                """, """
                ALTER TABLE [dbo].[User] DROP CONSTRAINT [User_active_df];
                """);
        assertEquals(List.of("id int not null", "active bit not null"), columns(table(dropped, "User")));
        assertEquals("User_pkey", user.primaryKey().name());
        assertEquals(List.of("User_email_key"), user.indexes().stream().map(Index::name).toList());
    }

    @Test
    void mappedAndReplayedSchemasAgreeForEachProvider() {
        String schema = """
                model User {
                  id    Int     @id @default(autoincrement())
                  email String  @unique
                  name  String?
                }
                """;
        assertEquals(List.of(), SchemaDiff.compare(PrismaSchemaMapperTest.map(DatabaseProvider.POSTGRESQL, schema),
                replay(DatabaseProvider.POSTGRESQL, """
                        CREATE TABLE "User" (
                            "id" SERIAL NOT NULL,
                            "email" TEXT NOT NULL,
                            "name" TEXT,
                            CONSTRAINT "User_pkey" PRIMARY KEY ("id")
                        );
                        CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
                        """).model()));
        assertEquals(List.of(), SchemaDiff.compare(PrismaSchemaMapperTest.map(DatabaseProvider.MYSQL, schema),
                replay(DatabaseProvider.MYSQL, """
                        CREATE TABLE `User` (
                            `id` INTEGER NOT NULL AUTO_INCREMENT,
                            `email` VARCHAR(191) NOT NULL,
                            `name` VARCHAR(191) NULL,

                            UNIQUE INDEX `User_email_key`(`email`),
                            PRIMARY KEY (`id`)
                        ) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
                        """).model()));
        assertEquals(List.of(), SchemaDiff.compare(PrismaSchemaMapperTest.map(DatabaseProvider.SQLITE, schema),
                replay(DatabaseProvider.SQLITE, """
                        CREATE TABLE "User" (
                            "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
                            "email" TEXT NOT NULL,
                            "name" TEXT
                        );
                        CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
                        """).model()));
        assertEquals(List.of(), SchemaDiff.compare(PrismaSchemaMapperTest.map(DatabaseProvider.SQLSERVER, schema),
                replay(DatabaseProvider.SQLSERVER, """
                        CREATE TABLE [dbo].[User] (
                            [id] INT NOT NULL IDENTITY(1,1),
                            [email] NVARCHAR(1000) NOT NULL,
                            [name] NVARCHAR(1000),
                            CONSTRAINT [User_pkey] PRIMARY KEY CLUSTERED ([id]),
                            CONSTRAINT [User_email_key] UNIQUE NONCLUSTERED ([email])
                        );
                        """).model()));
        assertEquals(List.of(), SchemaDiff.compare(PrismaSchemaMapperTest.map(DatabaseProvider.COCKROACHDB,
                        schema.replace("Int     @id @default(autoincrement())", "BigInt  @id @default(autoincrement())")),
                replay(DatabaseProvider.COCKROACHDB, """
                        CREATE TABLE "User" (
                            "id" INT8 NOT NULL DEFAULT unique_rowid(),
                            "email" STRING NOT NULL,
                            "name" STRING,
                            CONSTRAINT "User_pkey" PRIMARY KEY ("id")
                        );
                        CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
                        """).model()));
    }

    private static final String BLOG = """
            model User {
              id    Int    @id @default(autoincrement())
              email String @unique
              posts Post[]
            }
            model Post {
              id        Int      @id @default(autoincrement())
              title     String
              authorId  Int
              author    User     @relation(fields: [authorId], references: [id])
              createdAt DateTime @default(now())
              @@index([authorId])
            }
            """;

    @Test
    void prismaStyleMigrationsWithRelationsReplayToTheMappedSchemaOnEveryProvider() {
        assertEquals(List.of(), SchemaDiff.compare(PrismaSchemaMapperTest.map(DatabaseProvider.MYSQL, BLOG),
                replay(DatabaseProvider.MYSQL, """
                        CREATE TABLE `User` (
                            `id` INTEGER NOT NULL AUTO_INCREMENT,
                            `email` VARCHAR(191) NOT NULL,

                            UNIQUE INDEX `User_email_key`(`email`),
                            PRIMARY KEY (`id`)
                        ) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

                        CREATE TABLE `Post` (
                            `id` INTEGER NOT NULL AUTO_INCREMENT,
                            `title` VARCHAR(191) NOT NULL,
                            `authorId` INTEGER NOT NULL,
                            `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

                            INDEX `Post_authorId_idx`(`authorId`),
                            PRIMARY KEY (`id`)
                        ) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

                        ALTER TABLE `Post` ADD CONSTRAINT `Post_authorId_fkey` FOREIGN KEY (`authorId`) REFERENCES `User`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
                        """).model()));
        assertEquals(List.of(), SchemaDiff.compare(PrismaSchemaMapperTest.map(DatabaseProvider.SQLITE, BLOG),
                replay(DatabaseProvider.SQLITE, """
                        CREATE TABLE "User" (
                            "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
                            "email" TEXT NOT NULL
                        );
                        CREATE TABLE "Post" (
                            "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
                            "title" TEXT NOT NULL,
                            "authorId" INTEGER NOT NULL,
                            "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
                            CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
                        );
                        CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
                        CREATE INDEX "Post_authorId_idx" ON "Post"("authorId");
                        """).model()));
        assertEquals(List.of(), SchemaDiff.compare(PrismaSchemaMapperTest.map(DatabaseProvider.SQLSERVER, BLOG),
                replay(DatabaseProvider.SQLSERVER, """
                        BEGIN TRY

                        BEGIN TRAN;

                        CREATE TABLE [dbo].[User] (
                            [id] INT NOT NULL IDENTITY(1,1),
                            [email] NVARCHAR(1000) NOT NULL,
                            CONSTRAINT [User_pkey] PRIMARY KEY CLUSTERED ([id]),
                            CONSTRAINT [User_email_key] UNIQUE NONCLUSTERED ([email])
                        );

                        CREATE TABLE [dbo].[Post] (
                            [id] INT NOT NULL IDENTITY(1,1),
                            [title] NVARCHAR(1000) NOT NULL,
                            [authorId] INT NOT NULL,
                            [createdAt] DATETIME2 NOT NULL CONSTRAINT [Post_createdAt_df] DEFAULT CURRENT_TIMESTAMP,
                            CONSTRAINT [Post_pkey] PRIMARY KEY CLUSTERED ([id])
                        );

                        CREATE NONCLUSTERED INDEX [Post_authorId_idx] ON [dbo].[Post]([authorId]);

                        ALTER TABLE [dbo].[Post] ADD CONSTRAINT [Post_authorId_fkey] FOREIGN KEY ([authorId]) REFERENCES [dbo].[User]([id]) ON DELETE NO ACTION ON UPDATE CASCADE;

                        COMMIT TRAN;

                        END TRY
                        BEGIN CATCH

                        IF @@TRANCOUNT > 0
                        BEGIN
                            ROLLBACK TRAN;
                        END;
                        THROW

                        END CATCH
                        """).model()));
        assertEquals(List.of(), SchemaDiff.compare(PrismaSchemaMapperTest.map(DatabaseProvider.COCKROACHDB,
                        BLOG.replace("Int      @id", "BigInt   @id").replace("Int    @id", "BigInt @id")
                                .replace("authorId  Int", "authorId  BigInt")),
                replay(DatabaseProvider.COCKROACHDB, """
                        CREATE TABLE "User" (
                            "id" INT8 NOT NULL DEFAULT unique_rowid(),
                            "email" STRING NOT NULL,
                            CONSTRAINT "User_pkey" PRIMARY KEY ("id")
                        );
                        CREATE TABLE "Post" (
                            "id" INT8 NOT NULL DEFAULT unique_rowid(),
                            "title" STRING NOT NULL,
                            "authorId" INT8 NOT NULL,
                            "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
                            CONSTRAINT "Post_pkey" PRIMARY KEY ("id")
                        );
                        CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
                        CREATE INDEX "Post_authorId_idx" ON "Post"("authorId");
                        ALTER TABLE "Post" ADD CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
                        """).model()));
    }
}
