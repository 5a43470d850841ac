package org.citymaas.security.provisioning.entity;

import java.time.Instant;
import java.util.Set;

/**
 * How far the import of an identity provider's events has come.
 *
 * @param until the time of the newest event imported
 * @param idsAtUntil the ids of the events at exactly {@code until} already imported
 */
public record ImportMark(Instant until, Set<String> idsAtUntil) {

    public ImportMark {
        idsAtUntil = Set.copyOf(idsAtUntil);
    }

    /** Whether an event at {@code time} with {@code id} is new to the import. */
    public boolean isNew(Instant time, String id) {
        return time.isAfter(until) || time.equals(until) && !idsAtUntil.contains(id);
    }
}
