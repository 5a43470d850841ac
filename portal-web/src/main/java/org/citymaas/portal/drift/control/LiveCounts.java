package org.citymaas.portal.drift.control;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import org.citymaas.portal.drift.entity.CountKey;

/**
 * Prediction counts of this instance not yet written: per key, one counter per bin. Adding is a map
 * look-up and an atomic add per bin touched, so the governed path pays next to nothing; a flush takes
 * what was counted ({@link #drain()}, each counter read and zeroed atomically, so a count made meanwhile
 * is neither lost nor taken twice) and gives it back when it could not be written ({@link #restore}).
 */
public final class LiveCounts {

    private final ConcurrentHashMap<CountKey, AtomicLongArray> counters = new ConcurrentHashMap<>();

    /** Adds a count per bin (the array's length is the reference's number of bins). */
    public void add(CountKey key, long[] perBin) {
        var counter = counters.computeIfAbsent(key, k -> new AtomicLongArray(perBin.length));
        if (counter.length() != perBin.length) {
            return; // a key always has the bins of its version's card; anything else is not counted
        }
        for (int i = 0; i < perBin.length; i++) {
            if (perBin[i] != 0) {
                counter.addAndGet(i, perBin[i]);
            }
        }
    }

    /** Takes every count made since the last drain; keys with nothing counted are left out. */
    public Map<CountKey, long[]> drain() {
        var taken = new HashMap<CountKey, long[]>();
        counters.forEach((key, counter) -> {
            long[] counts = new long[counter.length()];
            boolean any = false;
            for (int i = 0; i < counts.length; i++) {
                counts[i] = counter.getAndSet(i, 0);
                any |= counts[i] != 0;
            }
            if (any) {
                taken.put(key, counts);
            }
        });
        return taken;
    }

    /** Gives back counts a flush could not write, to be written by the next one. */
    public void restore(Map<CountKey, long[]> counts) {
        counts.forEach(this::add);
    }

    /** What is counted and not drained yet, for a key (zeros when nothing). */
    public long[] pending(CountKey key, int bins) {
        var counter = counters.get(key);
        long[] counts = new long[bins];
        if (counter != null && counter.length() == bins) {
            for (int i = 0; i < bins; i++) {
                counts[i] = counter.get(i);
            }
        }
        return counts;
    }
}
