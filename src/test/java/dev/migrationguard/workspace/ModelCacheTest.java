package dev.migrationguard.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationguard.testing.InMemorySnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ModelCacheTest {

    @Test
    void aModelIsBuiltOnceWhenThreadsAskForItTogether() throws Exception {
        AtomicInteger builds = new AtomicInteger();
        ModelKey<Object> slow = ModelKey.of("slow", s -> {
            builds.incrementAndGet();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new Object();
        });
        Snapshot snapshot = InMemorySnapshot.of();
        List<Object> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Thread t = new Thread(() -> {
                seen.add(snapshot.model(slow));
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(1, builds.get());
        assertEquals(4, seen.size());
        for (Object o : seen) {
            assertSame(seen.get(0), o);
        }
    }

    private static final ModelKey<String> SELF = ModelKey.of("self", s -> s.model(ModelCacheTest.SELF));

    @Test
    void aModelThatDependsOnItselfIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> InMemorySnapshot.of().model(SELF));
        assertTrue(e.getMessage().contains("model self depends on itself"), e.getMessage());
    }

    @Test
    void aModelThatFailsFailsTheSameWayForEveryRuleThatAsks() {
        ModelKey<String> broken = ModelKey.of("broken", s -> {
            throw new IllegalArgumentException("bad input");
        });
        Snapshot snapshot = InMemorySnapshot.of();
        IllegalArgumentException first = assertThrows(IllegalArgumentException.class, () -> snapshot.model(broken));
        IllegalArgumentException second = assertThrows(IllegalArgumentException.class, () -> snapshot.model(broken));
        assertEquals("bad input", first.getMessage());
        assertSame(first, second);
    }
}
