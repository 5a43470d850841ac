package org.citymaas.security.audit.entity;

import java.util.List;

/**
 * One page of a search, newest first.
 *
 * @param events at most the query's page size
 * @param nextCursor the token of the next (older) page, null when this page is the last
 */
public record AuditPage(List<ChainedEvent> events, String nextCursor) {

    public AuditPage {
        events = List.copyOf(events);
    }

    /** Whether older events match: {@link #nextCursor} is not null. */
    public boolean hasMore() {
        return nextCursor != null;
    }
}
