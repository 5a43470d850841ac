package org.citymaas.portal.drift.control;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.citymaas.portal.drift.entity.CountKey;
import org.citymaas.portal.drift.entity.DriftRow;
import org.citymaas.portal.drift.entity.DriftSettings;
import org.citymaas.portal.drift.entity.Verdict;
import org.citymaas.runtime.catalog.entity.PredictionReference;

/** A month's counts of a department's model version, judged against its card's held-out reference. */
public final class DriftJudge {

    private final DriftSettings settings;

    public DriftJudge(DriftSettings settings) {
        this.settings = settings;
    }

    /**
     * The row of the report.
     *
     * @param reference the version's usable reference, or empty (no judgement)
     * @param counts the month's counts per bin (of that reference)
     */
    public DriftRow judge(CountKey key, Optional<PredictionReference> reference, long[] counts) {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        var usable = reference.filter(r -> r.bins() == counts.length);
        if (usable.isEmpty()) {
            return new DriftRow(
                    key.department(), key.model(), key.version(), total, null, Verdict.NO_REFERENCE, List.of());
        }
        var ref = usable.get();
        double psi = BigDecimal.valueOf(Psi.of(counts, ref.shares()))
                .setScale(4, RoundingMode.HALF_UP)
                .doubleValue();
        Verdict verdict;
        if (total < settings.minimum()) {
            verdict = Verdict.TOO_FEW;
        } else if (psi >= settings.threshold()) {
            verdict = Verdict.DRIFT;
        } else if (psi >= settings.watch()) {
            verdict = Verdict.WATCH;
        } else {
            verdict = Verdict.STABLE;
        }
        var bins = new ArrayList<DriftRow.Bin>(counts.length);
        for (int i = 0; i < counts.length; i++) {
            bins.add(new DriftRow.Bin(
                    label(ref, i),
                    counts[i],
                    total == 0 ? 0 : (double) counts[i] / total,
                    ref.shares().get(i)));
        }
        return new DriftRow(key.department(), key.model(), key.version(), total, psi, verdict, bins);
    }

    /** What falls in a bin: its class, or its range of values ({@code < a}, {@code [a, b)}, {@code ≥ b}). */
    static String label(PredictionReference reference, int bin) {
        if (PredictionReference.TOP_CLASS.equals(reference.binning())) {
            return reference.labels().get(bin);
        }
        var edges = reference.edges();
        if (bin == 0) {
            return "< " + number(edges.get(0));
        }
        if (bin == edges.size()) {
            return "≥ " + number(edges.get(bin - 1));
        }
        return "[" + number(edges.get(bin - 1)) + ", " + number(edges.get(bin)) + ")";
    }

    private static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    public DriftSettings settings() {
        return settings;
    }
}
