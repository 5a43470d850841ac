package org.citymaas.portal.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Locale;
import org.citymaas.portal.metrics.boundary.RuntimeReadings;
import org.citymaas.portal.metrics.entity.RuntimeFigures;

/**
 * The platform admins' runtime page: governed requests per model and department with their latency and
 * refusals, the runtime's queues and batch sizes, and the audit log's append latency, read from the metric
 * registry that {@code /metrics} exports (this instance's figures since it started).
 */
@Named
@RequestScoped
public class RuntimePage {

    static final String NONE = "–";

    @Inject
    RuntimeReadings readings;

    private RuntimeFigures figures;

    private RuntimeFigures figures() {
        if (figures == null) {
            figures = readings.figures();
        }
        return figures;
    }

    public List<RuntimeRequestRow> getRequests() {
        return figures().requests().stream().map(RuntimeRequestRow::new).toList();
    }

    public List<RuntimeQueueRow> getQueues() {
        return figures().queues().stream().map(RuntimeQueueRow::new).toList();
    }

    public long getQueued() {
        return figures().queued();
    }

    public long getBatches() {
        return figures().batches();
    }

    public String getBatchRowsMean() {
        return figures().batches() == 0
                ? NONE
                : String.format(Locale.ROOT, "%.1f", figures().batchRowsMean());
    }

    public String getBatchRowsP50() {
        return rows(figures().batchRowsP50());
    }

    public String getBatchRowsP95() {
        return rows(figures().batchRowsP95());
    }

    public long getAuditAppends() {
        return figures().auditAppends().count();
    }

    public String getAuditP50() {
        return millis(figures().auditAppends().p50Millis());
    }

    public String getAuditP95() {
        return millis(figures().auditAppends().p95Millis());
    }

    private String rows(double bound) {
        return figures().batches() == 0 ? NONE : "≤ " + Math.round(bound);
    }

    /** Milliseconds with two decimals, or a dash when nothing was timed. */
    static String millis(double value) {
        return Double.isNaN(value) ? NONE : String.format(Locale.ROOT, "%.2f", value);
    }
}
