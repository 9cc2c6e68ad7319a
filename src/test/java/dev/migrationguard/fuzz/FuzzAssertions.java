package dev.migrationguard.fuzz;

import dev.migrationguard.sql.Span;
import dev.migrationguard.workspace.SourceFile;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.Collections;

/**
 * The properties every fuzz target checks on every input: the work finishes within a time linear in the input's
 * length, and every offset a parsed model reports lies inside the file it belongs to. (That no exception escapes is
 * checked by Jazzer itself: a target lets anything thrown propagate.)
 */
final class FuzzAssertions {
    /** The time bound: a fixed allowance plus a cost per character, generous enough for instrumented fuzzing. */
    static final long BASE_NANOS = 200_000_000L;
    static final long NANOS_PER_CHAR = 50_000L;
    /**
     * The {@code @Order} of every fuzz test class: last (see junit-platform.properties). Their first run installs
     * Jazzer's agent, and its hooks slow every class loaded after it.
     */
    static final int LAST = Integer.MAX_VALUE;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static boolean warmingUp;

    private FuzzAssertions() {
    }

    /**
     * Runs a target once without the time bound: the first run loads classes, builds parser caches and (when fuzzing)
     * instruments bytecode, a cost the input did not cause.
     */
    static synchronized void warmUp(Runnable target) {
        warmingUp = true;
        try {
            target.run();
        } finally {
            warmingUp = false;
        }
    }

    /** The fuzzer's bytes as text, the way a snapshot decodes a UTF-8 file (bad sequences become U+FFFD). */
    static String text(byte[] input) {
        return new String(input, StandardCharsets.UTF_8);
    }

    @FunctionalInterface
    interface Work<T, E extends Exception> {
        T run() throws E;
    }

    /**
     * Runs {@code work} and fails when it took longer than the linear bound for {@code chars} characters. Time is
     * the thread's CPU time (wall time where the JVM cannot tell): the machine is shared, and waiting for a core is
     * not the parser's cost. An over-long run is measured twice more and fails only when every run is over: a
     * super-linear parser is slow each time, a class loaded and instrumented mid-run is slow once. {@code work}
     * must therefore be repeatable (build a fresh snapshot inside it, not a cached model).
     */
    static <T, E extends Exception> T withinLinearTime(String what, int chars, Work<T, E> work) throws E {
        long bound = BASE_NANOS + NANOS_PER_CHAR * chars;
        long fastest = Long.MAX_VALUE;
        long fastestWall = Long.MAX_VALUE;
        T result = null;
        for (int attempt = 0; attempt < 3 && fastest > bound; attempt++) {
            long wall = System.nanoTime();
            long cpu = cpuNanos();
            result = work.run();
            long cpuElapsed = cpuNanos() - cpu;
            long wallElapsed = System.nanoTime() - wall;
            fastest = Math.min(fastest, cpuElapsed < 0 ? wallElapsed : cpuElapsed);
            fastestWall = Math.min(fastestWall, wallElapsed);
            if (warmingUp) {
                return result;
            }
        }
        if (fastest > bound) {
            throw new AssertionError(String.format("%s took %d ms of CPU (%d ms wall; fastest of 3 runs) on %d"
                    + " characters; the bound is %d ms (%d ms + %d µs per character)", what, fastest / 1_000_000,
                    fastestWall / 1_000_000, chars, bound / 1_000_000, BASE_NANOS / 1_000_000, NANOS_PER_CHAR / 1_000));
        }
        return result;
    }

    /** The current thread's CPU time, or -1 when the JVM does not measure it. */
    private static long cpuNanos() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;
    }

    /**
     * Walks a parsed model (records, collections, optionals, maps) and fails when a position lies outside its file:
     * a {@link Span}, or an int component named {@code start}, {@code end}, {@code offset} or ending in
     * {@code Start}, {@code End} or {@code Offset}. A record holding a {@link SourceFile} is checked against that
     * file; anything else against {@code length}, the length of the text that was parsed.
     */
    static void positionsInside(Object model, int length, String what) {
        new PositionWalk(what).walk(model, length, "model", 0);
    }

    private static final class PositionWalk {
        private final String what;
        private final Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());

        PositionWalk(String what) {
            this.what = what;
        }

        void walk(Object value, int length, String where, int depth) {
            if (value == null || depth > 200 || !seen.add(value)) {
                return;
            }
            if (value instanceof Span span) {
                inside(span.start(), length, where + ".start");
                inside(span.end(), length, where + ".end");
            } else if (value instanceof Collection<?> items) {
                int i = 0;
                for (Object item : items) {
                    walk(item, length, where + "[" + i++ + "]", depth + 1);
                }
            } else if (value instanceof Map<?, ?> map) {
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    walk(e.getValue(), length, where + "[" + e.getKey() + "]", depth + 1);
                }
            } else if (value instanceof Optional<?> optional) {
                optional.ifPresent(v -> walk(v, length, where, depth + 1));
            } else if (value.getClass().isRecord()) {
                walkRecord(value, length, where, depth);
            }
        }

        private void walkRecord(Object record, int length, String where, int depth) {
            RecordComponent[] components = record.getClass().getRecordComponents();
            int own = length;
            for (RecordComponent c : components) {
                if (c.getType() == SourceFile.class && read(record, c) instanceof SourceFile file) {
                    own = file.text().length();
                }
            }
            String here = where + "(" + record.getClass().getSimpleName() + ")";
            Integer start = null;
            Integer end = null;
            for (RecordComponent c : components) {
                Object v = read(record, c);
                String name = c.getName();
                if (c.getType() == int.class && isPosition(name)) {
                    inside((Integer) v, own, here + "." + name);
                    if (name.equals("start")) {
                        start = (Integer) v;
                    } else if (name.equals("end")) {
                        end = (Integer) v;
                    }
                } else if (c.getType() != SourceFile.class) {
                    walk(v, own, here + "." + name, depth + 1);
                }
            }
            if (start != null && end != null && end < start) {
                throw new AssertionError(what + ": " + here + " ends at " + end + " before it starts at " + start);
            }
        }

        private static boolean isPosition(String name) {
            return name.equals("start") || name.equals("end") || name.equals("offset") || name.endsWith("Start")
                    || name.endsWith("End") || name.endsWith("Offset");
        }

        private static Object read(Object record, RecordComponent c) {
            try {
                var accessor = c.getAccessor();
                accessor.setAccessible(true);
                return accessor.invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + c, e);
            }
        }

        private void inside(int offset, int length, String where) {
            if (offset < 0 || offset > length) {
                throw new AssertionError(what + ": " + where + " = " + offset + " lies outside the file (0.." + length
                        + ")");
            }
        }
    }
}
