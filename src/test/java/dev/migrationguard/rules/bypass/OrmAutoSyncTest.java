package dev.migrationguard.rules.bypass;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrationguard.rules.Finding;
import dev.migrationguard.rules.Severity;
import dev.migrationguard.testing.InMemorySnapshot;
import dev.migrationguard.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrmAutoSyncTest {
    private final OrmAutoSync rule = new OrmAutoSync();

    @Test
    void flagsSpringAndHibernateSettingsInPropertiesYamlXmlAndJava() {
        InMemorySnapshot s = InMemorySnapshot.of(
                "src/main/resources/application.properties", """
                        spring.datasource.url=${DATABASE_URL}
                        spring.jpa.hibernate.ddl-auto=update   # expect: orm-auto-sync
                        hibernate.hbm2ddl.auto = create-drop   # expect: orm-auto-sync
                        """,
                "src/main/resources/application.yml", """
                        spring:
                          jpa:
                            hibernate:
                              ddl-auto: create   # expect: orm-auto-sync
                        """,
                "src/main/resources/META-INF/persistence.xml", """
                        <persistence-unit name="app">
                          <properties>
                            <property name="hibernate.hbm2ddl.auto" value="update"/> <!-- expect: orm-auto-sync -->
                            <property name="jakarta.persistence.schema-generation.database.action" value="drop-and-create"/> <!-- expect: orm-auto-sync -->
                          </properties>
                        </persistence-unit>
                        """,
                "src/main/java/app/Db.java", """
                        package app;
                        class Db {
                            static final String AUTO = "hibernate.hbm2ddl.auto";
                            void configure(java.util.Properties props) {
                                props.put(AUTO, "update"); // expect: orm-auto-sync
                                props.setProperty(org.hibernate.cfg.AvailableSettings.HBM2DDL_AUTO, "create"); // expect: orm-auto-sync
                            }
                        }
                        """);
        RuleTester.assertMatchesMarkers(rule, s);
    }

    @Test
    void flagsTypeormSynchronizeAndSequelizeSyncOptions() {
        InMemorySnapshot s = InMemorySnapshot.of(
                "src/data-source.ts", """
                        export const AppDataSource = new DataSource({
                          type: "postgres",
                          synchronize: true, // expect: orm-auto-sync
                          "synchronize": true, // expect: orm-auto-sync
                        });
                        """,
                "src/db.js", """
                        await sequelize.sync({ alter: true }); // expect: orm-auto-sync
                        await sequelize.sync({ logging: false, force: true }); // expect: orm-auto-sync
                        """,
                "ormconfig.json", "{\n  \"type\": \"mysql\",\n  \"synchronize\": true\n}\n",
                ".env.production", "TYPEORM_SYNCHRONIZE=true\n");
        List<Finding> f = RuleTester.run(rule, s);
        assertEquals(List.of(
                ".env.production:1:21 orm-auto-sync",
                "ormconfig.json:3:3 orm-auto-sync",
                "src/data-source.ts:3:3 orm-auto-sync",
                "src/data-source.ts:4:3 orm-auto-sync",
                "src/db.js:1:24 orm-auto-sync",
                "src/db.js:2:40 orm-auto-sync"), RuleTester.locations(f));
    }

    @Test
    void lowersTestAndLocalProfilesToANote() {
        InMemorySnapshot s = InMemorySnapshot.of(
                "src/test/resources/application.properties", "spring.jpa.hibernate.ddl-auto=create-drop\n",
                "src/main/resources/application-dev.yml", "spring:\n  jpa:\n    hibernate:\n      ddl-auto: update\n",
                "src/main/resources/application.yml", """
                        spring:
                          jpa:
                            hibernate:
                              ddl-auto: validate
                        ---
                        spring:
                          config:
                            activate:
                              on-profile: local
                          jpa:
                            hibernate:
                              ddl-auto: update
                        """,
                "test/setup.spec.ts", "new DataSource({ synchronize: true })\n");
        List<Finding> f = RuleTester.run(rule, s);
        assertEquals(4, f.size(), f.toString());
        f.forEach(x -> assertEquals(Severity.NOTE, x.severity(), x.toString()));
        assertEquals("Spring spring.jpa.hibernate.ddl-auto = update changes the database schema at start-up, outside "
                + "the migration history (local profile)", f.stream().filter(x -> x.path().equals(
                "src/main/resources/application.yml")).findFirst().orElseThrow().message());
    }

    @Test
    void flagsSyncCalledAcrossLinesInAFileFullOfAsyncCode() {
        InMemorySnapshot s = InMemorySnapshot.of(
                "src/db.ts", """
                        export async function connect() {
                          await sequelize
                            .sync({ force: true }); // expect: orm-auto-sync
                        }
                        """,
                "src/other.ts", "export async function other() { return await load(); }\n");
        RuleTester.assertMatchesMarkers(rule, s);
    }

    @Test
    void ignoresSafeValuesCommentsStringsAndComputedFlags() {
        InMemorySnapshot s = InMemorySnapshot.of(
                "src/main/resources/application.properties", """
                        spring.jpa.hibernate.ddl-auto=validate
                        # spring.jpa.hibernate.ddl-auto=update
                        hibernate.hbm2ddl.auto=none
                        """,
                "src/data-source.ts", """
                        // synchronize: true would be dangerous here
                        const help = "set synchronize: true to prototype";
                        export const ds = new DataSource({ synchronize: process.env.NODE_ENV === "test" });
                        await sequelize.sync();
                        await sequelize.sync({ alter: false });
                        """,
                "README.md", "Never use `spring.jpa.hibernate.ddl-auto=update` in production.\n");
        assertEquals(List.of(), RuleTester.run(rule, s));
    }

    @Test
    void flagsDjangoRunSyncdbInDeployScriptsButOnlyNotesItLocally() {
        InMemorySnapshot s = InMemorySnapshot.of(
                "Dockerfile", "FROM python:3.12\nCMD python manage.py migrate --run-syncdb && gunicorn app.wsgi\n",
                "scripts/dev.sh", "#!/bin/sh\npython manage.py migrate --run-syncdb\npython manage.py migrate\n");
        List<Finding> f = RuleTester.run(rule, s);
        assertEquals(List.of("Dockerfile:2:30 orm-auto-sync", "scripts/dev.sh:2:26 orm-auto-sync"), RuleTester.locations(f));
        assertEquals(List.of(Severity.ERROR, Severity.NOTE), f.stream().map(Finding::severity).toList());
    }
}
