package org.citymaas.portal.batch.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DepartmentSlotsTest {

    @Test
    void aDepartmentNeverHasMoreChunksInFlightThanItsSlotsAndAnotherStillGetsIn() throws Exception {
        var slots = new DepartmentSlots(2);
        var inFlight = new ConcurrentHashMap<String, AtomicInteger>();
        var most = new ConcurrentHashMap<String, AtomicInteger>();
        var pool = Executors.newFixedThreadPool(12);
        try {
            var chunks = new ArrayList<Future<?>>();
            for (int i = 0; i < 60; i++) {
                var department = i % 6 == 5 ? "hotline" : "transport"; // transport's big file, hotline's small one
                chunks.add(pool.submit(() -> {
                    while (!slots.tryAcquire(department, 50)) {
                        // wait for a slot of this department
                    }
                    try {
                        var now = inFlight.computeIfAbsent(department, d -> new AtomicInteger())
                                .incrementAndGet();
                        most.computeIfAbsent(department, d -> new AtomicInteger())
                                .accumulateAndGet(now, Math::max);
                        Thread.sleep(5);
                        inFlight.get(department).decrementAndGet();
                    } finally {
                        slots.release(department);
                    }
                    return null;
                }));
            }
            for (var chunk : chunks) {
                chunk.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(most.get("transport").get()).as("transport's chunks at once").isEqualTo(2);
        assertThat(most.get("hotline").get()).as("hotline's chunks at once").isBetween(1, 2);
        assertThat(slots.inFlight("transport")).isZero();
        assertThat(slots.inFlight("hotline")).isZero();
    }

    @Test
    void whileOneDepartmentsSlotsAreTakenAnotherDepartmentTakesItsOwn() throws Exception {
        var slots = new DepartmentSlots(2);
        assertThat(slots.tryAcquire("transport", 0)).isTrue();
        assertThat(slots.tryAcquire("transport", 0)).isTrue();

        assertThat(slots.tryAcquire("transport", 20))
                .as("a third transport chunk waits")
                .isFalse();
        assertThat(slots.tryAcquire("hotline", 0))
                .as("hotline is not held up by transport")
                .isTrue();
        assertThat(slots.inFlight("transport")).isEqualTo(2);

        var waiting = new CountDownLatch(1);
        var got = Executors.newSingleThreadExecutor().submit(() -> {
            waiting.countDown();
            return slots.tryAcquire("transport", 5_000);
        });
        waiting.await();
        slots.release("transport");
        assertThat(got.get(5, TimeUnit.SECONDS))
                .as("a released slot goes to the chunk waiting")
                .isTrue();
        assertThat(slots.inFlight("transport")).isEqualTo(2);
        assertThat(Map.of("hotline", slots.inFlight("hotline"))).containsEntry("hotline", 1);
    }

    @Test
    void aDepartmentHasAtLeastOneSlot() {
        assertThatThrownBy(() -> new DepartmentSlots(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
