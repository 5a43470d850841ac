package org.citymaas.runtime.scheduler.control;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.DoubleAdder;
import org.citymaas.runtime.scheduler.entity.HistogramSnapshot;

/** A lock-free histogram with fixed bucket bounds. */
public final class Histogram {

    public static final double[] LATENCY_MILLIS = {
        0.1, 0.25, 0.5, 1, 2.5, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000
    };
    public static final double[] BATCH_ROWS = {1, 2, 4, 8, 16, 32, 64, 128, 256, 512};

    private final double[] bounds;
    private final AtomicLongArray counts;
    private final DoubleAdder sum = new DoubleAdder();

    public Histogram(double[] bounds) {
        this.bounds = bounds.clone();
        this.counts = new AtomicLongArray(bounds.length + 1);
    }

    public void observe(double value) {
        int i = 0;
        while (i < bounds.length && value > bounds[i]) {
            i++;
        }
        counts.incrementAndGet(i);
        sum.add(value);
    }

    public HistogramSnapshot snapshot() {
        var bs = new ArrayList<Double>(bounds.length);
        var cumulative = new ArrayList<Long>(bounds.length + 1);
        long running = 0;
        for (int i = 0; i <= bounds.length; i++) {
            running += counts.get(i);
            cumulative.add(running);
            if (i < bounds.length) {
                bs.add(bounds[i]);
            }
        }
        return new HistogramSnapshot(List.copyOf(bs), List.copyOf(cumulative), running, sum.sum());
    }
}
