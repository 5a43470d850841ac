package org.citymaas.portal.models.control;

import java.util.LinkedHashMap;
import java.util.Map;
import org.citymaas.portal.errors.RejectedModelUploadException;
import org.citymaas.portal.models.entity.HeldOutCheck;
import org.citymaas.portal.models.entity.MeasuredFairness;
import org.citymaas.runtime.catalog.entity.FairnessCheck;
import org.citymaas.runtime.catalog.entity.FairnessReport;
import org.citymaas.runtime.catalog.entity.GroupMetric;

/**
 * Whether a card's declared fairness table agrees with the one recomputed on the held-out file's rows: the same
 * groups of each attribute with the same row counts (exactly), every per-group metric the card declares and every
 * check's value within {@link MetricTolerance} (2% of the declared value, or 0.001 when that is wider; a metric
 * undefined for a group, such as a TPR without positives, must be undefined on both sides), and the same checks.
 * A card that claims a fairer model than the file shows is refused, and so is one that claims a less fair one.
 * The verdicts are not compared: the platform judges the measured report itself ({@link FairnessRule}).
 */
public final class FairnessAgreement {

    private FairnessAgreement() {}

    /**
     * @return the measured report, kept with the version
     * @throws RejectedModelUploadException {@code heldout-fairness-mismatch} naming the first disagreement:
     *     attribute, group (a group of the card; a group only the file has is counted, never named), metric,
     *     declared and measured values, rows
     */
    public static MeasuredFairness compare(FairnessReport declared, FairnessReport measured, int rows) {
        for (var d : declared.groups()) {
            var m = measured.groups().stream()
                    .filter(g ->
                            g.attribute().equals(d.attribute()) && g.group().equals(d.group()))
                    .findFirst()
                    .orElse(null);
            if (m == null || m.rows() != d.rows()) {
                throw mismatch(d.attribute(), d.group(), "rows", (double) d.rows(), m == null ? 0.0 : m.rows(), rows);
            }
            for (var entry : d.values().entrySet()) {
                compare(d, m, entry.getKey(), entry.getValue(), m.value(entry.getKey()), rows);
            }
        }
        for (var m : measured.groups()) {
            boolean declaredGroup = declared.groups().stream()
                    .anyMatch(d ->
                            d.attribute().equals(m.attribute()) && d.group().equals(m.group()));
            if (!declaredGroup) {
                long extra = measured.groups().stream()
                        .filter(g -> g.attribute().equals(m.attribute()))
                        .filter(g -> declared.groups().stream()
                                .noneMatch(d -> d.attribute().equals(g.attribute())
                                        && d.group().equals(g.group())))
                        .count();
                var members = members(m.attribute(), "-", "groups", null, null, rows);
                members.put("undeclaredGroups", extra);
                throw new RejectedModelUploadException(
                        "heldout-fairness-mismatch",
                        "the held-out file's group column for " + m.attribute() + " holds " + extra
                                + " group(s) the card's fairness table does not list (the table must list every"
                                + " group of the " + rows + " held-out rows)",
                        members);
            }
        }
        for (var d : declared.checks()) {
            var m = measured.checks().stream()
                    .filter(c ->
                            c.attribute().equals(d.attribute()) && c.metric().equals(d.metric()))
                    .findFirst()
                    .orElseThrow(() -> mismatch(d.attribute(), group(d), d.metric(), d.value(), null, rows));
            if (!MetricTolerance.agrees(d.value(), m.value())) {
                throw mismatch(d.attribute(), group(d), d.metric(), d.value(), m.value(), rows);
            }
        }
        for (var m : measured.checks()) {
            boolean declaredCheck = declared.checks().stream()
                    .anyMatch(d ->
                            d.attribute().equals(m.attribute()) && d.metric().equals(m.metric()));
            if (!declaredCheck) {
                throw mismatch(m.attribute(), group(m), m.metric(), null, m.value(), rows);
            }
        }
        return new MeasuredFairness(rows, measured);
    }

    private static void compare(
            GroupMetric d, GroupMetric m, String metric, Double declared, Double measured, int rows) {
        boolean agree = declared == null || measured == null
                ? declared == null && measured == null
                : MetricTolerance.agrees(declared, measured);
        if (!agree) {
            throw mismatch(d.attribute(), d.group(), metric, declared, measured, rows);
        }
    }

    private static String group(FairnessCheck c) {
        return c.worstGroup() == null ? "-" : c.worstGroup();
    }

    private static RejectedModelUploadException mismatch(
            String attribute, String group, String metric, Double declared, Double measured, int rows) {
        return new RejectedModelUploadException(
                "heldout-fairness-mismatch",
                "the card's fairness table declares " + attribute + " " + group + ": " + metric + " "
                        + text(declared) + " but it measures " + text(measured) + " on the " + rows
                        + " held-out rows (allowed: within 2% of the declared value, at least 0.001; group rows"
                        + " exactly)",
                members(attribute, group, metric, declared, measured, rows));
    }

    private static Map<String, Object> members(
            String attribute, String group, String metric, Double declared, Double measured, int rows) {
        var members = new LinkedHashMap<String, Object>();
        members.put("attribute", attribute);
        members.put("group", group);
        members.put("metric", metric);
        if (declared != null) {
            members.put("declared", declared);
        }
        if (measured != null) {
            members.put("measured", measured);
        }
        members.put("rows", rows);
        return members;
    }

    private static String text(Double value) {
        return value == null ? "none" : HeldOutCheck.number(value);
    }
}
