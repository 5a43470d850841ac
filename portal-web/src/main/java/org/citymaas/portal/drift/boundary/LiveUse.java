package org.citymaas.portal.drift.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.citymaas.portal.drift.control.LiveCounts;
import org.citymaas.portal.drift.entity.CountKey;
import org.citymaas.runtime.catalog.entity.ModelCard;
import org.citymaas.runtime.catalog.entity.ModelRef;
import org.citymaas.runtime.inference.entity.Tensor;
import org.citymaas.tenant.departments.entity.TenantId;
import org.citymaas.tenant.quotas.entity.QuotaPeriod;

/**
 * Counts the predictions of answered inferences in memory and adds them to PostgreSQL when flushed
 * ({@link DriftFlushTimer}: every interval and at shutdown). These are statistics, not usage or audit
 * records: a crash loses at most one interval's counts of this instance, and counting never fails an
 * inference. Only the bin of each row is kept, never an input, an answer or who asked.
 */
@ApplicationScoped
public class LiveUse {

    private static final Logger LOG = Logger.getLogger(LiveUse.class.getName());

    private final LiveCounts counts = new LiveCounts();
    private final Clock clock = Clock.systemUTC();

    @Inject
    PredictionCounts stored;

    /**
     * Adds an answer's rows: each row's bin of the card's prediction reference; a version without a
     * usable one has its rows counted in one bin (predictions, no distribution).
     *
     * @param department the department that asked (none: not counted)
     * @param ran the version that answered
     * @param card its card
     * @param outputs every output of the answer (not only those the caller asked for)
     */
    public void count(TenantId department, ModelRef ran, ModelCard card, List<Tensor> outputs) {
        if (department == null || card == null || outputs.isEmpty()) {
            return;
        }
        try {
            var key = new CountKey(department.value(), ran.name(), ran.version(), month());
            var reference = card.driftReference();
            if (reference.isEmpty()) {
                counts.add(key, new long[] {outputs.get(0).rows()});
                return;
            }
            var ref = reference.get();
            var output =
                    outputs.stream().filter(t -> t.name().equals(ref.output())).findFirst();
            if (output.isEmpty() || output.get().rows() == 0) {
                return;
            }
            var tensor = output.get();
            int rows = tensor.rows();
            int width = tensor.size() / rows;
            float[] values = tensor.floats();
            long[] perBin = new long[ref.bins()];
            for (int r = 0; r < rows; r++) {
                perBin[ref.bin(values, r, width)]++;
            }
            counts.add(key, perBin);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "a prediction was not counted for drift", e);
        }
    }

    /**
     * Adds what was counted since the last flush to the database; given back to be written next time
     * when that fails.
     *
     * @return keys written
     */
    public int flush() {
        var taken = counts.drain();
        if (taken.isEmpty()) {
            return 0;
        }
        try {
            stored.add(taken);
            return taken.size();
        } catch (RuntimeException e) {
            counts.restore(taken);
            throw e;
        }
    }

    private YearMonth month() {
        return YearMonth.now(clock.withZone(QuotaPeriod.CITY_ZONE));
    }
}
