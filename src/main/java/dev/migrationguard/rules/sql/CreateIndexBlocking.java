package dev.migrationguard.rules.sql;

import dev.migrationguard.rules.Findings;
import dev.migrationguard.rules.Inputs;
import dev.migrationguard.rules.Rule;
import dev.migrationguard.rules.RuleContext;
import dev.migrationguard.rules.RuleInputs;
import dev.migrationguard.sql.SqlDialect;
import dev.migrationguard.sql.SqlStatement;

/** PostgreSQL CREATE INDEX without CONCURRENTLY on a table this migration did not create: writes wait for the build. */
public final class CreateIndexBlocking implements Rule {

    @Override
    public String id() {
        return "create-index-blocking";
    }

    @Override
    public RuleInputs inputs() {
        return RuleInputs.changedFiles(Inputs.MIGRATIONS);
    }

    @Override
    public void check(RuleContext context, Findings findings) {
        for (MigrationScan.ScannedMigration m : MigrationScan.judged(context)) {
            if (m.dialect() != SqlDialect.POSTGRESQL) {
                continue;
            }
            m.forEachStatement((statement, newTables) -> {
                if (statement instanceof SqlStatement.CreateIndex index && !index.concurrently()
                        && !newTables.contains(index.table())) {
                    String name = index.name() == null ? "" : " \"" + index.name().name() + "\"";
                    m.at(findings, index.span())
                            .message("CREATE INDEX" + name + " on existing table " + DestructiveDrop.quoted(index.table())
                                    + " blocks every write to it until the index is built.")
                            .fix("Use CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX CONCURRENTLY, in a "
                                    + "migration that holds only that statement: Prisma runs a migration in a "
                                    + "transaction, where CONCURRENTLY fails (error 25001), unless the file is a "
                                    + "single statement; or build the index by hand and mark the migration applied "
                                    + "with prisma migrate resolve --applied.")
                            .key(index.table().name() + " " + (index.name() == null ? "" : index.name().name()))
                            .report();
                }
            });
        }
    }
}
