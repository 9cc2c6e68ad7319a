package dev.migrationguard.sql;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves the spans of statements read from an EXECUTE literal's value back to where they are written in the file.
 * The statement model is records all the way down, so one walk over record components covers every kind of
 * statement, action and constraint; only literals with doubled quotes need it, so its cost does not matter.
 */
final class SpanRemap {
    private SpanRemap() {
    }

    /** {@code offsets[k]}: the file offset of the value's character {@code k} (see SqlLiterals.unescapeWithOffsets). */
    @SuppressWarnings("unchecked")
    static <T> T remap(T value, int[] offsets) {
        return (T) remapValue(value, offsets);
    }

    private static Object remapValue(Object value, int[] offsets) {
        if (value instanceof Span span) {
            return new Span(at(span.start(), offsets), Math.max(at(span.start(), offsets), at(span.end(), offsets)));
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object element : list) {
                out.add(remapValue(element, offsets));
            }
            return List.copyOf(out);
        }
        if (value instanceof Record record) {
            RecordComponent[] components = record.getClass().getRecordComponents();
            Object[] arguments = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            try {
                for (int i = 0; i < components.length; i++) {
                    types[i] = components[i].getType();
                    arguments[i] = remapValue(components[i].getAccessor().invoke(record), offsets);
                }
                Constructor<?> constructor = record.getClass().getDeclaredConstructor(types);
                return constructor.newInstance(arguments);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot move the spans of " + record.getClass().getSimpleName(), e);
            }
        }
        return value;
    }

    private static int at(int offset, int[] offsets) {
        return offsets[Math.max(0, Math.min(offset, offsets.length - 1))];
    }
}
