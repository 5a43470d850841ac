package org.citymaas.portal.ui;

import java.io.Serializable;
import org.citymaas.runtime.catalog.entity.Metric;

/** A held-out metric next to its naive baseline; a JavaBean for Faces' EL. */
public class MetricView implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final String value;
    private final String baseline;
    private final String baselineValue;
    private final boolean higherIsBetter;
    private final int rows;

    public MetricView(Metric metric) {
        this(metric, metric.baseline());
    }

    /** The metric with its baseline named in the page's language. */
    public MetricView(Metric metric, String baseline) {
        this.name = metric.name();
        this.value = FieldView.number(metric.value());
        this.baseline = baseline;
        this.baselineValue = FieldView.number(metric.baselineValue());
        this.higherIsBetter = metric.higherIsBetter();
        this.rows = metric.rows();
    }

    public String getName() {
        return name;
    }

    public String getValue() {
        return value;
    }

    public String getBaseline() {
        return baseline;
    }

    public String getBaselineValue() {
        return baselineValue;
    }

    public boolean isHigherIsBetter() {
        return higherIsBetter;
    }

    public int getRows() {
        return rows;
    }
}
