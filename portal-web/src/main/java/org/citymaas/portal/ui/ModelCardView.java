package org.citymaas.portal.ui;

import java.io.Serializable;
import java.text.MessageFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.ResourceBundle;
import org.citymaas.portal.subscriptions.boundary.QuotaView;
import org.citymaas.runtime.catalog.entity.ModelCard;

/**
 * A catalog card: what the model is for, its inputs, how well it does against its baseline, its limits
 * and what the department has left of it this month; a JavaBean for Faces' EL.
 */
public class ModelCardView implements Serializable {

    private static final long serialVersionUID = 1L;
    static final DateTimeFormatter CITY_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    private final String name;
    private final String version;
    private final String title;
    private final String task;
    private final String intendedUse;
    private final List<String> limitations;
    private final String riskLevel;
    private final String recording;
    private final List<FieldView> inputs;
    private final List<MetricView> metrics;
    private final FairnessRow fairness;
    private final Long requestsLeft;
    private final Long rowsLeft;
    private final String resetsAt;

    /** The card in English (the card's own text). */
    public ModelCardView(ModelCard card, QuotaView quota) {
        this(card, quota, ModelCard.ENGLISH);
    }

    /**
     * The card with its text in a language ({@code zh}, {@code en}): the card's translation, English for
     * whatever the card has no translation of.
     */
    public ModelCardView(ModelCard card, QuotaView quota, String language) {
        var text = card.text(language);
        this.name = card.name();
        this.version = card.version();
        this.title = text.title();
        this.task = card.task();
        this.intendedUse = text.intendedUse();
        this.limitations = List.copyOf(text.limitations());
        this.riskLevel = card.riskLevel() == null ? "" : card.riskLevel().json();
        this.recording = card.recording().json();
        this.inputs = card.inputs().stream()
                .map(f -> new FieldView(f, text.input(f.name())))
                .toList();
        this.metrics = card.metrics().stream()
                .map(m -> new MetricView(m, text.baseline(m.name())))
                .toList();
        this.fairness = new FairnessRow(card.fairness());
        this.requestsLeft = quota == null ? null : quota.requestsLeft();
        this.rowsLeft = quota == null ? null : quota.rowsLeft();
        this.resetsAt = quota == null ? "" : CITY_TIME.format(quota.resetsAt());
    }

    public String getName() {
        return name;
    }

    public String getVersion() {
        return version;
    }

    public String getTitle() {
        return title;
    }

    public String getTask() {
        return task;
    }

    public String getIntendedUse() {
        return intendedUse;
    }

    public List<String> getLimitations() {
        return limitations;
    }

    /** {@code low}, {@code medium} or {@code high}. */
    public String getRiskLevel() {
        return riskLevel;
    }

    /** What the audit log keeps of a request: {@code metadata} or {@code request}. */
    public String getRecording() {
        return recording;
    }

    public List<FieldView> getInputs() {
        return inputs;
    }

    public List<MetricView> getMetrics() {
        return metrics;
    }

    /**
     * The card's fairness checks against the platform's tolerances: {@code none} (no table the platform judges),
     * {@code within} (every judged check) or {@code outside} (at least one).
     */
    public String getFairnessVerdict() {
        return fairness.missing() ? "none" : fairness.outside().isEmpty() ? "within" : "outside";
    }

    /** How many judged checks are outside their tolerance. */
    public int getFairnessOutsideCount() {
        return fairness.outside().size();
    }

    /** Each check: attribute, metric, value, tolerance, verdict, worst and compared group. */
    public List<List<String>> getFairnessChecks() {
        return fairness.checks();
    }

    /** Requests left this month, or null for no limit. */
    public Long getRequestsLeft() {
        return requestsLeft;
    }

    /** Rows left this month, or null for no limit. */
    public Long getRowsLeft() {
        return rowsLeft;
    }

    /** When the month's quota starts again (Asia/Shanghai). */
    public String getResetsAt() {
        return resetsAt;
    }

    /**
     * A refusal of one field in the page's language (Messages {@code model.rule.<rule>}), with the
     * field's range, width, longest text and type from the card where it has the field.
     */
    static String violation(ModelCardView card, ResourceBundle text, String field, String rule, String message) {
        var spec = card == null
                ? null
                : card.getInputs().stream()
                        .filter(f -> f.getName().equals(field))
                        .findFirst()
                        .orElse(null);
        var key = "model.rule." + rule;
        if (!text.containsKey(key)) {
            return MessageFormat.format(text.getString("model.rule.other"), field, message);
        }
        return MessageFormat.format(
                text.getString(key),
                field,
                spec == null ? "" : spec.getRange(),
                spec == null ? 1 : spec.getWidth(),
                spec == null || spec.getMaxLength() == null ? "" : spec.getMaxLength(),
                spec == null ? "" : spec.getDatatype());
    }
}
