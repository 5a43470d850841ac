package org.citymaas.portal.ui;

import java.io.Serializable;
import org.citymaas.portal.metrics.entity.QueueFigures;

/** A line of the runtime page's queue table; a JavaBean for Faces' EL. */
public class RuntimeQueueRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String model;
    private final String department;
    private final long requests;

    RuntimeQueueRow(QueueFigures figures) {
        this.model = figures.model();
        this.department = figures.department();
        this.requests = figures.requests();
    }

    public String getModel() {
        return model;
    }

    public String getDepartment() {
        return department;
    }

    public long getRequests() {
        return requests;
    }
}
