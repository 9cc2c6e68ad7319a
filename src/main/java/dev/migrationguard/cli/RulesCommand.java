package dev.migrationguard.cli;

import dev.migrationguard.report.ConfigErrorReport;
import dev.migrationguard.rules.Rule;
import dev.migrationguard.rules.RuleInfo;
import dev.migrationguard.rules.RuleOption;
import dev.migrationguard.rules.RulePages;
import java.util.List;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code migration-guard rules}: list every rule; {@code rules explain ID}: print a rule's page. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "List every rule with its category, default severity and summary.",
        subcommands = RulesCommand.Explain.class)
final class RulesCommand implements Callable<Integer> {
    private final List<Rule> rules;

    RulesCommand(List<Rule> rules) {
        this.rules = rules;
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        int idWidth = "ID".length();
        int categoryWidth = "CATEGORY".length();
        for (Rule rule : rules) {
            RuleInfo info = RulePages.load(rule.id());
            idWidth = Math.max(idWidth, info.id().length());
            categoryWidth = Math.max(categoryWidth, info.category().length());
        }
        String row = "%-" + idWidth + "s  %-" + categoryWidth + "s  %-8s  %s%n";
        out.printf(row, "ID", "CATEGORY", "SEVERITY", "SUMMARY");
        for (Rule rule : rules) {
            RuleInfo info = RulePages.load(rule.id());
            out.printf(row, info.id(), info.category(), info.defaultSeverity().label(), info.summary());
        }
        out.println();
        out.println("Reported by the linter itself: " + ConfigErrorReport.RULE_ID
                + " (a .migration-guard.yml it cannot use; `rules explain " + ConfigErrorReport.RULE_ID + "`).");
        out.flush();
        return Main.CLEAN;
    }

    @Command(name = "explain", mixinStandardHelpOptions = true, description = "Print a rule's documentation.")
    static final class Explain implements Callable<Integer> {
        private final List<Rule> rules;

        Explain(List<Rule> rules) {
            this.rules = rules;
        }

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "ID", description = "The rule id, as `migration-guard rules` lists it.")
        String id;

        @Override
        public Integer call() {
            Rule rule = rules.stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
            if (rule == null && !id.equals(ConfigErrorReport.RULE_ID)) {
                throw new UsageException("unknown rule '" + id + "' (run `migration-guard rules` to list them)");
            }
            RuleInfo info = RulePages.load(id);
            PrintWriter out = spec.commandLine().getOut();
            out.println(info.id() + " (" + info.category() + ", default severity " + info.defaultSeverity().label() + ")");
            out.println(info.summary());
            out.println();
            out.print(info.body());
            if (rule != null && !rule.options().isEmpty()) {
                out.println();
                out.println("Options (under rules." + info.id() + " in .migration-guard.yml):");
                for (RuleOption o : rule.options()) {
                    out.println("  " + o.name() + " (" + o.type().name().toLowerCase().replace('_', ' ') + "): " + o.description());
                }
            }
            out.flush();
            return Main.CLEAN;
        }
    }
}
