package dev.migrationguard.rules.commands;

import dev.migrationguard.rules.Findings;
import dev.migrationguard.rules.Inputs;
import dev.migrationguard.rules.Rule;
import dev.migrationguard.rules.RuleContext;
import dev.migrationguard.rules.RuleInputs;
import dev.migrationguard.scripts.CommandSites;
import dev.migrationguard.scripts.ScriptProblem;

/** A file the command rules read (package.json, a workflow, a compose file, a shell script) that cannot be parsed. */
public final class ScriptParseError implements Rule {

    @Override
    public String id() {
        return "script-parse-error";
    }

    @Override
    public RuleInputs inputs() {
        return RuleInputs.changedFiles(Inputs.SCRIPTS);
    }

    @Override
    public void check(RuleContext context, Findings findings) {
        for (ScriptProblem p : context.snapshot().model(CommandSites.MODEL).problems()) {
            findings.at(p.file(), p.start(), p.end())
                    .message(p.message() + "; the commands in " + p.file().path() + " are not checked")
                    .fix("fix the syntax (a JSON or YAML validator, or `bash -n` for a shell script, points at the same place)")
                    .key(p.file().path() + " " + p.message())
                    .report();
        }
    }
}
