package org.citymaas.runtime.training.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntPredicate;
import org.citymaas.runtime.catalog.entity.FairnessCheck;
import org.citymaas.runtime.catalog.entity.FairnessReport;
import org.citymaas.runtime.catalog.entity.FairnessTolerances;
import org.citymaas.runtime.catalog.entity.GroupMetric;

/**
 * Per-group metrics of a model's held-out predictions by the rows' group attributes ({@link GroupAttributes}),
 * and the checks against {@link FairnessTolerances}. Groups with fewer than
 * {@link FairnessTolerances#MIN_GROUP_ROWS} rows are listed but not judged; an attribute with fewer than two
 * judged groups has no checks.
 */
public final class FairnessEvaluation {

    static final int BINS = 10;

    private FairnessEvaluation() {}

    /**
     * A regression: per group MAE, RMSE and the mean actual value; {@code relative}: the check compares MAE
     * divided by the group's mean actual value ({@code relative_mae_ratio}), else MAE ({@code mae_ratio}).
     * {@code width} predictions per row (a multi-step forecast counts each step).
     */
    public static FairnessReport regression(
            Table heldOut, float[] predicted, float[] truth, int width, List<String> attributes, boolean relative) {
        var groups = new ArrayList<GroupMetric>();
        var checks = new ArrayList<FairnessCheck>();
        String judgedMetric = relative ? "relative_mae" : "mae";
        for (String attribute : attributes) {
            var attributeGroups = new ArrayList<GroupMetric>();
            groupRows(heldOut, attribute).forEach((group, member) -> {
                double abs = 0;
                double sq = 0;
                double level = 0;
                int n = 0;
                for (int r = 0; r < heldOut.rows(); r++) {
                    if (member.test(r)) {
                        for (int k = r * width; k < (r + 1) * width; k++) {
                            double e = predicted[k] - truth[k];
                            abs += Math.abs(e);
                            sq += e * e;
                            level += truth[k];
                            n++;
                        }
                    }
                }
                var values = new LinkedHashMap<String, Double>();
                values.put("mae", Scores.round(abs / n));
                values.put("rmse", Scores.round(Math.sqrt(sq / n)));
                values.put("mean_actual", Scores.round(level / n));
                if (relative) {
                    values.put("relative_mae", Scores.round(abs / level));
                }
                attributeGroups.add(group(attribute, group, n / width, values));
            });
            groups.addAll(attributeGroups);
            ratio(attribute, attributeGroups, judgedMetric, judgedMetric + "_ratio")
                    .ifPresent(checks::add);
        }
        return report(
                "Per group of held-out rows: MAE, RMSE and the mean actual value"
                        + (width > 1 ? " over every step of the " + width + "-step forecast" : "")
                        + (relative
                                ? "; relative MAE = MAE / mean actual value (the error's scale grows with the level)"
                                : "")
                        + ". The check divides the worst judged group's " + judgedMetric + " by the best one's.",
                groups,
                checks);
    }

    /**
     * A binary classifier: the positive answer is a probability at or above {@code threshold}. Per group: base
     * rate, accuracy, selection rate, TPR, FPR and the expected calibration error of the probabilities.
     */
    public static FairnessReport binary(
            Table heldOut, float[] probability, float[] truth, double threshold, List<String> attributes) {
        var groups = new ArrayList<GroupMetric>();
        var checks = new ArrayList<FairnessCheck>();
        for (String attribute : attributes) {
            var attributeGroups = new ArrayList<GroupMetric>();
            groupRows(heldOut, attribute).forEach((group, member) -> {
                var c = new Counts();
                var ece = new Calibration();
                for (int r = 0; r < heldOut.rows(); r++) {
                    if (member.test(r)) {
                        boolean actual = truth[r] > 0.5f;
                        c.add(actual, probability[r] >= threshold);
                        ece.add(probability[r], actual);
                    }
                }
                attributeGroups.add(group(attribute, group, c.n, c.values(ece.error())));
            });
            groups.addAll(attributeGroups);
            checks.addAll(classifierChecks(attribute, attributeGroups, "selection_rate"));
        }
        return report(
                "Positive: probability >= " + threshold + ". Per group: base_rate (share of actual positives),"
                        + " accuracy, selection_rate (share answered positive), tpr, fpr, ece (expected calibration"
                        + " error of the probability, " + BINS + " equal-width bins). Demographic parity difference:"
                        + " largest minus smallest selection rate; selection rate ratio: smallest / largest;"
                        + " equalized odds difference: the larger of the TPR and the FPR differences.",
                groups,
                checks);
    }

    /**
     * A multi-class router whose group attribute is a grouping of its classes (the complaint's handling
     * department by size): one-vs-rest per group, a row "selected" for a group when the predicted class belongs
     * to it. Per group: accuracy (top class right) of its rows, true_share and routed_share of all rows, tpr
     * (its rows routed into the group), fpr (other rows routed into it), ece of the top-class probability.
     */
    public static FairnessReport routing(
            Table heldOut, float[] probabilities, long[] labels, String attribute, List<String> groupOfClass) {
        int classes = groupOfClass.size();
        int rows = heldOut.rows();
        int[] predicted = new int[rows];
        float[] confidence = new float[rows];
        for (int r = 0; r < rows; r++) {
            int best = 0;
            for (int c = 1; c < classes; c++) {
                if (probabilities[r * classes + c] > probabilities[r * classes + best]) {
                    best = c;
                }
            }
            predicted[r] = best;
            confidence[r] = probabilities[r * classes + best];
        }
        var attributeGroups = new ArrayList<GroupMetric>();
        var routedOverTrue = new java.util.HashMap<String, Double>();
        groupRows(heldOut, attribute).forEach((group, member) -> {
            var c = new Counts();
            var ece = new Calibration();
            int hits = 0;
            for (int r = 0; r < rows; r++) {
                boolean inGroup = member.test(r);
                c.add(inGroup, groupOfClass.get(predicted[r]).equals(group));
                if (inGroup) {
                    boolean right = predicted[r] == labels[r];
                    hits += right ? 1 : 0;
                    ece.add(confidence[r], right);
                }
            }
            var values = new LinkedHashMap<String, Double>();
            values.put("accuracy", Scores.round((double) hits / c.p));
            values.put("true_share", Scores.round((double) c.p / rows));
            values.put("routed_share", Scores.round((double) (c.tp + c.fp) / rows));
            values.put("tpr", Scores.round((double) c.tp / c.p));
            values.put("fpr", c.n - c.p == 0 ? null : Scores.round((double) c.fp / (c.n - c.p)));
            values.put("ece", Scores.round(ece.error()));
            routedOverTrue.put(group, (double) (c.tp + c.fp) / c.p);
            attributeGroups.add(group(attribute, group, c.p, values));
        });
        var checks = new ArrayList<FairnessCheck>();
        var judged = judged(attributeGroups);
        if (judged.size() >= 2) {
            checks.add(spread(attribute, judged, "accuracy", "accuracy_gap", true));
            GroupMetric worst = null;
            double worstRatio = Double.MAX_VALUE;
            for (var g : judged) {
                double r = routedOverTrue.get(g.group());
                double symmetric = Math.min(r, 1 / r);
                if (symmetric < worstRatio) {
                    worstRatio = symmetric;
                    worst = g;
                }
            }
            checks.add(check(
                    attribute,
                    "routed_share_ratio",
                    worstRatio,
                    worst.value("routed_share") - worst.value("true_share"),
                    worst.group(),
                    null));
            checks.add(equalizedOdds(attribute, judged));
            checks.add(maxEce(attribute, judged));
        }
        return report(
                "Department output, one-vs-rest per group: a complaint is routed into a group when its top"
                        + " department belongs to it. The group is a function of the label, so demographic parity"
                        + " (which ignores the label) is replaced by routed_share_ratio: min(routed/true,"
                        + " true/routed) of each group's share. Equalized odds difference: the larger of the TPR"
                        + " and FPR differences between groups; ece: calibration of the top department's"
                        + " probability against being right, " + BINS + " equal-width bins.",
                attributeGroups,
                checks);
    }

    private static List<FairnessCheck> classifierChecks(String attribute, List<GroupMetric> groups, String rate) {
        var judged = judged(groups);
        if (judged.size() < 2) {
            return List.of();
        }
        var checks = new ArrayList<FairnessCheck>();
        checks.add(spread(attribute, judged, "accuracy", "accuracy_gap", true));
        var dp = spread(attribute, judged, rate, "demographic_parity_difference", true);
        checks.add(dp);
        double lo = judged.stream().mapToDouble(g -> g.value(rate)).min().orElseThrow();
        double hi = judged.stream().mapToDouble(g -> g.value(rate)).max().orElseThrow();
        checks.add(check(
                attribute, "selection_rate_ratio", hi == 0 ? 1 : lo / hi, hi - lo, dp.worstGroup(), dp.bestGroup()));
        checks.add(equalizedOdds(attribute, judged));
        checks.add(maxEce(attribute, judged));
        return checks;
    }

    private static FairnessCheck equalizedOdds(String attribute, List<GroupMetric> judged) {
        var tpr = spread(attribute, withValue(judged, "tpr"), "tpr", "equalized_odds_difference", true);
        var fpr = spread(attribute, withValue(judged, "fpr"), "fpr", "equalized_odds_difference", false);
        return tpr.value() >= fpr.value() ? tpr : fpr;
    }

    private static FairnessCheck maxEce(String attribute, List<GroupMetric> judged) {
        GroupMetric worst = judged.stream()
                .max((a, b) -> Double.compare(a.value("ece"), b.value("ece")))
                .orElseThrow();
        GroupMetric best = judged.stream()
                .min((a, b) -> Double.compare(a.value("ece"), b.value("ece")))
                .orElseThrow();
        return check(
                attribute,
                "max_group_ece",
                worst.value("ece"),
                worst.value("ece") - best.value("ece"),
                worst.group(),
                best.group());
    }

    /** Largest minus smallest value; the worst group is the smallest when {@code higherIsBetter}. */
    private static FairnessCheck spread(
            String attribute, List<GroupMetric> judged, String metric, String check, boolean higherIsBetter) {
        if (judged.size() < 2) {
            return check(attribute, check, 0, 0, null, null);
        }
        GroupMetric lo = judged.stream()
                .min((a, b) -> Double.compare(a.value(metric), b.value(metric)))
                .orElseThrow();
        GroupMetric hi = judged.stream()
                .max((a, b) -> Double.compare(a.value(metric), b.value(metric)))
                .orElseThrow();
        double gap = hi.value(metric) - lo.value(metric);
        return higherIsBetter
                ? check(attribute, check, gap, gap, lo.group(), hi.group())
                : check(attribute, check, gap, gap, hi.group(), lo.group());
    }

    private static java.util.Optional<FairnessCheck> ratio(
            String attribute, List<GroupMetric> groups, String metric, String check) {
        var judged = judged(groups);
        if (judged.size() < 2) {
            return java.util.Optional.empty();
        }
        GroupMetric worst = judged.stream()
                .max((a, b) -> Double.compare(a.value(metric), b.value(metric)))
                .orElseThrow();
        GroupMetric best = judged.stream()
                .min((a, b) -> Double.compare(a.value(metric), b.value(metric)))
                .orElseThrow();
        return java.util.Optional.of(check(
                attribute,
                check,
                worst.value(metric) / best.value(metric),
                worst.value(metric) - best.value(metric),
                worst.group(),
                best.group()));
    }

    private static FairnessCheck check(
            String attribute, String metric, double value, double gap, String worst, String best) {
        var t = FairnessTolerances.of(metric);
        var unjudged = new FairnessCheck(
                attribute, metric, Scores.round(value), Scores.round(gap), t.limit(), t.atLeast(), worst, best, true);
        return new FairnessCheck(
                attribute,
                metric,
                unjudged.value(),
                unjudged.gap(),
                t.limit(),
                t.atLeast(),
                worst,
                best,
                unjudged.withinLimit(t.limit()));
    }

    private static List<GroupMetric> judged(List<GroupMetric> groups) {
        return groups.stream().filter(GroupMetric::judged).toList();
    }

    private static List<GroupMetric> withValue(List<GroupMetric> groups, String metric) {
        return groups.stream().filter(g -> g.value(metric) != null).toList();
    }

    private static GroupMetric group(String attribute, String group, int rows, Map<String, Double> values) {
        return new GroupMetric(attribute, group, rows, rows >= FairnessTolerances.MIN_GROUP_ROWS, values);
    }

    private static FairnessReport report(String definitions, List<GroupMetric> groups, List<FairnessCheck> checks) {
        var tolerances = new LinkedHashMap<String, FairnessTolerances.Tolerance>();
        checks.forEach(c -> tolerances.putIfAbsent(c.metric(), FairnessTolerances.of(c.metric())));
        return new FairnessReport(definitions, FairnessTolerances.MIN_GROUP_ROWS, groups, checks, tolerances);
    }

    /** Each group of an attribute (sorted) with a test for its rows. */
    private static Map<String, IntPredicate> groupRows(Table heldOut, String attribute) {
        String[] values = heldOut.column(GroupAttributes.column(attribute)).strings();
        var groups = new TreeMap<String, IntPredicate>();
        for (String v : values) {
            groups.computeIfAbsent(v, g -> r -> values[r].equals(g));
        }
        return groups;
    }

    /** A confusion matrix of one group (or of one group against the rest). */
    private static final class Counts {
        int n;
        int p;
        int tp;
        int fp;
        int tn;

        void add(boolean actual, boolean answered) {
            n++;
            p += actual ? 1 : 0;
            tp += actual && answered ? 1 : 0;
            fp += !actual && answered ? 1 : 0;
            tn += !actual && !answered ? 1 : 0;
        }

        Map<String, Double> values(double ece) {
            var v = new LinkedHashMap<String, Double>();
            v.put("base_rate", Scores.round((double) p / n));
            v.put("accuracy", Scores.round((double) (tp + tn) / n));
            v.put("selection_rate", Scores.round((double) (tp + fp) / n));
            v.put("tpr", p == 0 ? null : Scores.round((double) tp / p));
            v.put("fpr", n - p == 0 ? null : Scores.round((double) fp / (n - p)));
            v.put("ece", Scores.round(ece));
            return v;
        }
    }

    /** Expected calibration error: equal-width bins, each bin's |mean probability - share of outcomes|. */
    private static final class Calibration {
        final double[] sum = new double[BINS];
        final int[] hits = new int[BINS];
        final int[] count = new int[BINS];
        int n;

        void add(float probability, boolean outcome) {
            int b = Math.min(BINS - 1, Math.max(0, (int) (probability * BINS)));
            sum[b] += probability;
            hits[b] += outcome ? 1 : 0;
            count[b]++;
            n++;
        }

        double error() {
            double e = 0;
            for (int b = 0; b < BINS; b++) {
                if (count[b] > 0) {
                    e += Math.abs(sum[b] / count[b] - (double) hits[b] / count[b]) * count[b] / n;
                }
            }
            return e;
        }
    }
}
