package dev.migrationguard.scripts;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives each named unit (a package.json script, a Makefile target) the strongest context of any entry point that
 * reaches it through calls ({@code npm run x}, a prerequisite), with the shortest chain from that entry point.
 * A unit's own context wins ties, so a chain is named only when it makes the context stronger. Cycles end.
 */
final class ChainResolver {

    /** What reaches a unit: its context and the chain leading to it (the unit excluded). */
    record Reach(ScriptContext context, List<String> from) {
    }

    /** An entry point outside the units: a workflow step running {@code npm run deploy}. */
    record Seed(String label, String target, ScriptContext context) {
    }

    private ChainResolver() {
    }

    /**
     * @param own   each unit's own context, in a stable order
     * @param edges which units each unit runs
     * @param seeds entry points from other files
     */
    static Map<String, Reach> resolve(Map<String, ScriptContext> own, Map<String, List<String>> edges, List<Seed> seeds) {
        Map<String, Reach> reach = new HashMap<>();
        for (ScriptContext level : List.of(ScriptContext.DEPLOY, ScriptContext.CI)) {
            Deque<String> queue = new ArrayDeque<>();
            for (Map.Entry<String, ScriptContext> e : own.entrySet()) {
                if (e.getValue() == level && !reach.containsKey(e.getKey())) {
                    reach.put(e.getKey(), new Reach(level, List.of()));
                    queue.add(e.getKey());
                }
            }
            for (Seed seed : seeds) {
                if (seed.context() == level && own.containsKey(seed.target()) && !reach.containsKey(seed.target())) {
                    reach.put(seed.target(), new Reach(level, List.of(seed.label())));
                    queue.add(seed.target());
                }
            }
            while (!queue.isEmpty()) {
                String unit = queue.poll();
                Reach from = reach.get(unit);
                for (String next : edges.getOrDefault(unit, List.of())) {
                    if (!reach.containsKey(next)) {
                        List<String> chain = new ArrayList<>(from.from());
                        chain.add(unit);
                        reach.put(next, new Reach(level, List.copyOf(chain)));
                        queue.add(next);
                    }
                }
            }
        }
        Map<String, Reach> out = new LinkedHashMap<>();
        for (String unit : own.keySet()) {
            out.put(unit, reach.getOrDefault(unit, new Reach(ScriptContext.LOCAL, List.of())));
        }
        return out;
    }
}
