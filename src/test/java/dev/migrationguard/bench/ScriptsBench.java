package dev.migrationguard.bench;

import dev.migrationguard.rules.Findings;
import dev.migrationguard.rules.Rule;
import dev.migrationguard.rules.RuleContext;
import dev.migrationguard.rules.RuleOptions;
import dev.migrationguard.rules.RulePages;
import dev.migrationguard.rules.commands.PrismaAcceptDataLoss;
import dev.migrationguard.rules.commands.PrismaDbPush;
import dev.migrationguard.rules.commands.PrismaMigrateDevInDeploy;
import dev.migrationguard.rules.commands.SchemaPushCommand;
import dev.migrationguard.scripts.CommandSites;
import dev.migrationguard.testing.InMemorySnapshot;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark of command extraction and the commands rules (run by bench/scripts-bench.sh with the test class path)
 * on a synthetic repository of about 2 MB: a root package.json with 2000 chained scripts, 300 small packages each
 * running a script file, a 20,000-line shell script and a workflow with 4000 run blocks (95,500 commands). Each
 * round builds a fresh snapshot, reads every file, then times extraction and the four rules; "cpu" is the
 * measuring thread's CPU time, the stable figure on a machine shared with other jobs.
 */
public final class ScriptsBench {
    private static final List<Rule> RULES = List.of(new PrismaAcceptDataLoss(), new PrismaDbPush(),
            new PrismaMigrateDevInDeploy(), new SchemaPushCommand());

    private ScriptsBench() {
    }

    static InMemorySnapshot repository() {
        InMemorySnapshot s = new InMemorySnapshot();
        StringBuilder pkg = new StringBuilder("{\"scripts\": {");
        for (int i = 0; i < 2000; i++) {
            pkg.append(i == 0 ? "" : ",").append("\"s").append(i).append("\": \"npm run s").append(i + 1)
                    .append(" && npx prisma migrate deploy --schema \\\"x\\\" && echo done\"");
        }
        s.put("package.json", pkg.append("}}").toString());
        for (int p = 0; p < 300; p++) {
            s.put("packages/p" + p + "/package.json", "{\"scripts\": {\"build\": \"tsc\", \"start\": \"node .\", "
                    + "\"db\": \"prisma migrate deploy\", \"test\": \"./scripts/t.sh\"}}");
            s.put("packages/p" + p + "/scripts/t.sh", "#!/bin/sh\nnpx jest\n");
        }
        StringBuilder sh = new StringBuilder("#!/bin/bash\n");
        for (int i = 0; i < 20000; i++) {
            sh.append("if [ -n \"$X\" ]; then npx prisma db push --schema=\"$(pwd)/x\" | tee log; fi # c\n");
        }
        s.put("big.sh", sh.toString());
        StringBuilder wf = new StringBuilder("jobs:\n");
        for (int j = 0; j < 200; j++) {
            wf.append("  j").append(j).append(":\n    steps:\n");
            for (int k = 0; k < 20; k++) {
                wf.append("      - run: |\n          npm ci\n          npx prisma migrate deploy\n");
            }
        }
        s.put(".github/workflows/big.yml", wf.toString());
        return s;
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 1; round <= rounds; round++) {
            InMemorySnapshot s = repository();
            long chars = 0;
            for (String path : s.paths()) {
                chars += s.read(path).map(f -> f.text().length()).orElse(0);
            }
            long wall = System.nanoTime();
            long cpu = threads.getCurrentThreadCpuTime();
            int sites = s.model(CommandSites.KEY).size();
            long extractWall = System.nanoTime() - wall;
            long extractCpu = threads.getCurrentThreadCpuTime() - cpu;
            int findings = 0;
            for (Rule rule : RULES) {
                Findings f = new Findings(RulePages.load(rule.id()));
                rule.check(new RuleContext(s, RuleOptions.NONE), f);
                findings += f.all().size();
            }
            long totalWall = System.nanoTime() - wall;
            long totalCpu = threads.getCurrentThreadCpuTime() - cpu;
            System.out.printf(Locale.ROOT, "round %d: %d files, %.2f MB, %d commands, %d findings | extraction "
                            + "wall %.0f ms, cpu %.0f ms (%.1f MB/s cpu) | with rules wall %.0f ms, cpu %.0f ms%n",
                    round, s.paths().size(), chars / 1e6, sites, findings, extractWall / 1e6, extractCpu / 1e6,
                    chars / 1e6 / (extractCpu / 1e9), totalWall / 1e6, totalCpu / 1e6);
        }
    }
}
