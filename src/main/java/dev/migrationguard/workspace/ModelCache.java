package dev.migrationguard.workspace;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The models of one snapshot: each built at most once, and a model that depends on itself is refused. */
final class ModelCache {
    private final Map<ModelKey<?>, Object> models = new HashMap<>();
    private final Set<ModelKey<?>> building = new HashSet<>();

    @SuppressWarnings("unchecked")
    synchronized <T> T get(ModelKey<T> key, Snapshot owner) {
        if (models.containsKey(key)) {
            return (T) models.get(key);
        }
        if (!building.add(key)) {
            throw new IllegalStateException("model " + key + " depends on itself");
        }
        try {
            T value = key.build(owner);
            models.put(key, value);
            return value;
        } finally {
            building.remove(key);
        }
    }
}
