package dev.migrationguard.rules.sql;

import dev.migrationguard.rules.Findings;
import dev.migrationguard.rules.Inputs;
import dev.migrationguard.rules.Rule;
import dev.migrationguard.rules.RuleContext;
import dev.migrationguard.rules.RuleInputs;
import dev.migrationguard.rules.schema.SchemaIdentifiers;
import dev.migrationguard.sql.AlterTableAction;
import dev.migrationguard.sql.AlterTypeAction;
import dev.migrationguard.sql.ColumnDefinition;
import dev.migrationguard.sql.Identifier;
import dev.migrationguard.sql.QualifiedName;
import dev.migrationguard.sql.SqlStatement;
import dev.migrationguard.sql.Span;
import dev.migrationguard.sql.TableConstraint;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A name a migration creates that is longer than the database keeps (PostgreSQL 63 bytes, MySQL 64 characters),
 * and one that schema.prisma declares and no migration has written yet (see {@link SchemaIdentifiers}).
 */
public final class IdentifierTooLong implements Rule {

    @Override
    public String id() {
        return "identifier-too-long";
    }

    @Override
    public RuleInputs inputs() {
        return RuleInputs.changedFiles(Inputs.MIGRATIONS);
    }

    @Override
    public void check(RuleContext context, Findings findings) {
        // Every name the migrations write, by migrations folder: the schema part leaves those to the migration.
        Map<String, Set<String>> written = new HashMap<>();
        for (MigrationScan.ScannedMigration m : MigrationScan.of(context.snapshot())) {
            Set<String> names = written.computeIfAbsent(m.set().folder(), f -> new HashSet<>());
            SchemaIdentifiers.Limit limit = SchemaIdentifiers.Limit.of(m.dialect().name());
            for (SqlStatement statement : m.script().statements()) {
                forEachName(statement, (name, span) -> {
                    names.add(name);
                    if (limit != null && limit.exceeded(name)) {
                        m.at(findings, span)
                                .message(limit.message(name))
                                .fix("Name it in at most " + limit.describe() + " (in schema.prisma: map: \"...\" on "
                                        + "the index or key, @map or @@map on a field or model) and write that name "
                                        + "here; if the migration is applied, rename what the database holds in the "
                                        + "next one.")
                                .key(name)
                                .report();
                    }
                });
            }
        }
        SchemaIdentifiers.check(context.snapshot(), findings, written);
    }

    @FunctionalInterface
    private interface NameAction {
        void accept(String name, Span span);
    }

    /** The names a statement gives to new or renamed objects, each with where it is written. */
    private static void forEachName(SqlStatement statement, NameAction action) {
        if (statement instanceof SqlStatement.CreateTable create) {
            name(create.table(), action);
            create.columns().forEach(c -> name(c.name(), action));
            create.constraints().forEach(c -> constraint(c, action));
        } else if (statement instanceof SqlStatement.AlterTable alter) {
            for (AlterTableAction a : alter.actions()) {
                if (a instanceof AlterTableAction.AddColumn add) {
                    name(add.column().name(), action);
                } else if (a instanceof AlterTableAction.AddConstraint add) {
                    constraint(add.constraint(), action);
                } else if (a instanceof AlterTableAction.RenameColumn rename) {
                    name(rename.to(), action);
                } else if (a instanceof AlterTableAction.RenameConstraint rename) {
                    name(rename.to(), action);
                } else if (a instanceof AlterTableAction.RenameTable rename) {
                    name(rename.to(), action);
                } else if (a instanceof AlterTableAction.AlterColumnType change && change.definition() != null) {
                    ColumnDefinition d = change.definition();
                    name(d.name(), action);
                }
            }
        } else if (statement instanceof SqlStatement.CreateIndex index && index.name() != null) {
            name(index.name(), action);
        } else if (statement instanceof SqlStatement.CreateEnum create) {
            name(create.name(), action);
        } else if (statement instanceof SqlStatement.CreateType create) {
            name(create.name(), action);
        } else if (statement instanceof SqlStatement.RenameTable rename) {
            name(rename.to(), action);
        } else if (statement instanceof SqlStatement.AlterType alter
                && alter.action() instanceof AlterTypeAction.Rename rename) {
            name(rename.to(), action);
        } else if (statement instanceof SqlStatement.CreateSequence create) {
            name(create.name(), action);
        } else if (statement instanceof SqlStatement.CreateView create) {
            name(create.name(), action);
        }
    }

    private static void constraint(TableConstraint c, NameAction action) {
        if (c.name() != null) {
            name(c.name(), action);
        }
    }

    private static void name(Identifier id, NameAction action) {
        action.accept(id.name(), id.span());
    }

    private static void name(QualifiedName id, NameAction action) {
        action.accept(id.name(), id.span());
    }
}
