package org.citymaas.portal.ui;

import java.io.Serializable;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.citymaas.portal.inference.entity.ExplanationOutcome;

/**
 * The model page's attribution chart of one answered row, drawn by the page as horizontal CSS bars
 * (no script, nothing from outside the portal): each input's (or token's) share of the prediction
 * against the baseline, positive to the right, negative to the left of the axis, the largest first,
 * labelled with the feature and its value. At most {@link #MAX_BARS} bars: a complaint has a share per
 * token (up to 64), of which the largest are shown and the page says how many there are.
 */
public class AttributionChart implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The most bars the chart draws. */
    static final int MAX_BARS = 12;

    /**
     * One bar.
     *
     * @param feature the input's name or the token
     * @param value the share, as shown ({@code +12.5}, {@code -0.031})
     * @param positive whether it pushes the prediction up from the baseline
     * @param percent the bar's length, in percent of half the track (the largest share is 100)
     */
    public record Bar(String feature, String value, boolean positive, double percent) implements Serializable {

        /** The bar's inline position and length: from the axis (50%) to the right or to the left. */
        public String getStyle() {
            var half = String.format(Locale.ROOT, "%.2f", percent / 2);
            return positive ? "left:50%;width:" + half + "%" : "right:50%;width:" + half + "%";
        }
    }

    private final String method;
    private final String output;
    private final String outputLabel;
    private final String prediction;
    private final String baseline;
    private final String tolerance;
    private final int total;
    private final List<Bar> bars;

    private AttributionChart(
            String method,
            String output,
            String outputLabel,
            String prediction,
            String baseline,
            String tolerance,
            int total,
            List<Bar> bars) {
        this.method = method;
        this.output = output;
        this.outputLabel = outputLabel;
        this.prediction = prediction;
        this.baseline = baseline;
        this.tolerance = tolerance;
        this.total = total;
        this.bars = List.copyOf(bars);
    }

    /** The chart of the explanation's first row (the page's form sends one). */
    static AttributionChart of(ExplanationOutcome outcome) {
        var explanation = outcome.explanation();
        var row = explanation.rows().get(0);
        var shares = row.attributions();
        var largest =
                shares.stream().mapToDouble(a -> Math.abs(a.value())).max().orElse(0);
        var bars = shares.stream()
                .sorted(Comparator.comparingDouble(a -> -Math.abs(a.value())))
                .limit(MAX_BARS)
                .map(a -> new Bar(
                        a.feature(),
                        signed(a.value()),
                        a.value() >= 0,
                        largest == 0 ? 0 : 100 * Math.abs(a.value()) / largest))
                .toList();
        var label = row.label() != null ? row.label() : explanation.outputLabel();
        return new AttributionChart(
                explanation.method(),
                explanation.output(),
                label,
                plain(row.prediction()),
                plain(row.baseline()),
                outcome.spec().tolerance() > 0 ? plain(outcome.spec().tolerance()) : null,
                shares.size(),
                bars);
    }

    static String signed(double value) {
        return (value >= 0 ? "+" : "") + plain(value);
    }

    static String plain(double value) {
        return new DecimalFormat("0.####", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
    }

    /** {@code exact-shapley} or {@code occlusion}: the message keys name it in the page's language. */
    public String getMethod() {
        return method;
    }

    /** The output tensor explained. */
    public String getOutput() {
        return output;
    }

    /** The class explained (the router's top department), or null. */
    public String getOutputLabel() {
        return outputLabel;
    }

    public String getPrediction() {
        return prediction;
    }

    public String getBaseline() {
        return baseline;
    }

    /** How far the shares' sum may lie from prediction minus baseline; null where the method states none. */
    public String getTolerance() {
        return tolerance;
    }

    /** How many shares the explanation has (the chart draws at most {@link #MAX_BARS}). */
    public int getTotal() {
        return total;
    }

    public List<Bar> getBars() {
        return bars;
    }

    /** Whether the chart leaves shares out. */
    public boolean isTruncated() {
        return total > bars.size();
    }
}
