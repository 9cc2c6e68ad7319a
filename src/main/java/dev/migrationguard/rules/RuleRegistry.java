package dev.migrationguard.rules;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Every rule, one line each, sorted by id: adding a rule is a one-line change here. */
public final class RuleRegistry {
    private static final List<Rule> ALL = List.<Rule>of(
            new dev.migrationguard.rules.sql.AddForeignKeyBlocking(),
            new dev.migrationguard.rules.sql.AddNotNullWithoutDefault(),
            new dev.migrationguard.rules.sql.AddUniqueConstraint(),
            new dev.migrationguard.rules.sql.AlterColumnType(),
            new dev.migrationguard.rules.sql.CreateIndexBlocking(),
            new dev.migrationguard.rules.sql.DestructiveDrop(),
            new dev.migrationguard.rules.sql.DropAndAddColumn(),
            new dev.migrationguard.rules.sql.EnumValueRemoved(),
            new dev.migrationguard.rules.schema.PrismaLockMismatch(),
            new dev.migrationguard.rules.schema.PrismaParseError(),
            new dev.migrationguard.rules.sql.RenameBreaksClients(),
            new dev.migrationguard.rules.schema.SchemaDrift(),
            new dev.migrationguard.rules.sql.SetNotNull(),
            new dev.migrationguard.rules.sql.SqlParseError()
    ).stream().sorted(Comparator.comparing(Rule::id)).toList();

    private RuleRegistry() {
    }

    public static List<Rule> all() {
        return ALL;
    }

    public static Optional<Rule> find(String id) {
        return ALL.stream().filter(r -> r.id().equals(id)).findFirst();
    }
}
