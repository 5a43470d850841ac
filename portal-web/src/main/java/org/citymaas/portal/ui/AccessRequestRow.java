package org.citymaas.portal.ui;

import java.io.Serializable;
import org.citymaas.portal.access.boundary.AccessRequestView;

/** An access request as a table row (a JavaBean for Faces' EL); times in Asia/Shanghai. */
public class AccessRequestRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final long id;
    private final String department;
    private final String model;
    private final String requestedBy;
    private final String requestedAt;
    private final String justification;
    private final String status;
    private final String decidedBy;
    private final String decidedAt;
    private final String reason;
    private final Long requestLimit;
    private final Long rowLimit;

    public AccessRequestRow(AccessRequestView view) {
        this.id = view.id();
        this.department = view.department();
        this.model = view.model();
        this.requestedBy = view.requestedBy();
        this.requestedAt = ModelCardView.CITY_TIME.format(view.requestedAt());
        this.justification = view.justification();
        this.status = view.status();
        this.decidedBy = view.decidedBy();
        this.decidedAt = view.decidedAt() == null ? "" : ModelCardView.CITY_TIME.format(view.decidedAt());
        this.reason = view.reason();
        this.requestLimit = view.requestLimit();
        this.rowLimit = view.rowLimit();
    }

    public long getId() {
        return id;
    }

    public String getDepartment() {
        return department;
    }

    public String getModel() {
        return model;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public String getRequestedAt() {
        return requestedAt;
    }

    public String getJustification() {
        return justification;
    }

    /** {@code PENDING}, {@code GRANTED} or {@code REFUSED}. */
    public String getStatus() {
        return status;
    }

    public boolean isPending() {
        return "PENDING".equals(status);
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public String getDecidedAt() {
        return decidedAt;
    }

    public String getReason() {
        return reason;
    }

    public Long getRequestLimit() {
        return requestLimit;
    }

    public Long getRowLimit() {
        return rowLimit;
    }
}
