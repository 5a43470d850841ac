package org.citymaas.portal.ui;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import org.citymaas.portal.usage.boundary.HistoryEntryView;

/** One of the person's own requests (an inference or an explanation) as a table row; a JavaBean for Faces' EL. */
public class HistoryRow implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final String time;
    private final String kind;
    private final String model;
    private final String version;
    private final String requestId;
    private final String outcome;
    private final Integer status;
    private final Integer rows;
    private final BigDecimal computeMs;

    HistoryRow(HistoryEntryView entry) {
        this.time = SHOWN.format(OffsetDateTime.parse(entry.time()));
        this.kind = entry.kind();
        this.model = entry.model();
        this.version = entry.version() == null ? "" : entry.version();
        this.requestId = entry.requestId() == null ? "" : entry.requestId();
        this.outcome = entry.outcome();
        this.status = entry.status();
        this.rows = entry.rows();
        this.computeMs = entry.computeMs();
    }

    /** When, in Asia/Shanghai. */
    public String getTime() {
        return time;
    }

    /** {@code infer} or {@code explain}. */
    public String getKind() {
        return kind;
    }

    public String getModel() {
        return model;
    }

    public String getVersion() {
        return version;
    }

    public String getRequestId() {
        return requestId;
    }

    public String getOutcome() {
        return outcome;
    }

    public Integer getStatus() {
        return status;
    }

    public Integer getRows() {
        return rows;
    }

    public BigDecimal getComputeMs() {
        return computeMs;
    }
}
