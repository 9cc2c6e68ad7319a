package dev.migrationguard.bench;

import dev.migrationguard.git.GitScan;
import dev.migrationguard.git.ScanMode;
import dev.migrationguard.git.ScanOptions;
import dev.migrationguard.rules.Finding;
import dev.migrationguard.rules.Findings;
import dev.migrationguard.rules.Rule;
import dev.migrationguard.rules.RuleContext;
import dev.migrationguard.rules.RuleOptions;
import dev.migrationguard.rules.RulePages;
import dev.migrationguard.rules.RuleRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Times what {@code lint --history} does beyond start-up: the history scan of every commit reachable from HEAD and
 * the history rules over its change sets. Usage: {@code HistoryBench <repository> [runs]}; prints one line per run
 * and the findings per rule of the last.
 */
public final class HistoryBench {
    private HistoryBench() {
    }

    public static void main(String[] args) throws Exception {
        Path repo = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        List<Rule> rules = RuleRegistry.all().stream()
                .filter(r -> RulePages.load(r.id()).category().equals("history")).toList();
        List<Finding> findings = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            long start = System.nanoTime();
            findings.clear();
            try (GitScan scan = GitScan.run(repo, ScanMode.history(), ScanOptions.defaults())) {
                long scanned = System.nanoTime();
                RuleContext context = new RuleContext(scan.snapshot(), RuleOptions.NONE, scan.changes());
                StringBuilder perRule = new StringBuilder();
                for (Rule rule : rules) {
                    long ruleStart = System.nanoTime();
                    Findings f = new Findings(RulePages.load(rule.id()));
                    rule.check(context, f);
                    findings.addAll(f.all());
                    perRule.append(perRule.length() == 0 ? "" : ", ").append(rule.id()).append(' ')
                            .append((System.nanoTime() - ruleStart) / 1_000_000).append(" ms");
                }
                long done = System.nanoTime();
                System.out.printf("run %d: %d change sets, scan %d ms, rules %d ms (%s), total %d ms, %d findings%n",
                        run, scan.changes().size(), (scanned - start) / 1_000_000, (done - scanned) / 1_000_000,
                        perRule, (done - start) / 1_000_000, findings.size());
            }
        }
        Map<String, Integer> byRule = new TreeMap<>();
        findings.forEach(f -> byRule.merge(f.ruleId(), 1, Integer::sum));
        System.out.println("findings by rule: " + byRule);
    }
}
