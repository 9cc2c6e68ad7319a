package dev.migrationguard.rules;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Every rule, one line each, sorted by id: adding a rule is a one-line change here. */
public final class RuleRegistry {
    private static final List<Rule> ALL = List.<Rule>of(
            new dev.migrationguard.rules.history.MigrationDeleted(),
            new dev.migrationguard.rules.history.MigrationModified(),
            new dev.migrationguard.rules.history.MigrationOutOfOrder(),
            new dev.migrationguard.rules.history.SchemaChangeWithoutMigration()
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
