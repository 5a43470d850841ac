package org.citymaas.portal.models.entity;

/** Where a model version is in its lifecycle. */
public enum VersionState {
    /** Uploaded and checked; waits for a second platform admin. Nobody's calls reach it. */
    STAGED,
    /** Approved: subscribed departments may call it; it may become the default. */
    PUBLISHED,
    /** Still answers, but should no longer be chosen: a replacement exists. */
    DEPRECATED,
    /** Answers no more: calls get 410 naming the replacement. Final. */
    RETIRED;

    /** Whether calls to it run. */
    public boolean serves() {
        return this == PUBLISHED || this == DEPRECATED;
    }
}
