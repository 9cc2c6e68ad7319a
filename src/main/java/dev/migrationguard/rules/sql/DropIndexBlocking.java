package dev.migrationguard.rules.sql;

import dev.migrationguard.rules.Findings;
import dev.migrationguard.rules.Inputs;
import dev.migrationguard.rules.Rule;
import dev.migrationguard.rules.RuleContext;
import dev.migrationguard.rules.RuleInputs;
import dev.migrationguard.sql.QualifiedName;
import dev.migrationguard.sql.SqlDialect;
import dev.migrationguard.sql.SqlStatement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** PostgreSQL DROP INDEX without CONCURRENTLY of an index this migration did not create: its table is locked. */
public final class DropIndexBlocking implements Rule {

    @Override
    public String id() {
        return "drop-index-blocking";
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
            Set<String> createdHere = new HashSet<>();
            m.forEachStatement((statement, newTables) -> {
                if (statement instanceof SqlStatement.CreateIndex create && create.name() != null) {
                    createdHere.add(create.name().name());
                } else if (statement instanceof SqlStatement.DropIndex drop && !drop.concurrently()) {
                    List<String> existing = drop.names().stream().map(QualifiedName::name)
                            .filter(n -> !createdHere.contains(n)).toList();
                    if (existing.isEmpty()) {
                        return;
                    }
                    String names = "\"" + String.join("\", \"", existing) + "\"";
                    m.at(findings, drop.span())
                            .message("DROP INDEX " + names + " takes an ACCESS EXCLUSIVE lock on the index's table: "
                                    + "every read and write of it waits, also behind any query already running.")
                            .fix("Write DROP INDEX CONCURRENTLY " + names + " (one index per statement) in a "
                                    + "migration that holds only that statement: PostgreSQL refuses CONCURRENTLY in a "
                                    + "transaction, and Prisma runs a file of several statements as one; if the "
                                    + "migration is applied already, do it in the next one.")
                            .key(String.join(",", existing))
                            .report();
                }
            });
        }
    }
}
