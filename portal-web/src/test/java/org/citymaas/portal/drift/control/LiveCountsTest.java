package org.citymaas.portal.drift.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.citymaas.portal.drift.entity.CountKey;
import org.junit.jupiter.api.Test;

class LiveCountsTest {

    private static final CountKey KEY = new CountKey("transport", "traffic-flow-forecast", "1", YearMonth.of(2026, 12));

    @Test
    void aDrainTakesWhatWasCountedOnceAndLeavesNothingBehind() {
        var counts = new LiveCounts();
        counts.add(KEY, new long[] {1, 0, 2});
        counts.add(KEY, new long[] {0, 0, 3});

        assertThat(counts.drain())
                .containsOnlyKeys(KEY)
                .satisfies(m -> assertThat(m.get(KEY)).containsExactly(1, 0, 5));
        assertThat(counts.drain()).isEmpty();
    }

    @Test
    void countsAFlushCouldNotWriteAreWrittenByTheNext() {
        var counts = new LiveCounts();
        counts.add(KEY, new long[] {4, 1});
        var failed = counts.drain();
        counts.add(KEY, new long[] {1, 1});

        counts.restore(failed);

        assertThat(counts.drain().get(KEY)).containsExactly(5, 2);
    }

    @Test
    void countsOfAnotherBinningForTheSameKeyAreNotMixedIn() {
        var counts = new LiveCounts();
        counts.add(KEY, new long[] {1, 1});
        counts.add(KEY, new long[] {1, 1, 1});

        var drained = counts.drain();
        assertThat(drained).containsOnlyKeys(KEY);
        assertThat(drained.get(KEY)).containsExactly(1, 1);
    }

    @Test
    void noCountIsLostOrTakenTwiceWhileDrainingConcurrently() throws InterruptedException {
        var counts = new LiveCounts();
        var pool = Executors.newFixedThreadPool(4);
        long[] drained = new long[2];
        for (int t = 0; t < 4; t++) {
            pool.submit(() -> {
                for (int i = 0; i < 10_000; i++) {
                    counts.add(KEY, new long[] {1, 2});
                }
            });
        }
        for (int i = 0; i < 50; i++) {
            var taken = counts.drain().getOrDefault(KEY, new long[2]);
            drained[0] += taken[0];
            drained[1] += taken[1];
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        var rest = counts.drain().getOrDefault(KEY, new long[2]);

        assertThat(drained[0] + rest[0]).isEqualTo(40_000);
        assertThat(drained[1] + rest[1]).isEqualTo(80_000);
    }
}
