package dev.migrationguard.rules.schema;

import dev.migrationguard.prisma.PrismaProject;
import dev.migrationguard.rules.Findings;
import dev.migrationguard.rules.Inputs;
import dev.migrationguard.rules.Rule;
import dev.migrationguard.rules.RuleContext;
import dev.migrationguard.rules.RuleInputs;
import dev.migrationguard.rules.sql.JudgedMigrations;
import dev.migrationguard.schema.DatabaseProvider;
import dev.migrationguard.schema.MappedSchemas;
import dev.migrationguard.schema.SchemaModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A PostgreSQL relation whose scalar fields no index, unique constraint or primary key starts with. Only relations
 * whose foreign key a judged migration adds, or none yet, are read: what applied migrations built is left alone.
 */
public final class MissingForeignKeyIndex implements Rule {

    @Override
    public String id() {
        return "missing-foreign-key-index";
    }

    @Override
    public RuleInputs inputs() {
        return RuleInputs.changedFiles(Inputs.MIGRATIONS);
    }

    @Override
    public void check(RuleContext context, Findings findings) {
        for (MappedSchemas.Mapped mapped : context.snapshot().model(MappedSchemas.KEY)) {
            PrismaProject project = mapped.project();
            Optional<SchemaModel> model = mapped.model();
            if (model.isEmpty() || model.get().provider() != DatabaseProvider.POSTGRESQL) {
                continue;
            }
            JudgedMigrations.ForeignKeys judged = null;
            for (SchemaModel.Table table : model.get().tables()) {
                List<List<String>> keys = new ArrayList<>();
                if (table.primaryKey() != null) {
                    keys.add(table.primaryKey().columns());
                }
                table.indexes().forEach(i -> keys.add(i.columns()));
                for (SchemaModel.ForeignKey fk : table.foreignKeys()) {
                    if (fk.origin() == null || keys.stream().anyMatch(k -> startsWith(k, fk.columns()))) {
                        continue;
                    }
                    if (judged == null) {
                        judged = JudgedMigrations.foreignKeys(context.snapshot(), project.migrationsDirectory(),
                                context.applied());
                    }
                    if (!judged.judges(fk.name())) {
                        continue;
                    }
                    String fields = "\"" + String.join("\", \"", fk.columns()) + "\"";
                    findings.at(fk.origin().file(), fk.origin().start(), fk.origin().end())
                            .message("No index starts with " + fields + ", the columns of the foreign key "
                                    + "\"" + fk.name() + "\" of " + fk.origin().element() + ": PostgreSQL does not "
                                    + "index them by itself, so each delete or key change in \"" + fk.referencedTable()
                                    + "\" scans \"" + table.name() + "\", and the relation's queries read the whole table.")
                            .fix("Add an @@index on the relation's fields (columns " + fields + ") to the model, or "
                                    + "put them first in an existing @@index or @@unique; on a large table, build the "
                                    + "index CONCURRENTLY in a migration of its own.")
                            .key(table.name() + " " + fk.name())
                            .report();
                }
            }
        }
    }

    /** Whether {@code key} begins with all of {@code columns}, in any order (an index on (b, a) serves a key (a, b)). */
    private static boolean startsWith(List<String> key, List<String> columns) {
        return key.size() >= columns.size() && key.subList(0, columns.size()).containsAll(columns);
    }
}
