package dev.migrationguard.rules.schema;

import dev.migrationguard.prisma.PrismaProblem;
import dev.migrationguard.prisma.PrismaProject;
import dev.migrationguard.prisma.PrismaSchemas;
import dev.migrationguard.rules.Findings;
import dev.migrationguard.rules.Inputs;
import dev.migrationguard.rules.Rule;
import dev.migrationguard.rules.RuleContext;
import dev.migrationguard.rules.RuleInputs;

/** Flags syntax errors in Prisma schema files, at the token the parser could not read. */
public final class PrismaParseError implements Rule {

    @Override
    public String id() {
        return "prisma-parse-error";
    }

    @Override
    public RuleInputs inputs() {
        return RuleInputs.changedFiles(Inputs.MIGRATIONS);
    }

    @Override
    public void check(RuleContext context, Findings findings) {
        for (PrismaProject project : context.snapshot().model(PrismaSchemas.ALL)) {
            for (PrismaProblem problem : project.schema().problems()) {
                findings.at(problem.file(), problem.start(), problem.end())
                        .message("the Prisma schema cannot be read: " + problem.message())
                        .fix("correct the syntax here; `prisma format` and `prisma validate` show the same error")
                        .key(problem.message())
                        .report();
            }
        }
    }
}
