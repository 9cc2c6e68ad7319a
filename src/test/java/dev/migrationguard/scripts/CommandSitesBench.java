package dev.migrationguard.scripts;

import dev.migrationguard.testing.InMemorySnapshot;

/**
 * Measures command extraction on a synthetic repository (not a test: run it by hand). A root package.json with 2000
 * chained scripts, 300 small packages each running a script file, a 20,000-line shell script and a workflow with
 * 4000 run blocks; about 2 MB and 95,000 commands. Run:
 * {@code mvn -B -o -q test-compile && java -cp target/classes:target/test-classes:$(cat cp.txt)
 * dev.migrationguard.scripts.CommandSitesBench} (with the test class path in cp.txt, from
 * {@code mvn dependency:build-classpath -Dmdep.outputFile=cp.txt}).
 */
public final class CommandSitesBench {
    private CommandSitesBench() {
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
        for (int round = 0; round < 5; round++) {
            InMemorySnapshot s = repository();
            for (String path : s.paths()) {
                s.read(path);
            }
            long start = System.nanoTime();
            int sites = s.model(CommandSites.KEY).size();
            long end = System.nanoTime();
            System.out.printf("round %d: %d files, %d command sites, %.1f ms%n", round, s.paths().size(), sites,
                    (end - start) / 1e6);
        }
    }
}
