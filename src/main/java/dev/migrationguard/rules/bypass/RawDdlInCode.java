package dev.migrationguard.rules.bypass;

import dev.migrationguard.code.EmbeddedSql;
import dev.migrationguard.code.JavaSqlCalls;
import dev.migrationguard.code.JsSqlCalls;
import dev.migrationguard.rules.Findings;
import dev.migrationguard.rules.Inputs;
import dev.migrationguard.rules.Rule;
import dev.migrationguard.rules.RuleContext;
import dev.migrationguard.rules.RuleInputs;
import dev.migrationguard.sql.SqlDialect;
import dev.migrationguard.sql.SqlScript;
import dev.migrationguard.sql.SqlStatement;
import java.util.ArrayList;
import java.util.List;

/** DDL that application code runs against the database at run time. */
public final class RawDdlInCode implements Rule {

    @Override
    public String id() {
        return "raw-ddl-in-code";
    }

    @Override
    public RuleInputs inputs() {
        return RuleInputs.eachFile(Inputs.CODE);
    }

    @Override
    public void check(RuleContext context, Findings findings) {
        SqlDialect dialect = SchemaChanges.repositoryDialect(context.snapshot());
        List<EmbeddedSql> calls = new ArrayList<>(context.snapshot().model(JsSqlCalls.MAY_CHANGE_SCHEMA));
        calls.addAll(context.snapshot().model(JavaSqlCalls.MODEL));
        for (EmbeddedSql call : calls) {
            SqlScript script = SchemaChanges.parse(call.file().path(), call.sql(), dialect);
            List<SqlStatement> changes = SchemaChanges.of(script);
            if (changes.isEmpty()) {
                continue;
            }
            String what = SchemaChanges.summary(script, changes);
            findings.at(call.file(), call.start(), call.end())
                    .message(call.api() + " runs " + what + " at run time, outside the migration history")
                    .fix("move the change into a migration (`prisma migrate dev --name <descriptive_name>`, or your "
                            + "migration tool's equivalent) so every environment gets it in order and it is recorded")
                    .key(call.api() + " " + what)
                    .report();
        }
    }
}
