package org.citymaas.portal.ui;

import java.io.Serializable;
import org.citymaas.portal.metrics.entity.RequestFigures;

/** A line of the runtime page's request table (a model and department); a JavaBean for Faces' EL. */
public class RuntimeRequestRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final RequestFigures figures;

    RuntimeRequestRow(RequestFigures figures) {
        this.figures = figures;
    }

    public String getModel() {
        return figures.model();
    }

    public String getDepartment() {
        return figures.department();
    }

    public long getOk() {
        return figures.ok();
    }

    public long getRefused() {
        return figures.refused();
    }

    public long getFailed() {
        return figures.failed();
    }

    public long getQuotaRefusals() {
        return figures.quotaRefusals();
    }

    public String getP50() {
        return RuntimePage.millis(figures.latency().p50Millis());
    }

    public String getP95() {
        return RuntimePage.millis(figures.latency().p95Millis());
    }
}
