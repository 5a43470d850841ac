package org.citymaas.portal.metrics.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import org.eclipse.microprofile.metrics.Snapshot;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    private static Snapshot snapshot(long size, Snapshot.PercentileValue... values) {
        return new Snapshot() {
            @Override
            public long size() {
                return size;
            }

            @Override
            public double getMax() {
                return 0;
            }

            @Override
            public double getMean() {
                return 0;
            }

            @Override
            public PercentileValue[] percentileValues() {
                return values;
            }

            @Override
            public HistogramBucket[] bucketValues() {
                return new HistogramBucket[0];
            }

            @Override
            public void dump(OutputStream output) {}
        };
    }

    @Test
    void aTimersNanosecondPercentilesAreShownInMilliseconds() {
        var snapshot = snapshot(
                10,
                new Snapshot.PercentileValue(0.5, 1_500_000),
                new Snapshot.PercentileValue(0.75, 2_000_000),
                new Snapshot.PercentileValue(0.95, 12_250_000));

        assertThat(Percentiles.millis(snapshot, 0.5)).isEqualTo(1.5);
        assertThat(Percentiles.millis(snapshot, 0.95)).isEqualTo(12.25);
    }

    @Test
    void nothingTimedOrAPercentileNotComputedIsNaN() {
        assertThat(Percentiles.millis(snapshot(0), 0.5)).isNaN();
        assertThat(Percentiles.millis(snapshot(3, new Snapshot.PercentileValue(0.5, 1)), 0.95))
                .isNaN();
        assertThat(Percentiles.of(null).count()).isZero();
    }
}
