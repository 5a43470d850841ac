package org.citymaas.portal.metrics.control;

import java.util.concurrent.TimeUnit;
import org.citymaas.portal.metrics.entity.Latency;
import org.eclipse.microprofile.metrics.Snapshot;
import org.eclipse.microprofile.metrics.Timer;

/** A timer's median and 95th percentile in milliseconds, as the registry computed them for the export. */
public final class Percentiles {

    private static final double NANOS_PER_MILLI = TimeUnit.MILLISECONDS.toNanos(1);

    private Percentiles() {}

    public static Latency of(Timer timer) {
        if (timer == null || timer.getCount() == 0) {
            return Latency.NONE;
        }
        var snapshot = timer.getSnapshot();
        return new Latency(timer.getCount(), millis(snapshot, 0.5), millis(snapshot, 0.95));
    }

    /** The snapshot's value at {@code percentile} (timers record nanoseconds), {@code NaN} if not computed. */
    static double millis(Snapshot snapshot, double percentile) {
        if (snapshot == null || snapshot.size() == 0) {
            return Double.NaN;
        }
        for (var value : snapshot.percentileValues()) {
            if (Math.abs(value.getPercentile() - percentile) < 1e-9) {
                return value.getValue() / NANOS_PER_MILLI;
            }
        }
        return Double.NaN;
    }
}
