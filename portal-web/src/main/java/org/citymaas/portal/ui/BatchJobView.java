package org.citymaas.portal.ui;

import java.io.Serializable;
import org.citymaas.portal.batch.entity.BatchJob;

/** A batch job on the batch page: its file, state, progress and whether retention deleted its results; a JavaBean for Faces' EL. */
public class BatchJobView implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String id;
    private final String model;
    private final String fileName;
    private final String status;
    private final boolean finished;
    private final int totalRows;
    private final int okRows;
    private final int failedRows;
    private final int percent;
    private final String createdAt;
    private final String purgedAt;

    public BatchJobView(BatchJob job) {
        this.id = job.id().toString();
        this.model = job.model();
        this.fileName = job.fileName();
        this.status = job.status().name();
        this.finished = job.status().finished();
        this.totalRows = job.totalRows();
        this.okRows = job.okRows();
        this.failedRows = job.failedRows();
        this.percent = job.percent();
        this.createdAt = ModelCardView.CITY_TIME.format(job.createdAt());
        this.purgedAt = job.purged() ? ModelCardView.CITY_TIME.format(job.purgedAt()) : null;
    }

    public String getId() {
        return id;
    }

    public String getModel() {
        return model;
    }

    public String getFileName() {
        return fileName;
    }

    /** {@code QUEUED}, {@code RUNNING}, {@code DONE} or {@code FAILED}. */
    public String getStatus() {
        return status;
    }

    public boolean isFinished() {
        return finished;
    }

    public int getTotalRows() {
        return totalRows;
    }

    public int getOkRows() {
        return okRows;
    }

    public int getFailedRows() {
        return failedRows;
    }

    public int getDoneRows() {
        return okRows + failedRows;
    }

    public int getPercent() {
        return percent;
    }

    /** Whether retention deleted its lines, results and file name. */
    public boolean isPurged() {
        return purgedAt != null;
    }

    /** When retention deleted them, in the city's time; null while they are kept. */
    public String getPurgedAt() {
        return purgedAt;
    }

    /** When it was submitted, in the city's time. */
    public String getCreatedAt() {
        return createdAt;
    }
}
