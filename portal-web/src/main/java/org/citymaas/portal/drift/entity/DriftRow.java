package org.citymaas.portal.drift.entity;

import java.util.List;

/**
 * A department's use of a model version in a month, judged against the card's held-out reference.
 *
 * @param department the department's id
 * @param model the model
 * @param version the version that answered
 * @param predictions predictions counted (rows answered)
 * @param psi the population stability index, null without a usable reference
 * @param verdict the judgement
 * @param bins each bin's live and held-out share, empty without a usable reference
 */
public record DriftRow(
        String department,
        String model,
        String version,
        long predictions,
        Double psi,
        Verdict verdict,
        List<Bin> bins) {

    public DriftRow {
        bins = List.copyOf(bins);
    }

    /**
     * One bin of the reference.
     *
     * @param label what falls in it: a range of values ({@code [43.42, 66.98)}) or a class
     * @param count live predictions in it
     * @param live its share of the live predictions
     * @param reference its share of the held-out predictions
     */
    public record Bin(String label, long count, double live, double reference) {}
}
