package dev.migrationguard.rules.bypass;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrationguard.rules.Finding;
import dev.migrationguard.testing.InMemorySnapshot;
import dev.migrationguard.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

class RawDdlInCodeTest {
    private final RawDdlInCode rule = new RawDdlInCode();

    @Test
    void flagsPrismaRawCallsTaggedTemplatesAndDriverQueriesInTypeScript() {
        InMemorySnapshot s = InMemorySnapshot.of("src/jobs/bootstrap.ts", """
                import { Prisma, PrismaClient } from "@prisma/client";
                const prisma = new PrismaClient();
                const TABLE = "QuestProgress";
                const DDL = "CREATE TABLE IF NOT EXISTS " + TABLE + " (id TEXT PRIMARY KEY)";
                export async function boot(pool: any, knex: any, sequelize: any) {
                  await prisma.$executeRawUnsafe(DDL); // expect: raw-ddl-in-code
                  await prisma.$executeRaw`ALTER TABLE "Quest" ADD COLUMN "reward" INTEGER`; // expect: raw-ddl-in-code
                  await prisma.$executeRaw(Prisma.sql`DROP INDEX "Quest_title_idx"`); // expect: raw-ddl-in-code
                  await pool.query("TRUNCATE TABLE sessions"); // expect: raw-ddl-in-code
                  await knex.raw('CREATE INDEX quest_title ON "Quest"(title)'); // expect: raw-ddl-in-code
                  await sequelize.query(`DROP TABLE legacy_${"badges"}`); // expect: raw-ddl-in-code
                }
                """);
        List<Finding> f = RuleTester.assertMatchesMarkers(rule, s);
        assertEquals("prisma.$executeRawUnsafe runs CREATE TABLE IF NOT EXISTS QuestProgress at run time, outside the "
                + "migration history", f.get(0).message());
        assertEquals(6, f.get(0).range().startLine());
        assertEquals(34, f.get(0).range().startColumn());
    }

    @Test
    void findsEachCallNameInAFileThatHasNoOther() {
        // Files that name no raw-query API are not tokenized: each API alone must still let its file through.
        InMemorySnapshot s = InMemorySnapshot.of(
                "src/a.ts", "await db.execute('DROP TABLE a'); // expect: raw-ddl-in-code\n",
                "src/b.ts", "await knex.raw('DROP TABLE b'); // expect: raw-ddl-in-code\n",
                "src/c.ts", "await client.query('DROP TABLE c'); // expect: raw-ddl-in-code\n",
                "src/d.ts", "await prisma.$queryRawUnsafe('DROP TABLE d'); // expect: raw-ddl-in-code\n",
                "src/e.ts", "export const table = 'DROP TABLE e';\n");
        assertEquals(4, RuleTester.assertMatchesMarkers(rule, s).size());
    }

    @Test
    void flagsJdbcSpringJpaAndNativeQueryAnnotationsInJava() {
        InMemorySnapshot s = InMemorySnapshot.of("src/main/java/app/Schema.java", """
                package app;
                import org.springframework.data.jpa.repository.Query;
                class Schema {
                    private static final String TABLE = "quest_progress";
                    private static final String CREATE = "CREATE TABLE " + TABLE + " (id BIGINT PRIMARY KEY)";
                    void run(java.sql.Connection c, org.springframework.jdbc.core.JdbcTemplate jdbc,
                             jakarta.persistence.EntityManager em) throws Exception {
                        c.createStatement().execute(CREATE); // expect: raw-ddl-in-code
                        jdbc.execute("ALTER TABLE quest ADD COLUMN reward INT"); // expect: raw-ddl-in-code
                        em.createNativeQuery(\"\"\"
                            DROP TABLE legacy_badges
                            \"\"\").executeUpdate();
                        c.prepareStatement("drop index " + name()).execute(); // expect: raw-ddl-in-code
                    }
                    String name() { return "x"; }
                    interface Repo {
                        @Query(value = "TRUNCATE TABLE sessions", nativeQuery = true) // expect: raw-ddl-in-code
                        void clear();
                    }
                }
                """);
        List<Finding> f = RuleTester.run(rule, s);
        assertEquals(List.of(
                "src/main/java/app/Schema.java:10:30 raw-ddl-in-code",
                "src/main/java/app/Schema.java:13:28 raw-ddl-in-code",
                "src/main/java/app/Schema.java:17:24 raw-ddl-in-code",
                "src/main/java/app/Schema.java:8:37 raw-ddl-in-code",
                "src/main/java/app/Schema.java:9:22 raw-ddl-in-code"), RuleTester.locations(f));
    }

    @Test
    void ignoresCommentsLogMessagesSelectsAndStringsNeverExecuted() {
        InMemorySnapshot s = InMemorySnapshot.of(
                "src/service.ts", """
                        // await prisma.$executeRawUnsafe("DROP TABLE users");
                        logger.info("DROP TABLE users is forbidden here");
                        const unused = "CREATE TABLE audit (id int)";
                        await prisma.$queryRaw`SELECT create_table FROM settings WHERE name = ${"drop table"}`;
                        await pool.query("CREATE TEMP TABLE scratch (id int)");
                        await prisma.$executeRaw`UPDATE "Quest" SET reward = 0`;
                        await cache.query("DROP TABLE x");
                        """,
                "src/main/java/app/Jobs.java", """
                        package app;
                        class Jobs {
                            static final String NEVER_RUN = "DROP TABLE audit";
                            void run(java.util.concurrent.Executor executor, java.sql.Statement st) throws Exception {
                                executor.execute(() -> {});
                                st.executeQuery("SELECT * FROM quest WHERE title = 'drop table'");
                                System.out.println("ALTER TABLE is run by migrations");
                            }
                        }
                        """);
        assertEquals(List.of(), RuleTester.run(rule, s));
    }

    @Test
    void flagsDdlStringsCollectedInArraysAndObjectsAndRunInALoop() {
        InMemorySnapshot s = InMemorySnapshot.of("scripts/setup-db.ts", """
                import { Client } from "pg";
                const tables: { name: string; sql: string }[] = [
                  { name: "Quest", sql: `CREATE TABLE IF NOT EXISTS "Quest" ("id" SERIAL PRIMARY KEY)` }, // expect: raw-ddl-in-code
                  { name: "Badge", sql: 'CREATE TABLE IF NOT EXISTS "Badge" ("id" SERIAL PRIMARY KEY)' }, // expect: raw-ddl-in-code
                ];
                const statements = [
                  'ALTER TABLE "Quest" ADD COLUMN "reward" INTEGER', // expect: raw-ddl-in-code
                  "SELECT 1",
                ];
                const indexes = { quest: 'CREATE INDEX "Quest_reward_idx" ON "Quest"("reward")' }; // expect: raw-ddl-in-code
                const seeds = ["INSERT INTO \"Quest\" DEFAULT VALUES"];
                export async function main(client: Client) {
                  for (const t of tables) await client.query(t.sql);
                  statements.forEach(async (s) => { await client.query(s); });
                  for (const key in indexes) await client.query(indexes[key]);
                  for (const row of seeds) await client.query(row);
                  for (const t of tables) console.log(t.name);
                }
                """);
        List<Finding> f = RuleTester.assertMatchesMarkers(rule, s);
        assertEquals("client.query (in a loop over `tables`) runs CREATE TABLE IF NOT EXISTS \"Quest\" at run time, "
                + "outside the migration history", f.get(0).message());
    }
}
