package org.citymaas.portal.ui;

import java.io.Serializable;
import java.math.BigDecimal;
import org.citymaas.billing.usage.entity.DailyUsage;
import org.citymaas.billing.usage.entity.ModelUsage;

/** A line of the usage table (a day and model, or a model's month total); a JavaBean for Faces' EL. */
public class UsageRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String day;
    private final String model;
    private final long requests;
    private final long rows;
    private final BigDecimal computeMs;

    private UsageRow(String day, String model, long requests, long rows, BigDecimal computeMs) {
        this.day = day;
        this.model = model;
        this.requests = requests;
        this.rows = rows;
        this.computeMs = computeMs;
    }

    static UsageRow of(DailyUsage usage) {
        return new UsageRow(
                usage.day().toString(), usage.model(), usage.requests(), usage.rows(), usage.computeMillis());
    }

    static UsageRow total(ModelUsage usage) {
        return new UsageRow("", usage.model(), usage.requests(), usage.rows(), usage.computeMillis());
    }

    public String getDay() {
        return day;
    }

    public String getModel() {
        return model;
    }

    public long getRequests() {
        return requests;
    }

    public long getRows() {
        return rows;
    }

    public BigDecimal getComputeMs() {
        return computeMs;
    }
}
