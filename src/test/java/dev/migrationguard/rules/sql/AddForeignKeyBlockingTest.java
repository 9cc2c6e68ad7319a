package dev.migrationguard.rules.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrationguard.testing.InMemorySnapshot;
import dev.migrationguard.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddForeignKeyBlockingTest {
    private final AddForeignKeyBlocking rule = new AddForeignKeyBlocking();

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mysql", "sqlite", "sqlserver", "cockroachdb"})
    void flagsExactlyTheMarkedForeignKeysOfEachDialectFixture(String dialect) {
        RuleTester.assertMatchesMarkers(rule, SqlFixtures.load(dialect));
    }

    @Test
    void flagsPrismaAddForeignKeyOnExistingTableAndSuggestsValidate() {
        InMemorySnapshot snapshot = InMemorySnapshot.of("prisma/migrations/1_x/migration.sql",
                "-- AddForeignKey\nALTER TABLE \"Order\" ADD CONSTRAINT \"Order_customerId_fkey\" FOREIGN KEY (\"customerId\") "
                        + "REFERENCES \"Customer\"(\"id\") ON DELETE RESTRICT ON UPDATE CASCADE;\n");
        var findings = RuleTester.run(rule, snapshot);
        assertEquals(List.of("prisma/migrations/1_x/migration.sql:2:21 add-foreign-key-blocking"),
                RuleTester.locations(findings));
        org.junit.jupiter.api.Assertions.assertTrue(findings.get(0).fix()
                .contains("ALTER TABLE \"Order\" VALIDATE CONSTRAINT \"Order_customerId_fkey\";"));
    }

    @Test
    void ignoresNotValidForeignKeysAndForeignKeysOfNewTables() {
        InMemorySnapshot snapshot = InMemorySnapshot.of("prisma/migrations/1_x/migration.sql", """
                ALTER TABLE "Order" ADD CONSTRAINT "a" FOREIGN KEY ("c") REFERENCES "Customer"("id") NOT VALID;
                ALTER TABLE "Order" VALIDATE CONSTRAINT "a";
                CREATE TABLE "Line" ("id" INT, "orderId" INT);
                ALTER TABLE "Line" ADD CONSTRAINT "b" FOREIGN KEY ("orderId") REFERENCES "Order"("id");
                """);
        assertEquals(List.of(), RuleTester.run(rule, snapshot));
    }
}
