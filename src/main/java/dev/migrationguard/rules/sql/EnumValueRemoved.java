package dev.migrationguard.rules.sql;

import dev.migrationguard.rules.Findings;
import dev.migrationguard.rules.Inputs;
import dev.migrationguard.rules.Rule;
import dev.migrationguard.rules.RuleContext;
import dev.migrationguard.rules.RuleInputs;
import dev.migrationguard.sql.AlterTableAction;
import dev.migrationguard.sql.AlterTypeAction;
import dev.migrationguard.sql.Span;
import dev.migrationguard.sql.SqlStatement;
import dev.migrationguard.sql.SqlType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An enum that loses a value: PostgreSQL's recreation (Prisma renames {@code "E"} aside and gives a new type its
 * name, or a type is dropped and created again), CockroachDB's DROP VALUE, and MySQL's inline ENUM column
 * redefined with fewer values. Rows holding a removed value make the migration fail (or, on MySQL, are emptied).
 */
public final class EnumValueRemoved implements Rule {

    @Override
    public String id() {
        return "enum-value-removed";
    }

    @Override
    public RuleInputs inputs() {
        return RuleInputs.changedFiles(Inputs.MIGRATIONS);
    }

    @Override
    public void check(RuleContext context, Findings findings) {
        for (MigrationScan.ScannedMigration m : MigrationScan.judged(context)) {
            // Values an enum had when this migration renamed it aside or dropped it, by its old name.
            Map<String, List<String>> replaced = new HashMap<>();
            m.replay((statement, newTables, schema) -> {
                if (statement instanceof SqlStatement.AlterType alter) {
                    String name = alter.name().name();
                    Optional<List<String>> values = schema.enumValues(name);
                    if (alter.action() instanceof AlterTypeAction.Rename rename) {
                        values.ifPresent(v -> replaced.put(name, v));
                        List<String> old = replaced.get(rename.to().name());
                        if (old != null && values.isPresent()) {
                            report(m, findings, alter.span(), rename.to().name(), old, values.get());
                        }
                    } else if (alter.action() instanceof AlterTypeAction.DropValue drop) {
                        report(m, findings, alter.span(), name, List.of(drop.value()), List.of());
                    }
                } else if (statement instanceof SqlStatement.DropType drop) {
                    drop.names().forEach(n -> schema.enumValues(n.name()).ifPresent(v -> replaced.put(n.name(), v)));
                } else if (statement instanceof SqlStatement.CreateEnum create) {
                    List<String> old = replaced.get(create.name().name());
                    if (old != null) {
                        report(m, findings, create.span(), create.name().name(), old, create.values());
                    }
                } else if (statement instanceof SqlStatement.AlterTable alter && !newTables.contains(alter.table())) {
                    for (AlterTableAction action : alter.actions()) {
                        if (action instanceof AlterTableAction.AlterColumnType change && change.type() != null
                                && change.type().isInlineEnum()) {
                            SqlType before = schema.column(alter.table(), change.column().name())
                                    .map(ReplayedSchema.Column::type).orElse(null);
                            if (before != null && before.isInlineEnum()) {
                                report(m, findings, change.span(), alter.table().name() + "." + change.column().name(),
                                        before.enumValues(), change.type().enumValues());
                            }
                        }
                    }
                }
            });
        }
    }

    private static void report(MigrationScan.ScannedMigration m, Findings findings, Span span, String enumName,
                               List<String> before, List<String> after) {
        List<String> removed = before.stream().filter(v -> !after.contains(v)).toList();
        if (removed.isEmpty()) {
            return;
        }
        String values = String.join(", ", removed.stream().map(v -> "'" + v + "'").toList());
        m.at(findings, span)
                .message("Enum \"" + enumName + "\" loses value" + (removed.size() > 1 ? "s " : " ") + values
                        + ": the migration fails on any row that still holds " + (removed.size() > 1 ? "one" : "it")
                        + ", and running code that writes " + (removed.size() > 1 ? "them" : "it") + " breaks.")
                .fix("First stop writing the value" + (removed.size() > 1 ? "s" : "") + " in a release and move "
                        + "existing rows to another value (UPDATE ... SET ... WHERE ... = " + values
                        + ") in an earlier migration; then remove " + (removed.size() > 1 ? "them." : "it."))
                .key(enumName + " " + values)
                .report();
    }
}
