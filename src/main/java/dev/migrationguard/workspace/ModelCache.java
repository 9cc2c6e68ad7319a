package dev.migrationguard.workspace;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.FutureTask;

/**
 * The models of one snapshot: each built at most once, and a model that depends on itself is refused. Threads may
 * ask at once: different models build side by side, and a thread asking for a model another thread is building
 * waits for it.
 */
final class ModelCache {
    /** The builds the current thread is inside, to tell a model that depends on itself from one another thread builds. */
    private static final ThreadLocal<Set<FutureTask<?>>> RUNNING = ThreadLocal.withInitial(HashSet::new);

    private final ConcurrentHashMap<ModelKey<?>, FutureTask<Object>> models = new ConcurrentHashMap<>();

    @SuppressWarnings("unchecked")
    <T> T get(ModelKey<T> key, Snapshot owner) {
        FutureTask<Object> task = models.computeIfAbsent(key, k -> new FutureTask<>(() -> k.build(owner)));
        Set<FutureTask<?>> running = RUNNING.get();
        if (!running.add(task)) {
            throw new IllegalStateException("model " + key + " depends on itself");
        }
        try {
            task.run();
        } finally {
            running.remove(task);
        }
        return (T) Tasks.join(task);
    }
}
