package dev.migrationguard.workspace;

import java.util.Objects;
import java.util.function.Function;

/**
 * Names a model derived from a snapshot (parsed SQL files, extracted commands, the Prisma schema) and says how to
 * build it. {@link Snapshot#model} builds each model once per snapshot, so every rule shares one parse.
 *
 * @param <T> the model's type
 */
public final class ModelKey<T> {
    private final String name;
    private final Function<Snapshot, T> builder;

    private ModelKey(String name, Function<Snapshot, T> builder) {
        this.name = Objects.requireNonNull(name);
        this.builder = Objects.requireNonNull(builder);
    }

    public static <T> ModelKey<T> of(String name, Function<Snapshot, T> builder) {
        return new ModelKey<>(name, builder);
    }

    public String name() {
        return name;
    }

    T build(Snapshot snapshot) {
        return builder.apply(snapshot);
    }

    @Override
    public String toString() {
        return name;
    }
}
