package dev.migrationguard.rules.commands;

import dev.migrationguard.rules.Findings;
import dev.migrationguard.rules.Inputs;
import dev.migrationguard.rules.Rule;
import dev.migrationguard.rules.RuleContext;
import dev.migrationguard.rules.RuleInputs;
import dev.migrationguard.rules.Severity;
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
            Findings.Builder finding = findings.at(p.file(), p.start(), p.end());
            if (p.message().startsWith(ScriptProblem.TOO_DEEP)) {
                // A valid file may still run: an unchecked `db push` in it must not pass as a warning.
                finding.severity(Severity.ERROR);
            }
            finding.message(p.message() + "; the commands in " + p.file().path() + " are not checked")
                    .fix("fix the syntax (a JSON or YAML validator, or `bash -n` for a shell script, points at the same place)")
                    .key(p.file().path() + " " + p.message())
                    .report();
        }
    }
}
