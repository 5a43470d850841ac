package org.citymaas.portal.batch.entity;

/** Where a batch job is: waiting, running, done (every line has an answer or a refusal), or failed. */
public enum BatchStatus {
    QUEUED,
    RUNNING,
    DONE,
    FAILED;

    public boolean finished() {
        return this == DONE || this == FAILED;
    }
}
